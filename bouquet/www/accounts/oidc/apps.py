from django.apps import AppConfig


class StateProvidersConfig(AppConfig):
    name = "bouquet.www.accounts.oidc"
    label = "bouquet_oidc"
    verbose_name = "FranceConnect, ProConnect"
