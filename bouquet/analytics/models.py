"""The files officers ask for, built in the background with their progress (like ``budgets.BudgetImport``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel


class ExportJob(TimeStampedModel):
    """One export table of one process, in one format, asked for by an officer and written by the worker."""

    class State(models.TextChoices):
        QUEUED = "queued", _("En attente")
        RUNNING = "running", _("En cours")
        DONE = "done", _("Terminé")
        FAILED = "failed", _("Échec")

    process = models.ForeignKey("processes.Process", on_delete=models.CASCADE, related_name="export_jobs")
    table = models.CharField(_("tableau"), max_length=60)
    format = models.CharField(_("format"), max_length=20)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(_("état"), max_length=10, choices=State.choices, default=State.QUEUED)
    row_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    data = models.BinaryField(_("fichier"), editable=False, default=b"")
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export de données")
        verbose_name_plural = _("exports de données")

    def __str__(self) -> str:
        return f"{self.process_id} · {self.table} · {self.format}"

    @property
    def is_active(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)
