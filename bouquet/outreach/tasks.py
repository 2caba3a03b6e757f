"""Background work of the outreach app."""

from django.tasks import task

from bouquet.outreach import services


@task
def send_workshop_reminders() -> int:
    """Remind the people registered for the workshops of the next day (once per workshop)."""
    return services.send_workshop_reminders()
