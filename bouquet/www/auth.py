"""Helpers shared by the views of every app."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from bouquet.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The signed-in person making the request (views behind login_required), typed for the services."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
