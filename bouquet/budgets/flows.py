"""Use cases that hand work to the background worker: a chain of calls a reader can follow from the request."""

from functools import partial

from django.db import transaction

from bouquet.accounts.models import User
from bouquet.budgets.models import BudgetImport
from bouquet.budgets.services.imports import queue_import
from bouquet.budgets.tasks import import_budget_file
from bouquet.processes.models import Process


def request_import(
    *, agent: User, process: Process, data: bytes, title: str = "", rule: str | None = None
) -> BudgetImport:
    """Check a pabulib file and queue its import; the worker writes it once the request is saved."""
    with transaction.atomic():
        job = queue_import(agent=agent, process=process, data=data, title=title, rule=rule)
        transaction.on_commit(partial(import_budget_file.enqueue, job.pk))
    return job
