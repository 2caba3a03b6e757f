"""Background work of analytics (Django's task interface: immediate in tests, a worker in production)."""

from django.tasks import task

from bouquet.analytics.services import run_export


@task
def build_export(job_id: int) -> None:
    """Write a queued officer's export, with its progress."""
    run_export(job_id=job_id)
