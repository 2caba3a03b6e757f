"""Districts of the territory and points on its map."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel


class District(TimeStampedModel):
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("présentation"), blank=True)
    latitude = models.FloatField(_("latitude du centre"), null=True, blank=True)
    longitude = models.FloatField(_("longitude du centre"), null=True, blank=True)
    boundary = models.JSONField(_("contour (GeoJSON)"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("quartier")
        verbose_name_plural = _("quartiers")

    def __str__(self) -> str:
        return self.name


class FeatureKind(models.TextChoices):
    """What a map feature is; the order of drawing follows bouquet.places.drawing.LAYER_ORDER."""

    AVENUE = "avenue", _("avenue ou grande rue")
    STREET = "street", _("rue")
    RIVER = "river", _("cours d'eau")
    SQUARE = "square", _("place")
    PARK = "park", _("parc ou jardin")
    LANDMARK = "landmark", _("lieu repère")


class Article(models.TextChoices):
    """How a name is introduced in French (« près de la place du Marché », « près du quai »)."""

    LA = "la", "la"
    LE = "le", "le"
    ELIDED = "l'", "l'"
    LES = "les", "les"
    NONE = "", _("aucun")


class MapFeature(TimeStampedModel):
    """A street, a river, a square or a landmark of the territory, drawn on maps and used to say where a point is."""

    kind = models.CharField(_("type"), max_length=16, choices=FeatureKind.choices)
    name = models.CharField(_("nom"), max_length=160, blank=True)
    article = models.CharField(_("article"), max_length=3, choices=Article.choices, blank=True)
    geometry = models.JSONField(_("géométrie (GeoJSON)"))

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("élément de carte")
        verbose_name_plural = _("éléments de carte")

    def __str__(self) -> str:
        return self.name or self.get_kind_display()
