"""Base models shared by every domain app."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """A row that knows when it was created and last changed."""

    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True


class ImportRecord(TimeStampedModel):
    """One spreadsheet sent through the staged import page (``core.imports``): the file waits here, with the
    column mapping chosen, until it is confirmed; then its counts stay and its bytes are dropped. Its
    fingerprint (SHA-256) makes a second import of the same file for the same kind fail."""

    class Status(models.TextChoices):
        STAGED = "staged", _("en attente de confirmation")
        DONE = "done", _("importé")

    kind = models.CharField(_("type d'import"), max_length=64)
    scope = models.PositiveIntegerField(_("portée"), null=True, blank=True)
    fingerprint = models.CharField(_("empreinte"), max_length=64)
    filename = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the record of what was imported outlives the agent's account
        null=True,
        related_name="import_records",
        verbose_name=_("envoyé par"),
    )
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.STAGED)
    data = models.BinaryField(_("fichier"), blank=True, default=b"")  # emptied once imported
    mapping = models.JSONField(_("colonnes"), default=dict, blank=True)
    rows_read = models.PositiveIntegerField(_("lignes lues"), default=0)
    rows_imported = models.PositiveIntegerField(_("lignes importées"), default=0)
    rows_refused = models.PositiveIntegerField(_("lignes refusées"), default=0)
    imported_at = models.DateTimeField(_("importé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("import de fichier")
        verbose_name_plural = _("imports de fichiers")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "fingerprint"],
                condition=models.Q(status="done"),
                name="one_import_per_file",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} · {self.filename}"
