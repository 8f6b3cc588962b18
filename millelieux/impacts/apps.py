from django.apps import AppConfig


class ImpactsConfig(AppConfig):
    name = "millelieux.impacts"
    label = "impacts"
    verbose_name = "Impacts"
