from django.apps import AppConfig


class ExplorationsConfig(AppConfig):
    name = "millelieux.explorations"
    label = "explorations"
    verbose_name = "Explorations"
