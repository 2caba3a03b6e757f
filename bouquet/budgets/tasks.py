"""Background work of the budgets app (Django's task interface: immediate in tests, a worker in production).

Tasks call services; services never import tasks. Work is handed over by ``bouquet.budgets.flows``."""

from django.tasks import task

from bouquet.budgets.services.imports import run_import


@task
def import_budget_file(import_id: int) -> None:
    """Write a queued pabulib import in short batches, with its progress."""
    run_import(import_id=import_id)
