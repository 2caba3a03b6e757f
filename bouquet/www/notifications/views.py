"""A person's notifications, their e-mail preferences, following and unfollowing, and the e-mails' unsubscribe."""

from django.http import HttpRequest, HttpResponse


def notification_list(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def mark_read(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def preferences(request: HttpRequest) -> HttpResponse:
    return HttpResponse("")


def toggle_follow(request: HttpRequest, model: str, pk: int) -> HttpResponse:
    return HttpResponse("")


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    return HttpResponse("")
