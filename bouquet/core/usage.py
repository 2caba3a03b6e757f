"""What still points at a row: whether a district or a theme may be deleted, and what to tell the agent if not."""

from django.db import models
from django.utils.translation import gettext as _


def what_uses(instance: models.Model) -> dict[str, int]:
    """Rows of other tables that point at ``instance``, counted per kind (the kind's plural name), the empty
    kinds left out. Every relation is asked, the hidden ones too (a many-to-many without a reverse name)."""
    found: dict[str, int] = {}
    for relation in instance._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and not relation.concrete and relation.is_relation):
            continue
        related = relation.related_model
        if related is None or isinstance(related, str) or related._meta.auto_created:
            continue  # the hidden table of a many-to-many: counted through the relation itself
        field_name = relation.field.name  # type: ignore[union-attr]
        count = related._default_manager.filter(**{field_name: instance}).count()
        if count:
            name = str(related._meta.verbose_name_plural)
            found[name] = found.get(name, 0) + count
    return found


def describe_uses(uses: dict[str, int]) -> str:
    """« démarches participatives : 1, propositions : 3 », for a refusal to delete."""
    return ", ".join(
        _("%(kind)s : %(count)d") % {"kind": kind, "count": n} for kind, n in sorted(uses.items())
    )
