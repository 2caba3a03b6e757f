"""Newsletters: an agent writes to the followers of a process or a district, previews, tests, then sends."""

from django.contrib import messages
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.newsletters.forms import NewsletterForm
from bouquet.core.errors import DomainError
from bouquet.core.forms import submit_form
from bouquet.notifications import newsletters
from bouquet.notifications.mailing import verified_user_ids
from bouquet.notifications.models import Newsletter
from bouquet.notifications.selectors import follower_ids
from bouquet.places.models import District
from bouquet.processes.models import Process


def _audience(value: str) -> tuple[models.Model, str]:
    """The process or district named by the form's value, and how to say it."""
    kind, _sep, raw = value.partition(":")
    if not raw.isdigit():
        raise Http404
    if kind == "process":
        process = get_object_or_404(Process, pk=int(raw))
        return process, _("Personnes qui suivent la démarche « %(title)s »") % {"title": process.title}
    if kind == "district":
        district = get_object_or_404(District, pk=int(raw))
        return district, _("Personnes qui suivent le quartier %(name)s ou l'une de ses démarches") % {
            "name": district.name
        }
    raise Http404


def readers(newsletter: Newsletter) -> set[int]:
    """Who a newsletter goes to: the followers of its process; of its district and of the district's processes."""
    audience = newsletter.audience
    if isinstance(audience, District):
        return follower_ids([audience, *Process.objects.filter(district=audience)])
    if audience is None:
        return set()
    return follower_ids([audience])


@require_GET
@back_office_page()
def newsletter_list(request: HttpRequest) -> HttpResponse:
    """The newsletters written, newest first."""
    letters = Newsletter.objects.select_related("author").order_by("-created_at")[:100]
    return render(request, "backoffice/newsletters/newsletter_list.html", {"letters": letters})


@back_office_page()
def newsletter_create(request: HttpRequest) -> HttpResponse:
    """Write a newsletter (it is not sent yet: its page previews it)."""
    form = NewsletterForm(request.POST or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: newsletters.write_newsletter(
                author=staff_user(request),
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                audience=_audience(form.cleaned_data["audience"])[0],
                audience_label=_audience(form.cleaned_data["audience"])[1],
            ),
        )
        if outcome.ok:
            messages.success(
                request, _("La lettre est enregistrée : relisez-la, essayez-la, puis envoyez-la.")
            )
            return redirect("backoffice:newsletter", pk=outcome.value.pk)
        status = outcome.status
    return render(request, "backoffice/newsletters/newsletter_form.html", {"form": form}, status=status)


@require_GET
@back_office_page()
def newsletter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The preview: the letter as readers will see it, who it goes to, the test and send buttons."""
    letter = get_object_or_404(Newsletter, pk=pk)
    people = readers(letter)
    context = {"letter": letter, "readers": len(people), "by_mail": len(verified_user_ids(people))}
    return render(request, "backoffice/newsletters/newsletter_detail.html", context)


@require_POST
@back_office_page()
def newsletter_test(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the letter to the agent only."""
    letter = get_object_or_404(Newsletter, pk=pk)
    agent = staff_user(request)
    newsletters.send_test(newsletter=letter, to=agent)
    messages.success(request, _("Un essai est parti vers %(email)s.") % {"email": agent.email})
    return redirect("backoffice:newsletter", pk=letter.pk)


@require_POST
@back_office_page()
def newsletter_send(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the letter to its readers, once (in background batches)."""
    letter = get_object_or_404(Newsletter, pk=pk)
    try:
        count = newsletters.send_newsletter(
            newsletter=letter, agent=staff_user(request), recipients=readers(letter)
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("backoffice:newsletter", pk=letter.pk)
    note = ngettext(
        "La lettre part vers %(count)s personne.", "La lettre part vers %(count)s personnes.", count
    )
    messages.success(request, note % {"count": count})
    return redirect("backoffice:newsletter", pk=letter.pk)
