"""Pages of the lab: thin views that parse input, call a service or a selector, and render.

Private pages (the private space, its documents, the journal, the matching energies) answer 404 to whoever is not
allowed: they do not exist for outsiders."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.accounts.models import User
from bouquet.bouquets.engine import SDGS
from bouquet.bouquets.models import Bouquet
from bouquet.core.errors import InvalidInput
from bouquet.core.forms import FormOutcome, form_page
from bouquet.incubator import rules, selectors, services
from bouquet.incubator.models import (
    Document,
    Energy,
    Initiative,
    InitiativeInvitation,
    MemberRole,
    Need,
    Offer,
    Stage,
    StageCriterion,
    Task,
)
from bouquet.proposals.models import Proposal
from bouquet.www.auth import signed_in_user
from bouquet.www.forms import submit_form
from bouquet.www.incubator.forms import (
    BeneficiaryForm,
    DocumentForm,
    EnergyForm,
    EntryForm,
    ExchangeForm,
    FilterForm,
    InitiativeForm,
    InviteForm,
    MentorSessionForm,
    ResourceForm,
    SdgForm,
    StartForm,
    TaskForm,
)


def _initiative_or_404(pk: int) -> Initiative:
    try:
        return selectors.initiative_for_page(pk=pk)
    except Initiative.DoesNotExist as error:
        raise Http404 from error


def _members_only(request: HttpRequest, pk: int) -> Initiative:
    """The initiative, for its members; for anyone else it does not exist."""
    initiative = _initiative_or_404(pk)
    if not rules.can_see_space(request.user, initiative):
        raise Http404
    return initiative


def _sdg_names(numbers: list[int]) -> list[str]:
    return [f"{n}. {_(SDGS[n - 1].name)}" for n in numbers if 1 <= n <= len(SDGS)]


# ---- the list and one initiative --------------------------------------------------------------------------


@require_GET
def initiative_list(request: HttpRequest) -> HttpResponse:
    """Every initiative, filtered by stage, district, theme, SDG or words."""
    form = FilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {
            "stage": data.get("stage") or "",
            "district_id": data["district"].pk if data.get("district") else None,
            "theme_id": data["theme"].pk if data.get("theme") else None,
            "sdg": data.get("sdg"),
            "q": data.get("q") or "",
        }
    initiatives = list(selectors.initiatives_for_list(**filters)[:200])
    return render(
        request,
        "incubator/initiative_list.html",
        {"form": form, "initiatives": initiatives, "stages": Stage, "filtered": any(filters.values())},
    )


@require_GET
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One initiative: what it answers, for whom, where, its stage, its group, its needs and offers."""
    initiative = _initiative_or_404(pk)
    user = request.user
    role = rules.role_in(user, initiative)
    memberships = list(initiative.memberships.all())
    pending = None
    if isinstance(user, User) and user.is_authenticated:
        pending = InitiativeInvitation.objects.filter(
            initiative=initiative, person=user, answered_at__isnull=True, expires_at__gt=timezone.now()
        ).first()
    exchanges = list(selectors.exchanges_list().filter(helped=initiative)[:20]) + list(
        selectors.exchanges_list().filter(helper=initiative)[:20]
    )
    needs = list(initiative.needs.all())
    offers_for = selectors.offers_for_needs(needs) if needs else {}
    return render(
        request,
        "incubator/initiative_detail.html",
        {
            "initiative": initiative,
            "role": role,
            "is_member": role is not None,
            "is_lead": role == MemberRole.LEAD,
            "can_edit": rules.can_edit(user, initiative),
            "can_join": rules.can_join(user, initiative),
            "leads": [m for m in memberships if m.role == MemberRole.LEAD and m.person],
            "mentors": [m for m in memberships if m.role == MemberRole.MENTOR and m.person],
            "member_count": sum(1 for m in memberships if m.role != MemberRole.MENTOR),
            "waiting_places": sum(1 for m in memberships if m.person_id is None),
            "pending": pending,
            "need_rows": [(n, offers_for.get(n.pk, [])) for n in needs],
            "offers": list(initiative.offers.all()),
            "exchanges": exchanges,
            "suggested_sdgs": _sdg_names(initiative.suggested_sdgs),
            "confirmed_sdgs": _sdg_names(initiative.confirmed_sdgs),
            "sdg_form": SdgForm(initial={"sdgs": initiative.confirmed_sdgs or initiative.suggested_sdgs}),
            "next_stage": services.next_stage(initiative),
        },
    )


# ---- starting one -----------------------------------------------------------------------------------------


def _origin(request: HttpRequest) -> tuple[Proposal | None, Bouquet | None]:
    proposal = bouquet = None
    if request.GET.get("proposition", "").isdigit():
        proposal = get_object_or_404(Proposal.objects.public(), pk=int(request.GET["proposition"]))
    if request.GET.get("bouquet", "").isdigit():
        bouquet = get_object_or_404(Bouquet, pk=int(request.GET["bouquet"]))
    return proposal, bouquet


def _beneficiaries(form: StartForm) -> list[services.BeneficiaryInput]:
    out = []
    for row in range(1, 5):
        name = (form.cleaned_data.get(f"beneficiary_{row}") or "").strip()
        if name:
            out.append(services.BeneficiaryInput(name, bool(form.cleaned_data.get(f"consent_{row}"))))
    return out


def _initiative_input(data: dict[str, Any]) -> services.InitiativeInput:
    return services.InitiativeInput(
        title=data["title"],
        need=data["need"],
        for_whom=data["for_whom"],
        district=data.get("district"),
        latitude=data.get("latitude"),
        longitude=data.get("longitude"),
        themes=list(data.get("themes") or []),
    )


@login_required
def initiative_start(request: HttpRequest) -> HttpResponse:
    """Start an initiative. Before it is made, the similar initiatives and bouquets are shown, with « join it »
    first; « start anyway » makes it."""
    user = signed_in_user(request)
    proposal, bouquet = _origin(request)
    initial: dict[str, Any] = {}
    if proposal is not None:
        initial = {"title": proposal.title, "need": proposal.body, "district": proposal.district_id}
    elif bouquet is not None:
        initial = {"title": bouquet.label}
    form = StartForm(
        request.POST or None, initial=initial, with_beneficiaries=rules.can_record_beneficiaries(user)
    )
    similar: list[selectors.Similar] = []
    status = 200
    if request.method == "POST":
        if form.is_valid() and "anyway" not in request.POST:
            data = form.cleaned_data
            similar = selectors.similar_to(f"{data['title']}. {data['need']} {data['for_whom']}")
        if not similar:
            outcome = submit_form(
                form,
                lambda: services.start_initiative(
                    starter=user,
                    data=_initiative_input(form.cleaned_data),
                    beneficiaries=_beneficiaries(form),
                    proposal=proposal,
                    bouquet=bouquet,
                ),
            )
            if outcome.ok:
                started = outcome.value
                messages.success(request, _("L'initiative est lancée : vous la co-portez."))
                if started.places:
                    return redirect("incubator:members", pk=started.initiative.pk)
                return redirect(started.initiative)
            status = outcome.status
    return render(
        request,
        "incubator/initiative_start.html",
        {"form": form, "similar": similar, "proposal": proposal, "bouquet": bouquet},
        status=status,
    )


@login_required
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A co-lead changes what the initiative says."""
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    if not rules.can_edit(user, initiative):
        raise Http404
    initial = {
        "title": initiative.title,
        "need": initiative.need,
        "for_whom": initiative.for_whom,
        "district": initiative.district_id,
        "themes": [t.pk for t in initiative.themes.all()],
        "latitude": initiative.latitude,
        "longitude": initiative.longitude,
    }
    form = InitiativeForm(request.POST or None, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.edit_initiative(
            editor=user, initiative=initiative, data=_initiative_input(form.cleaned_data)
        ),
        template="incubator/form.html",
        context={"initiative": initiative, "heading": _("Modifier l'initiative"), "submit": _("Enregistrer")},
        done=_("L'initiative est modifiée."),
        then=lambda i: redirect(i),
    )


@require_POST
@login_required
def initiative_sdgs(request: HttpRequest, pk: int) -> HttpResponse:
    """A co-lead confirms the SDGs."""
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    form = SdgForm(request.POST)
    if not form.is_valid():
        raise InvalidInput(_("Choisissez des objectifs dans la liste."))
    services.confirm_sdgs(person=user, initiative=initiative, numbers=form.cleaned_data["sdgs"])
    messages.success(request, _("Les objectifs de développement durable sont confirmés."))
    return redirect(initiative)


# ---- the group: join, invite, answer, leave, claim ----------------------------------------------------------


@require_POST
@login_required
def initiative_join(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    services.join_initiative(person=user, initiative=initiative)
    messages.success(request, _("Vous avez rejoint le groupe. Bienvenue !"))
    return redirect(initiative)


@login_required
def initiative_leave(request: HttpRequest, pk: int) -> HttpResponse:
    """Leave the group; the last co-lead reads what will happen and confirms."""
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    if not rules.is_member(user, initiative):
        raise Http404
    last_lead = rules.is_lead(user, initiative) and (
        initiative.memberships.filter(role=MemberRole.LEAD, person__isnull=False).count() == 1
    )
    if request.method == "POST":
        services.leave_initiative(
            person=user, initiative=initiative, confirmed=request.POST.get("confirmed") == "1"
        )
        messages.success(request, _("Vous avez quitté le groupe."))
        return redirect(initiative)
    warning = services.last_lead_message(initiative) if last_lead else ""
    return render(request, "incubator/leave.html", {"initiative": initiative, "warning": warning})


@login_required
def initiative_members(request: HttpRequest, pk: int) -> HttpResponse:
    """The group: members with their roles (public); for members, the beneficiaries' places and their links; for
    those who may invite, the invitation form."""
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    role = rules.role_in(user, initiative)
    form = InviteForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if role is None and not rules.can_invite(user, initiative, MemberRole.MEMBER):
            raise Http404

        def invite() -> InitiativeInvitation:
            person = User.objects.filter(
                email__iexact=form.cleaned_data["email"], is_active=True, erased_at__isnull=True
            ).first()
            if person is None:
                message = _("Aucun compte n'a cette adresse : la personne doit d'abord créer son compte.")
                raise InvalidInput(message, field_errors={"email": message})
            return services.invite_person(
                inviter=user,
                initiative=initiative,
                person=person,
                role=form.cleaned_data["role"],
                message=form.cleaned_data.get("message") or "",
            )

        outcome = submit_form(form, invite)
        if outcome.ok:
            messages.success(request, _("L'invitation est envoyée."))
            return redirect("incubator:members", pk=initiative.pk)
        status = outcome.status
    memberships = list(initiative.memberships.all())
    places = []
    if role is not None:
        for m in memberships:
            if m.person_id is None:
                link = request.build_absolute_uri(
                    reverse("incubator:claim", kwargs={"token": selectors.place_token(m)})
                )
                places.append((m, link))
    return render(
        request,
        "incubator/members.html",
        {
            "initiative": initiative,
            "memberships": [m for m in memberships if m.person_id is not None],
            "places": places,
            "is_member": role is not None,
            "can_invite": rules.can_invite(user, initiative, MemberRole.MEMBER),
            "can_record": role is not None and rules.can_record_beneficiaries(user),
            "form": form,
            "beneficiary_form": BeneficiaryForm(),
            "pending": list(
                initiative.invitations.filter(
                    answered_at__isnull=True, expires_at__gt=timezone.now()
                ).select_related("person")
            )
            if role is not None
            else [],
        },
        status=status,
    )


@require_POST
@login_required
def initiative_beneficiary(request: HttpRequest, pk: int) -> HttpResponse:
    """A social worker in the group adds a beneficiary, with their consent."""
    user = signed_in_user(request)
    initiative = _members_only(request, pk)
    form = BeneficiaryForm(request.POST)
    if not form.is_valid():
        raise InvalidInput(_("Donnez le prénom ou le nom d'usage de la personne."))
    services.record_beneficiary(
        recorder=user,
        initiative=initiative,
        beneficiary=services.BeneficiaryInput(form.cleaned_data["name"], form.cleaned_data["consent"]),
    )
    messages.success(request, _("La place est enregistrée ; donnez-lui le lien pour qu'elle la prenne."))
    return redirect("incubator:members", pk=initiative.pk)


@require_GET
@login_required
def my_invitations(request: HttpRequest) -> HttpResponse:
    """The invitations waiting for me, to accept or refuse."""
    user = signed_in_user(request)
    invitations = (
        InitiativeInvitation.objects.filter(
            person=user, answered_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("initiative", "invited_by")
        .order_by("-created_at")
    )
    return render(request, "incubator/invitations.html", {"invitations": invitations})


def _my_invitation(request: HttpRequest, pk: int) -> tuple[User, InitiativeInvitation]:
    user = signed_in_user(request)
    invitation = InitiativeInvitation.objects.filter(pk=pk, person=user).select_related("initiative").first()
    if invitation is None:
        raise Http404
    return user, invitation


@require_POST
@login_required
def invitation_accept(request: HttpRequest, pk: int) -> HttpResponse:
    user, invitation = _my_invitation(request, pk)
    services.accept_invitation(invitation=invitation, person=user)
    messages.success(request, _("Vous avez accepté l'invitation."))
    return redirect(invitation.initiative)


@require_POST
@login_required
def invitation_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    user, invitation = _my_invitation(request, pk)
    services.refuse_invitation(invitation=invitation, person=user)
    messages.success(request, _("Vous avez refusé l'invitation. Personne d'autre n'en est averti."))
    return redirect("incubator:invitations")


def claim_place(request: HttpRequest, token: str) -> HttpResponse:
    """A beneficiary opens the link given to them: they sign in (or create their account), then take their place."""
    membership = selectors.membership_from_token(token)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        services.claim_place(token=token, person=signed_in_user(request))
        messages.success(request, _("Vous avez pris votre place dans le groupe."))
        return redirect(membership.initiative)
    return render(
        request,
        "incubator/claim.html",
        {
            "membership": membership,
            "initiative": membership.initiative,
            "taken": membership.person_id is not None,
        },
    )


# ---- the private space ------------------------------------------------------------------------------------


@login_required
def space(request: HttpRequest, pk: int) -> HttpResponse:
    """The private space: notes, decisions, meeting logs, tasks and documents, with the forms to add them."""
    user = signed_in_user(request)
    initiative = _members_only(request, pk)
    members = [
        (m.person.pk, m.person.public_name) for m in initiative.memberships.all() if m.person is not None
    ]
    entry_form = EntryForm(prefix="entry")
    task_form = TaskForm(prefix="task", members=members)
    document_form = DocumentForm(prefix="doc")
    status = 200
    if request.method == "POST":
        which = request.POST.get("form")
        outcome: FormOutcome[object]
        if which == "entry":
            entry_form = EntryForm(request.POST, prefix="entry")
            outcome = submit_form(
                entry_form,
                lambda: services.add_entry(
                    author=user,
                    initiative=initiative,
                    kind=entry_form.cleaned_data["kind"],
                    title=entry_form.cleaned_data["title"],
                    body=entry_form.cleaned_data["body"],
                    held_on=entry_form.cleaned_data.get("held_on"),
                ),
            )
        elif which == "task":
            task_form = TaskForm(request.POST, prefix="task", members=members)
            outcome = submit_form(
                task_form,
                lambda: services.add_task(
                    author=user,
                    initiative=initiative,
                    title=task_form.cleaned_data["title"],
                    owner=User.objects.filter(pk=int(task_form.cleaned_data["owner"])).first()
                    if task_form.cleaned_data.get("owner")
                    else None,
                    due_on=task_form.cleaned_data.get("due_on"),
                ),
            )
        elif which == "document":
            document_form = DocumentForm(request.POST, request.FILES, prefix="doc")
            outcome = submit_form(
                document_form,
                lambda: services.upload_document(
                    author=user,
                    initiative=initiative,
                    name=document_form.cleaned_data.get("name") or "",
                    upload=document_form.cleaned_data["file"],
                ),
            )
        else:
            raise Http404
        if outcome.ok:
            messages.success(request, _("C'est enregistré dans l'espace du groupe."))
            return redirect("incubator:space", pk=initiative.pk)
        status = outcome.status
    return render(
        request,
        "incubator/space.html",
        {
            "initiative": initiative,
            "entries": initiative.space_entries.select_related("author"),
            "tasks": initiative.tasks.select_related("owner"),
            "documents": initiative.documents.select_related("uploaded_by"),
            "entry_form": entry_form,
            "task_form": task_form,
            "document_form": document_form,
        },
        status=status,
    )


@require_POST
@login_required
def task_done(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    user = signed_in_user(request)
    initiative = _members_only(request, pk)
    task = get_object_or_404(Task, pk=task_pk, initiative=initiative)
    services.complete_task(person=user, task=task)
    return redirect("incubator:space", pk=initiative.pk)


@require_GET
@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """A document of the private space, for members only, as an attachment that the browser does not sniff
    (read whole: documents are 10 MB at most, and no file handle outlives the request)."""
    initiative = _members_only(request, pk)
    document = get_object_or_404(Document, pk=document_pk, initiative=initiative)
    with document.file.open("rb") as handle:
        content = handle.read()
    extension = (document.file.name or "").rsplit(".", 1)[-1]
    response = HttpResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(True, f"{document.name}.{extension}")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@login_required
def journal(request: HttpRequest, pk: int) -> HttpResponse:
    """The journal of leadership, members and stages: members read it."""
    initiative = _members_only(request, pk)
    return render(
        request,
        "incubator/journal.html",
        {"initiative": initiative, "entries": selectors.journal_of(initiative)[:300]},
    )


# ---- stages and mentors -----------------------------------------------------------------------------------


def stage(request: HttpRequest, pk: int) -> HttpResponse:
    """Where the initiative stands: the criteria of its next stage, met or not; co-leads and the lab move it on,
    the mentor and the lab confirm what the data cannot show."""
    initiative = _initiative_or_404(pk)
    target = services.next_stage(initiative)
    if request.method == "POST":
        user = signed_in_user(request) if request.user.is_authenticated else None
        if user is None:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if "criterion" in request.POST:
            criterion = get_object_or_404(StageCriterion, pk=request.POST.get("criterion", "0") or 0)
            services.confirm_criterion(person=user, initiative=initiative, criterion=criterion)
            messages.success(request, _("Le critère est confirmé."))
        else:
            services.move_stage(person=user, initiative=initiative, to_stage=request.POST.get("to_stage", ""))
            messages.success(request, _("L'initiative est passée à l'étape suivante."))
        return redirect("incubator:stage", pk=initiative.pk)
    return render(
        request,
        "incubator/stage.html",
        {
            "initiative": initiative,
            "target": target,
            "criteria": services.criteria_for(initiative, target) if target else [],
            "can_move": rules.can_move_stage(request.user, initiative),
            "can_confirm": rules.can_confirm_criteria(request.user, initiative),
            "stages": list(Stage),
            "moves": initiative.stage_moves.select_related("by"),
        },
    )


@login_required
def mentoring(request: HttpRequest, pk: int) -> HttpResponse:
    """The mentor's journal of sessions: members read it, the mentor writes it."""
    user = signed_in_user(request)
    initiative = _members_only(request, pk)
    form = MentorSessionForm(request.POST or None)
    if request.method == "POST" and not rules.is_mentor_of(user, initiative):
        raise Http404
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.record_mentor_session(
                mentor=user,
                initiative=initiative,
                held_on=form.cleaned_data["held_on"],
                summary=form.cleaned_data["summary"],
                next_steps=form.cleaned_data.get("next_steps") or "",
            ),
        )
        if outcome.ok:
            messages.success(request, _("La séance est notée."))
            return redirect("incubator:mentoring", pk=initiative.pk)
        status = outcome.status
    return render(
        request,
        "incubator/mentoring.html",
        {
            "initiative": initiative,
            "sessions": initiative.mentor_sessions.select_related("mentor"),
            "form": form if rules.is_mentor_of(user, initiative) else None,
        },
        status=status,
    )


# ---- energies ---------------------------------------------------------------------------------------------


@login_required
def initiative_energies(request: HttpRequest, pk: int) -> HttpResponse:
    """For co-leads: the energies that match the initiative's needs, best first, with the reason, to invite."""
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    if not rules.can_edit(user, initiative):
        raise Http404
    if request.method == "POST":
        energy = get_object_or_404(Energy, pk=request.POST.get("energy", "0") or 0)
        matching = {f.energy.pk for f in selectors.energies_for_initiative(initiative) if f.energy}
        if energy.pk not in matching:
            raise Http404  # one invites only the energies one was shown
        services.invite_energy(inviter=user, initiative=initiative, energy=energy)
        messages.success(request, _("L'invitation est envoyée."))
        return redirect("incubator:energies", pk=initiative.pk)
    return render(
        request,
        "incubator/energies.html",
        {"initiative": initiative, "found": selectors.energies_for_initiative(initiative)},
    )


@login_required
def my_energy(request: HttpRequest) -> HttpResponse:
    """What I can give, and the initiatives that match it; pause or withdraw it."""
    user = signed_in_user(request)
    energy = Energy.objects.filter(person=user).prefetch_related("skills", "districts", "themes").first()
    if request.method == "POST" and request.POST.get("action") in {"pause", "resume"}:
        services.pause_energy(person=user, paused=request.POST["action"] == "pause")
        messages.success(request, _("C'est noté."))
        return redirect("incubator:my-energy")
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        services.withdraw_energy(person=user)
        messages.success(request, _("Votre énergie est retirée : elle est effacée."))
        return redirect("incubator:my-energy")
    initial: dict[str, Any] = {}
    if energy is not None:
        initial = {
            "skills": [s.pk for s in energy.skills.all()],
            "free_text": energy.free_text,
            "hours_per_month": energy.hours_per_month,
            "material": energy.material,
            "rooms": energy.rooms,
            "districts": [d.pk for d in energy.districts.all()],
            "themes": [t.pk for t in energy.themes.all()],
        }
    form = EnergyForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: services.save_energy(
                person=user,
                data=services.EnergyInput(
                    skills=list(form.cleaned_data.get("skills") or []),
                    free_text=form.cleaned_data.get("free_text") or "",
                    hours_per_month=form.cleaned_data.get("hours_per_month") or 0,
                    material=form.cleaned_data.get("material") or "",
                    rooms=form.cleaned_data.get("rooms") or "",
                    districts=list(form.cleaned_data.get("districts") or []),
                    themes=list(form.cleaned_data.get("themes") or []),
                ),
            ),
        )
        if outcome.ok:
            messages.success(request, _("Votre énergie est enregistrée."))
            return redirect("incubator:my-energy")
        status = outcome.status
    found = selectors.initiatives_for_energy(energy) if energy is not None and not energy.paused else []
    return render(
        request, "incubator/my_energy.html", {"form": form, "energy": energy, "found": found}, status=status
    )


# ---- the solidarity chain ---------------------------------------------------------------------------------


def _resource_page(request: HttpRequest, pk: int, *, need: bool) -> HttpResponse:
    user = signed_in_user(request)
    initiative = _initiative_or_404(pk)
    if not rules.can_edit(user, initiative):
        raise Http404
    form = ResourceForm(request.POST or None)

    def publish() -> Need | Offer:
        data = services.ResourceInput(
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            description=form.cleaned_data.get("description") or "",
            skills=list(form.cleaned_data.get("skills") or []),
            hours_per_month=form.cleaned_data.get("hours_per_month") or 0,
        )
        if need:
            return services.publish_need(person=user, initiative=initiative, data=data)
        return services.publish_offer(person=user, initiative=initiative, data=data)

    return form_page(
        request,
        form,
        publish,
        template="incubator/form.html",
        context={
            "initiative": initiative,
            "heading": _("Publier un besoin") if need else _("Publier une offre"),
            "submit": _("Publier"),
        },
        done=_("C'est publié sur la chaîne de solidarité."),
        then=lambda _item: redirect(initiative),
    )


@login_required
def need_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _resource_page(request, pk, need=True)


@login_required
def offer_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _resource_page(request, pk, need=False)


@login_required
def exchange_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that an initiative helped this one. A member of this one names who helped; a member of another
    initiative says theirs helped."""
    user = signed_in_user(request)
    helped = _initiative_or_404(pk)
    mine = Initiative.objects.filter(memberships__person=user).exclude(pk=helped.pk).order_by("title")
    choices = (
        Initiative.objects.exclude(pk=helped.pk).order_by("title") if rules.is_member(user, helped) else mine
    )
    helpers = [(i.pk, i.title) for i in choices]
    if not helpers:
        raise Http404
    needs = [(n.pk, n.title) for n in helped.needs.all()]
    initial: dict[str, Any] = {}
    if request.GET.get("besoin", "").isdigit():
        initial["need"] = int(request.GET["besoin"])
    if request.GET.get("offre", "").isdigit():
        offer = Offer.objects.filter(pk=int(request.GET["offre"])).first()
        if offer is not None:
            initial["helper"] = offer.initiative_id
            initial["what"] = offer.title
    form = ExchangeForm(request.POST or None, initial=initial, helpers=helpers, needs=needs)

    def record() -> object:
        helper = Initiative.objects.get(pk=form.cleaned_data["helper"])
        need_pk = form.cleaned_data.get("need")
        need = Need.objects.filter(pk=int(need_pk), initiative=helped).first() if need_pk else None
        return services.record_exchange(
            person=user,
            helped=helped,
            helper=helper,
            need=need,
            what=form.cleaned_data["what"],
            happened_on=form.cleaned_data.get("happened_on"),
            need_met=form.cleaned_data.get("need_met") or False,
        )

    return form_page(
        request,
        form,
        record,
        template="incubator/form.html",
        context={
            "initiative": helped,
            "heading": _("Noter un échange"),
            "submit": _("Enregistrer l'échange"),
        },
        done=_("L'échange est enregistré : il apparaît sur la chaîne de solidarité."),
        then=lambda _e: redirect("incubator:chain"),
    )


@require_GET
def chain(request: HttpRequest) -> HttpResponse:
    """The solidarity chain: who helped whom, drawn as a graph with its bubbles, and the same as lists."""
    drawn = selectors.solidarity_chain()
    needs = list(
        Need.objects.filter(met_at__isnull=True)
        .select_related("initiative", "initiative__district")
        .prefetch_related("skills", "initiative__themes")
        .order_by("-created_at")[:30]
    )
    offers_for = selectors.offers_for_needs(needs)
    return render(
        request,
        "incubator/chain.html",
        {"chain": drawn, "rows": [(n, offers_for.get(n.pk, [])) for n in needs]},
    )
