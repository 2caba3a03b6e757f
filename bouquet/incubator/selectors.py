"""Reads of the lab, each shaped for one screen or endpoint (joins and counts included)."""

from django.core import signing
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from bouquet.core.errors import DomainError
from bouquet.incubator.models import (
    Initiative,
    JournalEntry,
    MemberRole,
    Membership,
    Need,
    Offer,
)

PLACE_SALT = "bouquet.incubator.place"  # nosec B105 - a signing salt that names the purpose, not a secret
PLACE_DAYS = 90


class PlaceNotFound(DomainError):
    """A place link whose signature does not hold, or a place that no longer exists."""

    status_code = 404


def place_token(membership: Membership) -> str:
    """The signed token of the link a beneficiary uses to claim their place (valid 90 days, used once)."""
    return signing.dumps({"place": membership.pk, "initiative": membership.initiative_id}, salt=PLACE_SALT)


def membership_from_token(token: str) -> Membership:
    """The place a link names; an altered or too old link names none."""
    try:
        data = signing.loads(token, salt=PLACE_SALT, max_age=PLACE_DAYS * 24 * 3600)
    except signing.SignatureExpired as error:
        raise PlaceNotFound(
            _("Ce lien a expiré. Demandez-en un nouveau à la personne qui vous a inscrit·e.")
        ) from error
    except signing.BadSignature as error:
        raise PlaceNotFound(_("Ce lien n'est pas valide. Vérifiez qu'il est complet.")) from error
    membership = (
        Membership.objects.select_related("initiative")
        .filter(pk=data.get("place"), initiative_id=data.get("initiative"), beneficiary=True)
        .first()
    )
    if membership is None:
        raise PlaceNotFound(_("Cette place n'existe plus."))
    return membership


def _with_counts(queryset: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return queryset.select_related("district").annotate(
        member_count=Count(
            "memberships", filter=Q(memberships__role__in=[MemberRole.LEAD, MemberRole.MEMBER]), distinct=True
        )
    )


def initiatives_for_list(
    *,
    stage: str = "",
    district_id: int | None = None,
    theme_id: int | None = None,
    sdg: int | None = None,
    q: str = "",
) -> QuerySet[Initiative]:
    """The public list of initiatives with their member count, filtered."""
    queryset = Initiative.objects.all()
    if stage:
        queryset = queryset.filter(stage=stage)
    if district_id:
        queryset = queryset.filter(district_id=district_id)
    if theme_id:
        queryset = queryset.filter(themes__id=theme_id)
    if q:
        queryset = queryset.filter(Q(title__icontains=q) | Q(need__icontains=q) | Q(for_whom__icontains=q))
    if sdg:
        # JSON containment is not on SQLite; the list stays short enough to filter the ids in Python
        ids = [pk for pk, sdgs in queryset.values_list("pk", "confirmed_sdgs") if sdg in (sdgs or [])]
        queryset = queryset.filter(pk__in=ids)
    return _with_counts(queryset).prefetch_related("themes").order_by("-last_activity_at", "-id")


def initiative_for_page(*, pk: int) -> Initiative:
    """One initiative with its district, themes, members and open needs and offers."""
    return (
        _with_counts(Initiative.objects.filter(pk=pk))
        .prefetch_related(
            "themes",
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("person").order_by("role", "created_at", "id"),
            ),
            Prefetch("needs", queryset=Need.objects.filter(met_at__isnull=True).prefetch_related("skills")),
            Prefetch(
                "offers", queryset=Offer.objects.filter(withdrawn_at__isnull=True).prefetch_related("skills")
            ),
        )
        .get()
    )


def journal_of(initiative: Initiative) -> QuerySet[JournalEntry]:
    """The initiative's journal, newest first."""
    return initiative.journal.select_related("actor").order_by("-at", "-id")
