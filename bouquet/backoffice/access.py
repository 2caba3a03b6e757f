"""Who may open a back-office page.

Anonymous visitors are sent to the sign-in page; a signed-in person whose role does not give the page gets 404:
the authority's pages do not exist for them (docs/decisions/0003). The services check the same predicates again."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_agent, is_signed_in


def back_office_page(
    allowed: Callable[[object], bool] = is_agent,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view of the back-office: ``allowed(user)`` says who may open it (agents by default)."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not is_signed_in(request.user):
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        return guarded

    return decorate


def staff_user(request: HttpRequest) -> User:
    """The signed-in person behind a back-office page (the decorator has already checked them), typed."""
    user = request.user
    if not isinstance(user, User):
        raise Http404
    return user
