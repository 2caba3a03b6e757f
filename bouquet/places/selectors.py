"""Reads on places."""

from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet

from bouquet.places.models import Article, AuthorityProfile, District


def authority_profile() -> AuthorityProfile:
    """The authority's identity: the saved row, or one seeded from ``settings.BOUQUET_AUTHORITY`` (not saved)."""
    saved = AuthorityProfile.objects.filter(pk=AuthorityProfile.SINGLETON_KEY).first()
    if saved is not None:
        return saved
    configured = settings.BOUQUET_AUTHORITY
    return AuthorityProfile(
        pk=AuthorityProfile.SINGLETON_KEY,
        name=configured["name"],
        article=configured.get("article") or Article.LA,
        short_name=configured["short_name"],
        primary_color=configured["primary_color"],
    )


def authority_identity() -> dict[str, Any]:
    """What templates know as ``authority``: the settings' keys, with the saved identity over them."""
    profile = authority_profile()
    identity: dict[str, Any] = dict(settings.BOUQUET_AUTHORITY)
    identity.update(
        {
            "name": profile.name,
            "article": profile.article,
            "short_name": profile.short_name,
            "primary_color": profile.primary_color,
        }
    )
    if profile.logo:
        identity["logo_url"] = profile.logo.url
    return identity


def districts_for_back_office() -> QuerySet[District]:
    """Every district with how many processes and proposals name it, by name."""
    return District.objects.annotate(
        process_count=Count("processes", distinct=True), proposal_count=Count("proposals", distinct=True)
    ).order_by("name")
