"""Districts of the territory, points on its map, and the places that remember."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
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
    """How French introduces a name: « la Ville de… », « près de la place du Marché », « près du quai », « l'Agglomération »."""

    LA = "la", "la"
    LE = "le", "le"
    ELIDED = "l'", "l'"
    LES = "les", "les"
    NONE = "", _("aucun")


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


# ---------------------------------------------------------------------------------------------------------------
# The memory of places: named places, what inhabitants remember of them, what the authority's archives hold.


class PlaceKind(models.TextChoices):
    SQUARE = "square", _("place")
    STREET = "street", _("rue")
    BUILDING = "building", _("bâtiment")
    PARK = "park", _("parc ou jardin")
    OTHER = "other", _("autre lieu")


class Moderation(models.TextChoices):
    """Where a place, a memory or an archive item stands with moderation (the same words as for proposals)."""

    PUBLISHED = "published", _("Publié")
    PENDING = "pending", _("En attente de modération")
    HIDDEN = "hidden", _("Masqué par la modération")


class CreatorKind(models.TextChoices):
    AGENT = "agent", _("la collectivité")
    INHABITANT = "inhabitant", _("un habitant")


PLACE_NAME_MAX = 140
PLACE_DESCRIPTION_MAX = 3000


class PlaceQuerySet(models.QuerySet["Place"]):
    def published(self) -> "PlaceQuerySet":
        """Places anyone may read."""
        return self.filter(moderation=Moderation.PUBLISHED)


class Place(TimeStampedModel):
    """A named point or area of the territory (a square, a street, a building, a park) that remembers.

    Its shape is GeoJSON (a Point, a LineString or a Polygon); the box around it is kept in four columns so that
    « places near a point » is an index range scan on SQLite and a GiST search on PostgreSQL (migration 0006),
    without GeoDjango."""

    name = models.CharField(_("nom"), max_length=PLACE_NAME_MAX)
    kind = models.CharField(
        _("type de lieu"), max_length=16, choices=PlaceKind.choices, default=PlaceKind.OTHER
    )
    description = models.TextField(_("présentation"), max_length=PLACE_DESCRIPTION_MAX, blank=True)
    geometry = models.JSONField(_("forme (GeoJSON)"))
    # The box around the shape, and its centre (where the marker goes).
    min_lat = models.FloatField()
    max_lat = models.FloatField()
    min_lon = models.FloatField()
    max_lon = models.FloatField()
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    district = models.ForeignKey(
        District,
        verbose_name=_("quartier"),
        on_delete=models.SET_NULL,  # a place outlives a redrawn district
        null=True,
        blank=True,
        related_name="places",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the place belongs to the territory, not to the person who named it
        null=True,
        blank=True,
        related_name="places_created",
    )
    creator_kind = models.CharField(
        _("créé par"), max_length=12, choices=CreatorKind.choices, default=CreatorKind.AGENT
    )
    moderation = models.CharField(
        _("modération"), max_length=12, choices=Moderation.choices, default=Moderation.PUBLISHED
    )
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")
        indexes = [
            # The SQLite fallback of places_near: a range on min_lat, then the other three sides.
            models.Index(fields=["min_lat", "min_lon", "max_lat", "max_lon"], name="place_box"),
            models.Index(fields=["moderation", "name"], name="place_listed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_lat__lte=models.F("max_lat"))
                & Q(min_lon__lte=models.F("max_lon"))
                & Q(min_lat__gte=-90)
                & Q(max_lat__lte=90)
                & Q(min_lon__gte=-180)
                & Q(max_lon__lte=180),
                name="place_box_is_valid",
            ),
            models.UniqueConstraint(
                fields=["created_by", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="one_place_per_submission",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("places:detail", kwargs={"pk": self.pk})

    @property
    def is_area(self) -> bool:
        """Whether the place is an area or a line rather than a point."""
        return bool(self.geometry) and self.geometry.get("type") != "Point"


class Dating(models.Model):
    """A date or a period as people say it (« vers 1975 », « années 90 »), and the days it covers, to sort by."""

    when_text = models.CharField(_("date ou période"), max_length=60)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))

    class Meta:
        abstract = True


MEMORY_TITLE_MAX = 140
MEMORY_STORY_MAX = 5000
ALT_MAX = 300
REASON_MAX = 500


class Memory(TimeStampedModel, Dating):
    """What an inhabitant remembers of a place: a story, perhaps a photo, at a date or in a period."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="memories")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # erasing a person goes through anonymisation, not a cascade
        related_name="place_memories",
    )
    title = models.CharField(_("titre"), max_length=MEMORY_TITLE_MAX)
    story = models.TextField(_("récit"), max_length=MEMORY_STORY_MAX)
    photo = models.ImageField(_("photo"), upload_to="places/memories/", blank=True)
    photo_alt = models.CharField(_("description de la photo"), max_length=ALT_MAX, blank=True)
    moderation = models.CharField(
        _("modération"), max_length=12, choices=Moderation.choices, default=Moderation.PUBLISHED
    )
    submission_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("souvenir")
        verbose_name_plural = _("souvenirs")
        indexes = [models.Index(fields=["place", "moderation", "-starts_on"], name="memory_timeline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")), name="memory_period_order"
            ),
            models.CheckConstraint(condition=Q(photo="") | ~Q(photo_alt=""), name="memory_photo_has_alt"),
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="one_memory_per_submission",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('places:detail', kwargs={'pk': self.place_id})}#souvenir-{self.pk}"


class ArchiveKind(models.TextChoices):
    MAP = "map", _("carte ancienne")
    PHOTO = "photo", _("photographie")
    DECISION = "decision", _("délibération ou décision")
    DOCUMENT = "document", _("autre document")


class ArchiveItem(TimeStampedModel, Dating):
    """A piece of the authority's archives about a place (an old map, a photo, a decision), with where it comes
    from and under which licence it may be shown."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="archive_items")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,  # the archive stays when the agent leaves
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("type de document"), max_length=12, choices=ArchiveKind.choices)
    title = models.CharField(_("titre"), max_length=MEMORY_TITLE_MAX)
    description = models.TextField(_("description"), max_length=MEMORY_STORY_MAX, blank=True)
    image = models.ImageField(_("image"), upload_to="places/archives/", blank=True)
    image_alt = models.CharField(_("description de l'image"), max_length=ALT_MAX, blank=True)
    link = models.URLField(_("lien vers le document"), blank=True)
    source = models.CharField(_("source"), max_length=200)
    licence = models.CharField(_("licence"), max_length=120)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("document d'archive")
        verbose_name_plural = _("documents d'archive")
        indexes = [models.Index(fields=["place", "-starts_on"], name="archive_timeline")]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_on__lte=models.F("ends_on")), name="archive_period_order"
            ),
            models.CheckConstraint(condition=Q(image="") | ~Q(image_alt=""), name="archive_image_has_alt"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{reverse('places:detail', kwargs={'pk': self.place_id})}#archive-{self.pk}"


class MemoryReport(TimeStampedModel):
    """Someone flagged a memory as breaking the charter."""

    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memory_reports"
    )
    memory = models.ForeignKey(Memory, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("motif"), max_length=REASON_MAX)
    resolved = models.BooleanField(_("traité"), default=False)

    class Meta:
        verbose_name = _("signalement de souvenir")
        verbose_name_plural = _("signalements de souvenirs")
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "memory"], condition=Q(resolved=False), name="one_open_report_per_memory"
            )
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class PlaceModerationDecision(TimeStampedModel):
    """A moderator published, hid or restored a place or a memory, with the reason its author reads."""

    class Verdict(models.TextChoices):
        HIDE = "hide", _("Masquer")
        RESTORE = "restore", _("Publier ou rétablir")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="place_moderation_decisions"
    )
    place = models.ForeignKey(Place, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    memory = models.ForeignKey(Memory, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    verdict = models.CharField(_("décision"), max_length=10, choices=Verdict.choices)
    reason = models.CharField(_("motif"), max_length=REASON_MAX)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("décision de modération sur un lieu")
        verbose_name_plural = _("décisions de modération sur les lieux")
        constraints = [
            models.CheckConstraint(
                condition=(Q(place__isnull=False) & Q(memory__isnull=True))
                | (Q(place__isnull=True) & Q(memory__isnull=False)),
                name="place_decision_targets_one_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.verdict}: {self.reason[:40]}"
