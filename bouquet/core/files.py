"""Uploaded files that are replaced or removed leave nothing behind on disk."""

from django.core.files import File
from django.db import models, transaction


def swap_file(
    instance: models.Model,
    field: str,
    new: File[bytes] | None,
    *,
    remove: bool = False,
    default_name: str = "file",
) -> None:
    """Put ``new`` in ``instance.<field>`` (or empty the field when ``remove``), and delete the file it held once
    the caller's transaction commits: a rolled-back change keeps the old file its row still names. Saving the
    row stays the caller's job. Call it inside ``transaction.atomic``."""
    current = getattr(instance, field)
    old_name, storage = current.name or "", current.storage
    if new is not None:
        current.save(new.name or default_name, new, save=False)
    elif remove:
        setattr(instance, field, "")
    else:
        return
    if old_name and old_name != getattr(instance, field).name:
        transaction.on_commit(lambda: storage.delete(old_name))
