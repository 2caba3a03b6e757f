"""Writes of analytics: the officers' export jobs (the only rows this app owns)."""

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.analytics.exports.formats import Format, file_bytes
from bouquet.analytics.exports.registry import Row, table_of
from bouquet.analytics.models import ExportJob
from bouquet.analytics.rules import may_export
from bouquet.core.errors import ActionNotAllowed, DomainError, InvalidInput
from bouquet.processes.models import Process

PROGRESS_EVERY = 500  # rows between two progress writes


def queue_export(*, agent: User, process: Process, table: str, fmt: str) -> ExportJob:
    """Check an officer's request for a file (the table exists for this process, the format is known) and keep
    it for the worker."""
    if not may_export(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité préparent ces fichiers."))
    found = table_of(process, table)
    if found is None:
        raise InvalidInput(_("Cette démarche n'a pas de tableau « %(name)s ».") % {"name": table})
    if fmt not in Format.__members__.values():
        raise InvalidInput(_("Format inconnu : choisissez CSV, Excel ou JSON."))
    return ExportJob.objects.create(
        process=process, table=found.name, format=fmt, requested_by=agent, row_total=found.count(process)
    )


def _advance(job: ExportJob, **fields: object) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    ExportJob.objects.filter(pk=job.pk).update(**fields)


def _counted(job: ExportJob, rows: Iterator[Row] | list[Row]) -> Iterator[Row]:
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            _advance(job, rows_done=done, progress=min(95, 5 + 90 * done // max(job.row_total, 1)))
    _advance(job, rows_done=done)


def run_export(*, job_id: int) -> ExportJob:
    """Write a queued export's file, storing its progress as rows go; a failure says why."""
    job = ExportJob.objects.select_related("process").get(pk=job_id)
    if job.state != ExportJob.State.QUEUED:
        return job  # a retried task writes nothing twice
    _advance(job, state=ExportJob.State.RUNNING, started_at=timezone.now(), progress=1)
    try:
        table = table_of(job.process, job.table)
        if table is None:
            raise InvalidInput(_("Ce tableau n'existe plus pour cette démarche."))
        data = file_bytes(table, _counted(job, iter(table.rows(job.process))), Format(job.format))
    except Exception as error:
        message = str(error.message) if isinstance(error, DomainError) else _("erreur inattendue")
        _advance(job, state=ExportJob.State.FAILED, error=message, finished_at=timezone.now())
        if not isinstance(error, DomainError):
            raise
        return job
    _advance(
        job, state=ExportJob.State.DONE, data=data, size=len(data), progress=100, finished_at=timezone.now()
    )
    return job


def forget_person(*, person: User) -> int:
    """An agent's account is being erased: the files of data they asked for go (they were for them). Returns how
    many."""
    return ExportJob.objects.filter(requested_by=person).delete()[0]
