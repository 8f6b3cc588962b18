"""The query parameters of the API: declared once per resource (pydantic, so that django-ninja validates them and
describes them in the OpenAPI document), shared by the JSON lists, the GeoJSON and the CSV downloads.

Every value is bounded (numbers, lengths, patterns, lists of choices): a bad value answers 400 with a message,
never a 500 and never a silent guess. A parameter the endpoint does not declare is refused too
(`check_known`), so that a misspelt filter does not return everything as if it had been applied.
"""

from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator

from millelieux.territories.classes import SIZE_CLASS_VALUES

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
# Far more records than the study will ever have; beyond it an offset is a mistake (and 2^63 overflows SQLite).
MAX_OFFSET = 1_000_000
MAX_ID = 2**31 - 1

SizeClass = Literal[SIZE_CLASS_VALUES]  # type: ignore[valid-type]
Typology = Literal["coworking", "fablab", "other", "unknown"]
ImpactKind = Literal["positive", "limit"]


class ParameterError(Exception):
    """A query parameter the endpoint cannot use; answered 400 with `message`."""

    def __init__(self, message, parameter=None):
        super().__init__(message)
        self.message = message
        self.parameter = parameter


def parse_bbox(value):
    """(min_lon, min_lat, max_lon, max_lat) from "minlon,minlat,maxlon,maxlat" (WGS 84 degrees), or ValueError."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError(
            _("bbox attend quatre nombres séparés par des virgules : minlon,minlat,maxlon,maxlat.")
        )
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise ValueError(
            _("bbox : « %(value)s » n'est pas une suite de nombres.") % {"value": value}
        ) from None
    if not all(-180 <= lon <= 180 for lon in (min_lon, max_lon)):
        raise ValueError(_("bbox : les longitudes vont de -180 à 180."))
    if not all(-90 <= lat <= 90 for lat in (min_lat, max_lat)):
        raise ValueError(_("bbox : les latitudes vont de -90 à 90."))
    if min_lon > max_lon or min_lat > max_lat:
        raise ValueError(_("bbox : le coin sud-ouest (minlon,minlat) doit précéder le coin nord-est."))
    return min_lon, min_lat, max_lon, max_lat


def _id(description):
    return Field(None, ge=1, le=MAX_ID, description=description)


class Paging(Schema):
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Enregistrements par page (1 à {MAX_LIMIT})."
    )
    offset: int = Field(
        0, ge=0, le=MAX_OFFSET, description="Rang du premier enregistrement renvoyé (0 : le premier)."
    )


class ExplorationFilter(Schema):
    exploration: int | None = _id("Identifiant d'une exploration (son `id`) : seulement ce qu'elle contient.")


class GeographyFilter(Schema):
    region: str | None = Field(
        None, pattern=r"^[0-9]{2}$", description="Code INSEE d'une région (par exemple 53 pour la Bretagne)."
    )
    department: str | None = Field(
        None,
        pattern=r"^(?:[0-9]{2,3}|2[AB])$",
        description="Code INSEE d'un département (par exemple 35, 2A, 971).",
    )
    size_class: SizeClass | None = Field(
        None,
        description="Classe de taille de la commune (population municipale, classes de la base CGET 2019).",
    )
    bbox: str | None = Field(
        None,
        max_length=120,
        description="Rectangle minlon,minlat,maxlon,maxlat en degrés WGS 84 (par exemple -5.2,47.2,-1,48.9).",
        examples=["-5.2,47.2,-1,48.9"],
    )

    @field_validator("bbox")
    @classmethod
    def _valid_bbox(cls, value):
        if value is not None:
            parse_bbox(value)
        return value


class StudyFilter(ExplorationFilter):
    field: int | None = _id("Identifiant d'un champ d'exploration : ce qui touche aux impacts de ce champ.")
    impact_kind: ImpactKind | None = Field(
        None, description="Nature de l'impact : `positive` (externalité positive) ou `limit` (limite)."
    )
    impact: int | None = _id("Identifiant d'un impact.")


class PlaceFilters(StudyFilter, GeographyFilter):
    typology: Typology | None = Field(
        None, description="Typologie du lieu dans le recensement auquel la monographie est reliée."
    )


class PlaceQuery(PlaceFilters, Paging):
    ordering: Literal[
        "title", "-title", "id", "-id", "opening_year", "-opening_year", "commune", "-commune"
    ] = Field("title", description="Tri ; `-` devant le nom inverse l'ordre.")


class ImpactFilters(ExplorationFilter):
    field: int | None = _id("Identifiant d'un champ d'exploration.")
    kind: ImpactKind | None = Field(
        None, description="`positive` (externalité positive) ou `limit` (limite)."
    )


class ImpactQuery(ImpactFilters, Paging):
    ordering: Literal["title", "-title", "id", "-id", "kind", "-kind"] = Field("title", description="Tri.")


class EvidenceFilters(StudyFilter, GeographyFilter):
    place: int | None = _id("Identifiant d'une monographie.")
    strength: int | None = Field(None, ge=1, le=3, description="Intensité : 1 faible, 2 marquée, 3 forte.")


class EvidenceQuery(EvidenceFilters, Paging):
    ordering: Literal["id", "-id", "strength", "-strength", "place", "-place", "impact", "-impact"] = Field(
        "id", description="Tri."
    )


class ArticleQuery(ExplorationFilter, Paging):
    field: int | None = _id("Identifiant d'un champ : les articles reliés à un impact de ce champ.")
    impact: int | None = _id("Identifiant d'un impact : les articles qui y sont reliés.")
    place: int | None = _id("Identifiant d'une monographie : les articles qui y sont reliés.")
    kind: Literal["interview", "report", "essay"] | None = Field(None, description="Genre de l'article.")
    ordering: Literal["-date", "date", "title", "-title", "id", "-id"] = Field("-date", description="Tri.")


class ExplorationQuery(Paging):
    ordering: Literal["title", "-title", "id", "-id", "period_start", "-period_start"] = Field(
        "title", description="Tri."
    )


class FieldQuery(ExplorationFilter, Paging):
    ordering: Literal["sort_order", "title", "-title", "id", "-id"] = Field("sort_order", description="Tri.")


class EventQuery(ExplorationFilter, Paging):
    ordering: Literal["-date", "date", "title", "-title", "id", "-id"] = Field("-date", description="Tri.")


class PartnerQuery(ExplorationFilter, Paging):
    ordering: Literal["name", "-name", "id", "-id"] = Field("name", description="Tri.")


class CensusFilters(GeographyFilter):
    census: str | None = Field(
        None,
        pattern=r"^[-a-z0-9_]{1,60}$",
        description="Identifiant d'un recensement (par exemple cget-2019).",
    )
    typology: Typology | None = Field(None, description="Typologie ; `unknown` : non renseignée.")
    status: Literal["present", "gone"] | None = Field(
        None, description="`present` : dans la dernière version du recensement ; `gone` : disparu depuis."
    )
    exploration: int | None = _id("Identifiant d'une exploration : les lieux qui y ont une monographie.")


class CensusQuery(CensusFilters, Paging):
    ordering: Literal["name", "-name", "id", "-id", "commune", "-commune"] = Field("name", description="Tri.")


def check_known(request, params):
    """Refuse a parameter the operation does not declare (a misspelt filter must not be silently ignored).
    `params` is the operation's parameter schema, or None when it takes none."""
    known = set(type(params).model_fields) if params is not None else set()
    unknown = sorted(set(request.GET) - known)
    if unknown:
        shown = ", ".join(f"« {name[:40]} »" for name in unknown[:5])
        raise ParameterError(
            _("Paramètre inconnu : %(names)s. Paramètres possibles : %(known)s.")
            % {"names": shown, "known": ", ".join(sorted(known)) or _("aucun")},
            parameter=unknown[0][:40],
        )
