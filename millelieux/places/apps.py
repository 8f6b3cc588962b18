from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "millelieux.places"
    label = "places"
    verbose_name = "Terrains"
