"""The demo's follows and notifications (notif): people follow processes, bouquets and budgets, the town hall
sent a newsletter, and the first inhabitants find unread news in their space."""

from django.db.models import Count

from bouquet.accounts.models import Role, User
from bouquet.bouquets.models import Bouquet
from bouquet.budgets.models import Budget
from bouquet.notifications import newsletters
from bouquet.notifications import services as notifications
from bouquet.notifications.models import Notification
from bouquet.processes.events import PHASE_STARTED
from bouquet.processes.models import Process

NEWSLETTER_SUBJECT = "Réunion publique sur les propositions, jeudi à 18 h 30"
NEWSLETTER_BODY = (
    "Bonjour,\n\n"
    "Merci pour vos propositions ! La mairie vous invite à une réunion publique jeudi à 18 h 30, salle des "
    "fêtes, pour présenter les premiers bouquets et les réponses déjà données.\n\n"
    "Vous pourrez poser vos questions aux services techniques et aux élus. La réunion sera aussi retransmise "
    "sur le site.\n\n"
    "À jeudi,\nLe service Participation citoyenne"
)


def seed_notifications() -> int:
    """Follows and a few notifications for the demo's first inhabitants; returns how many notifications exist."""
    residents = list(
        User.objects.filter(role=Role.INHABITANT, email__endswith="@val-de-loirette.test").order_by("pk")[:12]
    )
    agent = (
        User.objects.filter(role=Role.AGENT, email__endswith="@val-de-loirette.test").order_by("pk").first()
    )
    process = Process.objects.annotate(n=Count("proposals")).order_by("-n", "pk").first()
    if not residents or agent is None or process is None:
        return Notification.objects.count()
    for person in residents:
        notifications.follow(person, process)
    bouquet = Bouquet.objects.filter(process=process).order_by("pk").first()
    if bouquet is not None:
        for person in residents[:6]:
            notifications.follow(person, bouquet)
    budget = Budget.objects.order_by("pk").first()
    if budget is not None:
        for person in residents[:4]:
            notifications.follow(person, budget)
    phase = process.phases.order_by("-starts_on").filter(starts_on__lte=process.created_at.date()).first()
    phase = phase or process.phases.order_by("starts_on").first()
    if phase is not None:
        notifications.announce(
            PHASE_STARTED.code, process, context={"phase": phase.display_title}, once=f"demo-phase-{phase.pk}"
        )
    letter = newsletters.write_newsletter(
        author=agent,
        subject=NEWSLETTER_SUBJECT,
        body=NEWSLETTER_BODY,
        audience=process,
        audience_label=f"Personnes qui suivent la démarche « {process.title} »",
    )
    newsletters.send_newsletter(newsletter=letter, agent=agent, recipients=[p.pk for p in residents])
    # The first inhabitant has read their oldest news already: the list shows read and unread ones.
    first = residents[0]
    oldest = Notification.objects.filter(recipient=first).order_by("created_at", "pk")[:2]
    notifications.mark_read(user=first, notification_ids=[row.pk for row in oldest])
    return Notification.objects.count()
