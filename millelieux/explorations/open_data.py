"""What an exploration's data page offers: the files of the API filtered to the study, the API itself, the Atom
feed of its articles, and the licences (the study's content, the censuses').

The API (millelieux.api) is a layer above this app: its addresses are found by their URL names and its Table
Schemas by their file names, and `explorations/tests/test_data_page.py` checks that each one answers.
"""

from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from millelieux.core import linked_data

from .licences import OPEN_LICENCE


@dataclass
class Download:
    title: str
    description: str
    format: str  # "CSV", "GeoJSON"
    media_type: str
    url: str  # relative to the site
    schema_url: str = ""  # the Table Schema of a CSV file
    census: bool = False  # census data: under the census's licence, not the study's


def _api(name, exploration=None):
    url = reverse(f"api-v1:{name}")
    return f"{url}?{urlencode({'exploration': exploration.pk})}" if exploration is not None else url


def _schema(file_name):
    return f"{reverse('api-v1:api-root')}schemas/{file_name}.json"


def downloads(exploration):
    """The files of the study (its monographs, impacts, observations; the census entries of its places), and
    the whole census for the national context."""
    return [
        Download(
            _("Monographies"),
            _("Les lieux étudiés : commune, position et fiche technique."),
            "CSV",
            "text/csv",
            _api("places_csv", exploration),
            _schema("monographies"),
        ),
        Download(
            _("Monographies"),
            _("Les lieux étudiés qui ont des coordonnées, pour une carte."),
            "GeoJSON",
            "application/geo+json",
            _api("places_geojson", exploration),
        ),
        Download(
            _("Impacts"),
            _("Les externalités positives et les limites, avec leurs champs d'exploration."),
            "CSV",
            "text/csv",
            _api("impacts_csv", exploration),
            _schema("impacts"),
        ),
        Download(
            _("Observations"),
            _("Chaque impact observé dans un lieu, avec son intensité et sa source."),
            "CSV",
            "text/csv",
            _api("evidence_csv", exploration),
            _schema("observations"),
        ),
        Download(
            _("Tiers-lieux recensés des terrains"),
            _("Les entrées des recensements auxquelles une monographie de l'exploration est rattachée."),
            "CSV",
            "text/csv",
            _api("census_csv", exploration),
            _schema("lieux-recenses"),
            census=True,
        ),
        Download(
            _("Tous les tiers-lieux recensés"),
            _("Les recensements chargés sur la plateforme, dans toute la France."),
            "CSV",
            "text/csv",
            _api("census_csv"),
            _schema("lieux-recenses"),
            census=True,
        ),
        Download(
            _("Tous les tiers-lieux recensés"),
            _("Les mêmes entrées, celles qui ont des coordonnées, pour une carte."),
            "GeoJSON",
            "application/geo+json",
            _api("census_geojson"),
            census=True,
        ),
    ]


def api_links(exploration):
    return {
        "docs": reverse("api-v1:documentation"),
        "openapi": reverse("api-v1:openapi-json"),
        "places": _api("list_places", exploration),
        "exploration": f"{reverse('api-v1:list_explorations')}",
    }


def censuses():
    """The censuses loaded on the site, with their licence and attribution line (one query)."""
    census_model = apps.get_model("census", "Census")
    return list(census_model.objects.select_related("source").order_by("name"))


def dataset_node(exploration, request):
    """The data page as a schema.org Dataset: each file a DataDownload, under the study's licence or, for the
    census files, the census's (Licence Ouverte 2.0)."""
    files = downloads(exploration)
    return linked_data.node(
        "Dataset",
        linked_data.absolute_url(request, request.path),
        name=str(_("Données ouvertes — %(title)s") % {"title": exploration.title}),
        description=exploration.search_description or exploration.summary,
        creator=exploration.publisher(),
        license=exploration.licence.url,
        isAccessibleForFree=True,
        isBasedOn=exploration.reference_node(request),
        distribution=[
            linked_data.node(
                "DataDownload",
                name=f"{download.title} ({download.format})",
                encodingFormat=download.media_type,
                contentUrl=linked_data.absolute_url(request, download.url),
                license=OPEN_LICENCE.url if download.census else exploration.licence.url,
            )
            for download in files
        ],
    )
