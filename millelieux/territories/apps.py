from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "millelieux.territories"
    label = "territories"
    verbose_name = "Territoires"
