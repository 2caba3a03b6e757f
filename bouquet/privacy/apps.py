from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "bouquet.privacy"
    label = "privacy"
    verbose_name = "Données personnelles"
