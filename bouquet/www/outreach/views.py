"""Public pages of workshops (list, page, registration, calendar, poster), the printable paper form of a process,
the street quick-entry page of facilitators, and claiming one's gathered contributions."""

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.bouquets.selectors import similar_proposals
from bouquet.core.forms import form_field_errors, submit_form
from bouquet.core.french import format_date, format_time
from bouquet.outreach import calendar, printing, rules, selectors, services
from bouquet.outreach.models import Format, MeetingKind, Workshop
from bouquet.outreach.paper import KIND as PAPER_KIND
from bouquet.outreach.paper import PAPER_COLUMNS
from bouquet.places.selectors import authority_identity
from bouquet.processes.models import Process
from bouquet.proposals.models import Origin, Proposal
from bouquet.proposals.rules import submissions_open
from bouquet.www.auth import signed_in_user
from bouquet.www.outreach.forms import CONSENT_SENTENCE, ClaimForm, StreetForm


def _workshop_or_404(request: HttpRequest, pk: int) -> Workshop:
    workshop = selectors.workshop_for_page(pk)
    if workshop is None or not rules.can_read_workshop(request.user, workshop):
        raise Http404
    return workshop


def _public_process_or_404(slug: str) -> Process:
    return get_object_or_404(Process, slug=slug, is_published=True)


# ---------------------------------------------------------------------------------------------------- public
def workshop_list(request: HttpRequest) -> HttpResponse:
    """Published workshops and public meetings: those to come, then those past with what came out of them."""
    workshops = list(selectors.published_workshops())
    now = timezone.now()
    processes = {w.process_id: w.process for w in workshops}
    context = {
        "upcoming": [w for w in workshops if w.ends_at >= now],
        "past": [w for w in reversed(workshops) if w.ends_at < now],
        "agendas": sorted(processes.values(), key=lambda p: p.title),
    }
    return render(request, "outreach/workshop_list.html", context)


def workshop_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One workshop: when, where (map), format, accessibility, registration; after it, its report and photos."""
    workshop = _workshop_or_404(request, pk)
    registration = selectors.registration_of(request.user, workshop)
    context = {
        "workshop": workshop,
        "registration": registration,
        "waiting_position": selectors.waiting_position(registration)
        if registration and registration.state == "waiting"
        else None,
        "can_register": rules.can_register(request.user, workshop),
        "can_manage": rules.can_manage_workshop(request.user, workshop),
        "contributions": selectors.workshop_contributions(workshop),
        "is_past": workshop.ends_at < timezone.now(),
        "seats_left": None
        if workshop.capacity is None
        else max(workshop.capacity - workshop.confirmed_count, 0),  # type: ignore[attr-defined]
    }
    return render(request, "outreach/workshop_detail.html", context)


@require_POST
@login_required
def workshop_register(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a seat (or a waiting place) at a workshop."""
    workshop = _workshop_or_404(request, pk)
    registration = services.register_for_workshop(person=signed_in_user(request), workshop=workshop)
    if registration.state == "waiting":
        messages.info(request, _("L'atelier est complet : vous êtes sur la liste d'attente."))
    else:
        messages.success(request, _("Vous êtes inscrit. Un rappel vous sera envoyé la veille."))
    return redirect(workshop)


@require_POST
@login_required
def workshop_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Give one's seat back (the first person waiting gets it)."""
    workshop = _workshop_or_404(request, pk)
    services.cancel_registration(person=signed_in_user(request), workshop=workshop)
    messages.success(request, _("Votre inscription est annulée."))
    return redirect(workshop)


def _event(request: HttpRequest, workshop: Workshop) -> calendar.Event:
    where = ", ".join(part for part in (workshop.place_name, workshop.address) if part)
    return calendar.Event(
        uid=f"atelier-{workshop.pk}@{request.get_host()}",
        starts_at=workshop.starts_at,
        ends_at=workshop.ends_at,
        summary=workshop.title,
        location=where,
        description=f"{workshop.get_format_display()}. {workshop.description}".strip(),
        url=request.build_absolute_uri(workshop.get_absolute_url()),
        geo=(workshop.latitude, workshop.longitude) if workshop.has_place else None,  # type: ignore[arg-type]
    )


def _ics(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


@require_GET
def workshop_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The workshop as an iCalendar event, to add to one's calendar."""
    workshop = _workshop_or_404(request, pk)
    text = calendar.calendar([_event(request, workshop)], name=workshop.title, stamp=timezone.now())
    return _ics(text, f"atelier-{workshop.pk}")


@require_GET
def process_agenda_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """Every published workshop of a process, as one calendar."""
    process = _public_process_or_404(slug)
    events = [_event(request, w) for w in selectors.published_workshops(process=process)]
    name = _("Ateliers · %(process)s") % {"process": process.title}
    return _ics(calendar.calendar(events, name=name, stamp=timezone.now()), f"ateliers-{process.slug}")


def _pdf(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@require_GET
def workshop_poster(request: HttpRequest, pk: int) -> HttpResponse:
    """The workshop's A4 poster, with a QR code of its page."""
    workshop = _workshop_or_404(request, pk)
    access = []
    if workshop.step_free:
        access.append(_("Lieu accessible en fauteuil roulant."))
    if workshop.hearing_loop:
        access.append(_("Boucle magnétique pour les personnes malentendantes."))
    if workshop.accessibility:
        access.append(workshop.accessibility)
    texts = printing.PosterTexts(
        authority=authority_identity()["name"],
        kind=str(MeetingKind(workshop.kind).label),
        title=workshop.title,
        when=_("%(day)s, de %(start)s à %(end)s")
        % {
            "day": format_date(workshop.starts_at),
            "start": format_time(workshop.starts_at),
            "end": format_time(workshop.ends_at),
        },
        where=", ".join(part for part in (workshop.place_name, workshop.address) if part),
        format=_("Format : %(format)s") % {"format": Format(workshop.format).label},
        access=" ".join(access),
        description=workshop.description,
        link=request.build_absolute_uri(workshop.get_absolute_url()),
        link_hint=_("Inscription et informations :"),
        footer=_("Entrée libre et gratuite. %(process)s") % {"process": workshop.process.title},
    )
    return _pdf(printing.poster(texts), f"affiche-atelier-{workshop.pk}")


# The printed form's boxes, in the import's column order (the import reads its headers by these names).
_BOX_HEIGHTS = {"said_on": 7.0, "name": 8.0, "district": 8.0, "contact": 8.0, "title": 9.0, "body": 62.0}


def _box_texts() -> dict[str, tuple[str, str]]:
    return {
        "said_on": (_("Date"), _("jour / mois / année")),
        "name": (_("Prénom ou pseudonyme"), ""),
        "district": (_("Quartier"), _("facultatif")),
        "contact": (
            _("Contact"),
            _("facultatif : e-mail ou téléphone, pour vous dire ce que devient votre proposition"),
        ),
        "title": (_("Titre"), _("facultatif : votre idée en quelques mots")),
        "body": (_("Proposition"), _("ce que vous proposez, et pourquoi")),
    }


@require_GET
def paper_form(request: HttpRequest, slug: str) -> HttpResponse:
    """The printable A4 form of a process taking proposals, with its short link and QR code; the boxes follow
    the columns of the paper import."""
    process = _public_process_or_404(slug)
    if not submissions_open(process):
        raise Http404
    boxes = _box_texts()
    link = request.build_absolute_uri(reverse("outreach:short", kwargs={"pk": process.pk}))
    texts = printing.FormTexts(
        authority=authority_identity()["name"],
        process=process.title,
        summary=process.summary,
        link=link,
        heading=_("Votre proposition"),
        instructions=_(
            "Écrivez lisiblement, une proposition par formulaire. Vous pouvez aussi participer en ligne, à "
            "l'adresse ci-dessus ou avec le code QR. Le formulaire est recopié par l'équipe de la collectivité."
        ),
        link_hint=_("En ligne :"),
        fields=[(*boxes[name], _BOX_HEIGHTS[name]) for name, _header in PAPER_COLUMNS if name in boxes],
        consent=str(CONSENT_SENTENCE) + " " + _("(cochez la case si vous êtes d'accord)"),
        staff_note=_("Pour l'équipe : saisir dans un tableur avec les colonnes %(columns)s, puis importer.")
        % {"columns": " ; ".join(header for _name, header in PAPER_COLUMNS)},
        footer=_("%(process)s · formulaire imprimé le %(day)s")
        % {"process": process.title, "day": format_date(timezone.localdate())},
    )
    return _pdf(printing.paper_form(texts), f"formulaire-{process.slug}")


def short_link(request: HttpRequest, pk: int) -> HttpResponse:
    """The short link printed on paper forms: the process's page."""
    process = get_object_or_404(Process, pk=pk, is_published=True)
    return redirect(process)


# ---------------------------------------------------------------------------------------------- facilitators
def _facilitator(request: HttpRequest) -> Any:
    if not request.user.is_authenticated:
        return None
    if not rules.may_go_out(request.user):
        raise Http404
    return signed_in_user(request)


def _street_initial(request: HttpRequest, processes: list[Process]) -> dict[str, Any]:
    initial: dict[str, Any] = {}
    for key, param in (("process", "demarche"), ("workshop", "atelier")):
        value = request.GET.get(param, "")
        if value.isdigit():
            initial[key] = int(value)
    if "process" not in initial and processes:
        initial["process"] = processes[0].pk
    return initial


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _record(request: HttpRequest, form: StreetForm) -> Any:
    data = form.cleaned_data
    join = None
    if data.get("join"):
        join = Proposal.objects.filter(pk=data["join"]).first()
    person = services.ContributorInput(
        name=data["name"],
        consent=bool(data.get("consent")),
        district=data.get("district"),
        contact=data.get("contact") or "",
    )
    return services.record_contribution(
        facilitator=signed_in_user(request),
        data=services.GatheredInput(
            process=data["process"],
            person=person,
            title=data.get("title") or "",
            body=data.get("body") or "",
            join=join,
            workshop=data.get("workshop"),
            origin=Origin.OUTREACH,
            district=data.get("district"),
            submission_key=data.get("cle"),
        ),
    )


def street(request: HttpRequest) -> HttpResponse:
    """The street quick-entry page: one contribution at a time, for a phone held in one hand. Works as a plain
    form; with JavaScript, entries wait in the browser while the connection is down and are sent again (each with
    its key, so never twice)."""
    facilitator = _facilitator(request)
    if facilitator is None:
        return redirect(f"{reverse('account_login')}?next={request.get_full_path()}")
    processes = selectors.processes_to_visit(facilitator)
    form = StreetForm(request.POST or None, processes=processes, initial=_street_initial(request, processes))
    status = 200
    similar: list[Any] = []
    if request.method == "POST":
        if request.POST.get("proches"):
            # Without JavaScript: show the proposals close to what was typed, the form kept as it is.
            if form.is_valid():
                text = f"{form.cleaned_data.get('title') or ''}. {form.cleaned_data.get('body') or ''}"
                similar = similar_proposals(process=form.cleaned_data["process"], text=text)
        else:
            outcome = submit_form(form, lambda: _record(request, form))
            if _wants_json(request):
                if outcome.ok:
                    contribution = outcome.value
                    return JsonResponse(
                        {
                            "id": contribution.pk,
                            "proposal": contribution.proposal_id,
                            "kind": contribution.kind,
                        },
                        status=201,
                    )
                detail = str(outcome.error.message) if outcome.error else _("Vérifiez les champs signalés.")
                return JsonResponse(
                    {"detail": detail, "errors": form_field_errors(form)}, status=outcome.status
                )
            if outcome.ok:
                contribution = outcome.value
                if contribution.kind == "support":
                    messages.success(request, _("La voix de la personne est ajoutée à la proposition."))
                else:
                    messages.success(request, _("La contribution est enregistrée."))
                query = f"?demarche={form.cleaned_data['process'].pk}"
                if form.cleaned_data.get("workshop"):
                    query += f"&atelier={form.cleaned_data['workshop'].pk}"
                return redirect(reverse("outreach:street") + query)
            status = outcome.status
    context = {
        "form": form,
        "processes": processes,
        "similar": similar,
        "recent": selectors.recent_entries(facilitator=facilitator),
        # the entry's key: kept when the form comes back with errors, a new one for the next entry
        "key": (form.cleaned_data.get("cle") if form.is_bound and hasattr(form, "cleaned_data") else None)
        or uuid.uuid4(),
    }
    return render(request, "outreach/street.html", context, status=status)


@require_GET
def street_similar(request: HttpRequest) -> HttpResponse:
    """Proposals close to what the facilitator is typing (a fragment of the street page, asked while typing);
    opened as a page, it leads back to the street page."""
    if not request.htmx:  # type: ignore[attr-defined]
        return redirect("outreach:street")
    facilitator = _facilitator(request)
    if facilitator is None:
        raise Http404
    process_id = request.GET.get("process", "")
    process = Process.objects.filter(pk=process_id).first() if process_id.isdigit() else None
    if process is None or not rules.can_record_for(facilitator, process):
        return render(request, "outreach/_similar.html", {"similar": []})
    text = f"{request.GET.get('title', '')}. {request.GET.get('body', '')}"[:2000]
    similar = similar_proposals(process=process, text=text, typing=True)
    return render(request, "outreach/_similar.html", {"similar": similar})


# ------------------------------------------------------------------------------------------------ claiming
@login_required
def claim(request: HttpRequest) -> HttpResponse:
    """Find the contributions a facilitator gathered for me, with the contact I gave them."""
    user = signed_in_user(request)
    form = ClaimForm(request.POST or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form, lambda: services.claim_contributions(user=user, contact=form.cleaned_data["contact"])
        )
        if outcome.ok:
            messages.success(request, _("Vos contributions recueillies sont rattachées à votre compte."))
            return redirect("outreach:claim")
        status = outcome.status
    context = {"form": form, "contributions": selectors.contributions_of(user)}
    return render(request, "outreach/claim.html", context, status=status)


def paper_import_url(process: Process) -> str:
    """Where the paper forms of a process are imported (the back-office's staged import page)."""
    return reverse("backoffice:import-scoped", kwargs={"kind": PAPER_KIND, "scope": process.pk})
