from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    """Registers the back-office's templates and template tags; its pages are plain modules."""

    name = "bouquet.backoffice"
    label = "backoffice"
    verbose_name = "Gestion"
