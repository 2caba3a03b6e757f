"""Use cases that hand work to the background worker."""

from functools import partial

from django.db import transaction

from bouquet.accounts.models import User
from bouquet.analytics.models import ExportJob
from bouquet.analytics.services import queue_export
from bouquet.analytics.tasks import build_export
from bouquet.processes.models import Process


def request_export(*, agent: User, process: Process, table: str, fmt: str) -> ExportJob:
    """Queue an officer's file; the worker writes it once the request is saved."""
    with transaction.atomic():
        job = queue_export(agent=agent, process=process, table=table, fmt=fmt)
        transaction.on_commit(partial(build_export.enqueue, job.pk))
    return job
