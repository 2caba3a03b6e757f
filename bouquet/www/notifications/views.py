"""A person's notifications, their e-mail preferences, following and unfollowing, and the e-mails' unsubscribe."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bouquet.accounts.rules import is_agent
from bouquet.notifications import kinds, selectors, services
from bouquet.notifications.mailing import ALL_KINDS, read_unsubscribe_token
from bouquet.notifications.models import FrequencyChoice, Newsletter
from bouquet.www.auth import signed_in_user

PAGE_SIZE = 20

# What a person may follow from a page: the name in the address → the model, and the rows one may see.
FOLLOWABLE: dict[str, str] = {
    "demarche": "processes.Process",
    "proposition": "proposals.Proposal",
    "bouquet": "bouquets.Bouquet",
    "budget": "budgets.Budget",
}


def followable_name(target: models.Model) -> str:
    """The name of a target's model in the follow address."""
    label = f"{target._meta.app_label}.{target._meta.object_name}"
    for name, model in FOLLOWABLE.items():
        if model == label:
            return name
    raise LookupError(label)


def _visible(model_name: str, pk: int) -> models.Model:
    model_label = FOLLOWABLE.get(model_name)
    if model_label is None:
        raise Http404
    model = apps.get_model(model_label)
    manager = model._default_manager
    queryset = manager.all()
    if model_label == "proposals.Proposal":
        queryset = queryset.public()  # type: ignore[attr-defined]
    elif model_label == "processes.Process":
        queryset = queryset.published()  # type: ignore[attr-defined]
    target = queryset.filter(pk=pk).first()
    if target is None:
        raise Http404
    return target  # type: ignore[no-any-return]


@require_GET
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """« Mes notifications »: unread first, twenty a page."""
    user = signed_in_user(request)
    page = Paginator(selectors.notifications_of(user=user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "unread": selectors.unread_count(user=user)}
    return render(request, "notifications/notification_list.html", context)


@require_POST
@login_required
def mark_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification read (``notification``), or all of them."""
    user = signed_in_user(request)
    raw = request.POST.get("notification", "")
    if raw:
        if not raw.isdigit():
            messages.error(request, _("Cette notification n'existe pas."))
            return redirect("notifications:list")
        services.mark_read(user=user, notification_ids=[int(raw)])
    else:
        count = services.mark_read(user=user)
        messages.success(
            request,
            _("Toutes vos notifications sont marquées comme lues.")
            if count
            else _("Vous n'aviez aucune notification non lue."),
        )
    page = request.POST.get("page", "")
    target = reverse("notifications:list") + (f"?page={page}" if page.isdigit() else "")
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(status=204, headers={"HX-Redirect": target})
    return redirect(target)


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """Choose, kind by kind, whether e-mails come at once, as a daily or weekly summary, or not at all."""
    user = signed_in_user(request)
    rows = selectors.preferences_of(user=user)
    errors: list[str] = []
    if request.method == "POST":
        chosen: dict[str, str] = {}
        for row in rows:
            value = request.POST.get(row.kind.code, row.frequency)
            if value not in FrequencyChoice.values:
                errors.append(str(row.kind.label))
            chosen[row.kind.code] = value
        if not errors:
            for code, value in chosen.items():
                services.set_preference(user=user, kind=code, frequency=value)
            messages.success(request, _("Vos choix d'e-mails sont enregistrés."))
            return redirect("notifications:preferences")
    context = {"rows": rows, "choices": FrequencyChoice.choices, "errors": errors}
    return render(request, "notifications/preferences.html", context, status=400 if errors else 200)


@require_GET
@login_required
def newsletter(request: HttpRequest, pk: int) -> HttpResponse:
    """A newsletter the person received (agents read every one)."""
    user = signed_in_user(request)
    letter = Newsletter.objects.filter(pk=pk, sent_at__isnull=False).first()
    if letter is None or not (is_agent(user) or selectors.received_newsletter(user=user, newsletter=letter)):
        raise Http404
    return render(request, "notifications/newsletter.html", {"letter": letter})


def follow_context(request: HttpRequest, target: models.Model) -> dict[str, object]:
    """What the follow button needs: the target's address name, and whether the person follows it."""
    return {
        "follow_model": followable_name(target),
        "follow_target": target,
        "following": selectors.is_following(user=request.user, target=target),
    }


@require_POST
def toggle_follow(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    """Follow or stop following a process, a proposal, a bouquet or a budget; htmx gets the button back."""
    target = _visible(model, pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=False):
        back = getattr(target, "get_absolute_url", lambda: "/")()
    if not request.user.is_authenticated:
        messages.info(request, _("Connectez-vous pour suivre ce contenu."))
        login = f"{reverse('account_login')}?next={back}"
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse(status=204, headers={"HX-Redirect": login})
        return redirect(login)
    user = signed_in_user(request)
    if request.POST.get("action") == "ne-plus-suivre":
        services.unfollow(user, target)
        note = _("Vous ne suivez plus ce contenu.")
    else:
        services.follow(user, target)
        note = _("Vous suivez ce contenu : vous serez prévenu·e de ce qui s'y passe.")
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request, "notifications/_follow_button.html", follow_context(request, target) | {"note": note}
        )
    messages.success(request, note)
    return redirect(back)


@csrf_exempt  # RFC 8058: mail clients post the one-click unsubscribe with no session; the signed token decides
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mails' unsubscribe link: GET shows what it stops and a button; POST (the button, or the mail
    client's one-click) stops it."""
    try:
        user_id, kind = read_unsubscribe_token(token)
        if kind != ALL_KINDS:
            kinds.get(kind)
    except (signing.BadSignature, LookupError):
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    label = _("tous les e-mails de notification") if kind == ALL_KINDS else str(kinds.get(kind).label)
    if request.method == "POST":
        services.unsubscribe(user_id=user_id, kind=kind)
        return render(request, "notifications/unsubscribe_done.html", {"label": label})
    return render(request, "notifications/unsubscribe_confirm.html", {"label": label, "token": token})
