from django.apps import AppConfig


class CensusConfig(AppConfig):
    name = "millelieux.census"
    label = "census"
    verbose_name = "Recensements"
