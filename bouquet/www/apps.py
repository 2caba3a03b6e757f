from django.apps import AppConfig


class WwwConfig(AppConfig):
    """Registers the pages' template tags; the pages themselves are plain modules under ``bouquet.www``."""

    name = "bouquet.www"
    label = "www"
    verbose_name = "Pages"
