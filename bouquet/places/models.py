"""Districts of the territory and points on its map."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel


class District(TimeStampedModel):
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    description = models.TextField(_("présentation"), blank=True)
    latitude = models.FloatField(_("latitude du centre"), null=True, blank=True)
    longitude = models.FloatField(_("longitude du centre"), null=True, blank=True)
    boundary = models.JSONField(_("contour (GeoJSON)"), null=True, blank=True)
    # Inhabitants, as the authority knows them (an INSEE census file): participation is read against it.
    population = models.PositiveIntegerField(_("nombre d'habitants"), null=True, blank=True)

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
    """How French introduces a name: « la Ville de… », « près de la place du Marché », « près du quai », « l'Agglomération »."""

    LA = "la", "la"
    LE = "le", "le"
    ELIDED = "l'", "l'"
    LES = "les", "les"
    NONE = "", _("aucun")


class OpenDataLicence(models.TextChoices):
    """The licences an authority may put its open data under (Licence Ouverte 2.0 by default, as the law's
    decree n° 2017-638 lists them for public bodies)."""

    ETALAB_2 = "etalab-2.0", _("Licence Ouverte 2.0 (Etalab)")
    ODBL = "odbl-1.0", _("Open Database License 1.0 (ODbL)")
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC0 = "cc0-1.0", _("Creative Commons Zéro 1.0 (domaine public)")


OPEN_DATA_LICENCE_URLS = {
    OpenDataLicence.ETALAB_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    OpenDataLicence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
    OpenDataLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    OpenDataLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


class AuthorityProfile(TimeStampedModel):
    """The authority that runs the platform: one row at most (its key is always 1). Until an agent saves it, the
    site reads ``settings.BOUQUET_AUTHORITY`` (see ``places.selectors.authority_profile``)."""

    SINGLETON_KEY = 1

    name = models.CharField(_("nom"), max_length=120, help_text=_("Par exemple : Ville de Val-de-Loirette."))
    article = models.CharField(
        _("article"),
        max_length=3,
        choices=Article.choices,
        default=Article.LA,
        help_text=_("Celui qu'on dit devant le nom : « la » Ville de Val-de-Loirette."),
    )
    short_name = models.CharField(
        _("nom court"), max_length=60, help_text=_("Par exemple : Val-de-Loirette.")
    )
    logo = models.ImageField(_("logo"), upload_to="authority/", blank=True)
    primary_color = models.CharField(
        _("couleur principale"),
        max_length=7,
        help_text=_("Sous la forme #1f5f8b ; le texte blanc écrit dessus doit rester lisible."),
    )
    open_data_licence = models.CharField(
        _("licence des données ouvertes"),
        max_length=20,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.ETALAB_2,
    )

    class Meta:
        verbose_name = _("identité de la collectivité")
        verbose_name_plural = _("identité de la collectivité")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="one_authority_profile")]

    def __str__(self) -> str:
        return self.name


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
