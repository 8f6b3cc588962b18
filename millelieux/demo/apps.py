from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "millelieux.demo"
    label = "demo"
    verbose_name = "Démonstration"
