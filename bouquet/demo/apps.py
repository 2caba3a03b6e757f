from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "bouquet.demo"
    label = "demo"
    verbose_name = "Démonstration"
