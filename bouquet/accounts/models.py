"""People who take part, their role and their district."""

import hashlib
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from bouquet.core.models import TimeStampedModel


class Role(models.TextChoices):
    INHABITANT = "inhabitant", _("Habitant·e")
    FACILITATOR = "facilitator", _("Animateur·rice")
    MENTOR = "mentor", _("Accompagnateur·rice")
    MODERATOR = "moderator", _("Modérateur·rice")
    AGENT = "agent", _("Agent de la collectivité")
    ADMINISTRATOR = "administrator", _("Administrateur·rice")


class UserManager(BaseUserManager["User"]):
    """Users are identified by their e-mail address."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        """Create a participant account."""
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        """Create an administrator who can also use Django's admin."""
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", Role.ADMINISTRATOR)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("adresse e-mail"), unique=True)
    display_name = models.CharField(
        _("nom affiché"),
        max_length=60,
        blank=True,
        help_text=_("Ce nom apparaît à côté de vos contributions."),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.INHABITANT)
    district = models.ForeignKey(
        "places.District",
        verbose_name=_("quartier"),
        on_delete=models.SET_NULL,  # a district may be redrawn; the person keeps their account
        null=True,
        blank=True,
        related_name="residents",
    )
    # Set when the person deleted their account: the row stays so that their contributions, supports and
    # participations keep their meaning and counters stay true, but nothing in it identifies them any more.
    erased_at = models.DateTimeField(_("compte supprimé le"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")

    def __str__(self) -> str:
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown beside contributions: never the e-mail address."""
        if self.erased_at is not None:
            return str(_("Compte supprimé"))
        return self.display_name or str(_("Participant·e n°%(id)s") % {"id": self.pk})


class ApiToken(TimeStampedModel):
    """A personal token for the API; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nom"), max_length=80)
    key_hash = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def hash_key(key: str) -> str:
        """Digest under which a token is stored and looked up."""
        return hashlib.sha256(key.encode()).hexdigest()


class VerificationMethod(models.TextChoices):
    PROVIDER = "provider", _("Fournisseur d'identité (FranceConnect, ProConnect)")
    CENSUS = "census", _("Liste des habitants transmise par la collectivité")
    DESK = "desk", _("Pièce d'identité présentée à un agent")


class DocumentKind(models.TextChoices):
    ID_CARD = "id_card", _("Carte nationale d'identité")
    PASSPORT = "passport", _("Passeport")
    RESIDENCE_PERMIT = "residence_permit", _("Titre de séjour")
    DRIVING_LICENCE = "driving_licence", _("Permis de conduire")
    OTHER = "other", _("Autre pièce officielle avec photo")


class Verification(TimeStampedModel):
    """A person's verified identity. ``identity`` is the keyed hash of their normalised name and birth date
    (``accounts.verification.identity_hash``): unique, so that one person has one verified account, and the same
    key that counts their paper ballot. Neither their name nor their address is stored; their birth date is,
    because a budget's minimum age is checked against it."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="verification")
    identity = models.CharField(max_length=64, unique=True, editable=False)
    birthdate = models.DateField(_("date de naissance"))
    method = models.CharField(_("vérifiée par"), max_length=10, choices=VerificationMethod.choices)
    provider = models.CharField(_("fournisseur d'identité"), max_length=40, blank=True)
    document_kind = models.CharField(
        _("pièce présentée"), max_length=20, choices=DocumentKind.choices, blank=True
    )
    # The agent who looked at the document (a desk check); no copy of the document is ever kept.
    checked_by = models.ForeignKey(
        User,
        verbose_name=_("vérifiée par l'agent"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("identité vérifiée")
        verbose_name_plural = _("identités vérifiées")

    def __str__(self) -> str:
        return f"{self.user_id} · {self.method}"


class CensusEntry(models.Model):
    """One inhabitant of the authority's list, as the keyed hash of their normalised name, birth date and address
    (``accounts.verification.census_hash``): nothing of the file is kept in clear."""

    key = models.CharField(max_length=64, unique=True)
    imported_on = models.DateField(_("importée le"))

    class Meta:
        verbose_name = _("ligne de la liste des habitants")
        verbose_name_plural = _("lignes de la liste des habitants")

    def __str__(self) -> str:
        return self.key[:12]
