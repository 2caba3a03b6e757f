"""Initiatives made through the lab's services, so that every test starts from a state the product can reach."""

from collections.abc import Sequence

from bouquet.accounts.models import Role, User
from bouquet.incubator import services
from bouquet.incubator.models import Initiative, Skill
from bouquet.places.models import District
from tests.factories import UserFactory


def start(
    lead: User | None = None,
    *,
    title: str = "Jardin partagé de la rue des Lilas",
    need: str = "Un lieu pour cultiver des légumes ensemble et se rencontrer entre voisins.",
    for_whom: str = "Les habitants du quartier, les familles, les retraités.",
    district: District | None = None,
    members: int = 0,
) -> Initiative:
    """An initiative started by ``lead`` (a new inhabitant by default), with ``members`` more who joined."""
    lead = lead or UserFactory()
    initiative = services.start_initiative(
        starter=lead,
        data=services.InitiativeInput(title=title, need=need, for_whom=for_whom, district=district),
    ).initiative
    for _ in range(members):
        services.join_initiative(person=UserFactory(), initiative=initiative)
    return initiative


def lead_of(initiative: Initiative) -> User:
    """The first co-lead of the initiative."""
    membership = initiative.memberships.filter(role="lead").select_related("person").order_by("id").first()
    assert membership is not None and membership.person is not None
    return membership.person


def mentor() -> User:
    return UserFactory(role=Role.MENTOR)


def facilitator() -> User:
    return UserFactory(role=Role.FACILITATOR)


def skills(*slugs: str) -> Sequence[Skill]:
    return list(Skill.objects.filter(slug__in=slugs))
