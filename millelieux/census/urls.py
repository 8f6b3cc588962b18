from django.urls import path

from . import views

urlpatterns = [
    path("carte/", views.national_map, name="national_map"),
    path("carte/donnees.json", views.national_map_data, name="national_map_data"),
    path("carte/fond.json", views.national_map_basemap, name="national_map_basemap"),
]
