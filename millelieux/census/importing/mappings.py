"""Which column of a census file holds which field: the built-in profiles and user mapping files.

A mapping file (TOML or JSON) lets a newer census import without code::

    id = "Identifiant"                      # the census's own id of each place (required)
    personal = ["Contact", "Courriel"]     # dropped as the file is read: never stored, shown or exported
    missing = ["", "0", "NC"]              # values that mean "not given"

    [columns]                              # field = column; only `name` is required
    name = "Nom"
    latitude = "Latitude"
    longitude = "Longitude"
    commune_code = "Code INSEE"
    postcode = "Code postal"
    commune_name = "Commune"
    website = "Site"
    typology = "Type"

    [typologies]                           # label in the file = code (coworking, fablab, other)
    "Espace de coworking" = "coworking"

    [census]                               # defaults for a census created by the import
    name = "…"
    publisher = "…"
    licence = "…"
    attribution = "…"

Every column the mapping names must be in the file (otherwise the import stops before writing anything);
the other columns, except the personal ones, are kept in the entry's `extra`.
"""

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

FIELDS = (
    "name",
    "address",
    "postcode",
    "commune_code",
    "commune_name",
    "commune_label",
    "department",
    "latitude",
    "longitude",
    "typology",
    "website",
    "geocoding",
)
TYPOLOGY_CODES = ("coworking", "fablab", "other", "")
CENSUS_KEYS = ("name", "publisher", "licence", "attribution", "caveat", "published")


class MappingError(Exception):
    """A mapping that cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class Mapping:
    name: str
    id_column: str
    columns: dict
    personal: tuple = ()
    typologies: dict = field(default_factory=dict)
    missing: tuple = ("",)
    hand_geocoded: str = ""  # the value of the `geocoding` column that means "placed by hand"
    census: dict = field(default_factory=dict)

    def required_columns(self):
        return [self.id_column, *self.columns.values()]

    def missing_columns(self, header, point_geometry=False):
        """The columns this mapping names that `header` lacks (a GeoJSON point stands for latitude/longitude)."""
        present = set(header)
        if point_geometry:
            present |= {self.columns.get("latitude"), self.columns.get("longitude")}
        return [column for column in self.required_columns() if column not in present]


CGET_2019 = Mapping(
    name="cget-2019",
    id_column="ID",
    columns={
        "name": "NOM_TL",
        "address": "ADRESSE",
        "postcode": "CP",
        "commune_code": "INSEECOM",
        "commune_name": "NOMCOM",
        "commune_label": "COMINIT",
        "department": "INSEEDEP",
        "latitude": "LAT",
        "longitude": "LONG",
        "typology": "TYPO",
        "website": "WEB",
        "geocoding": "GEOCOD",
    },
    personal=("CONTACT", "MAIL"),
    typologies={
        "Tiers lieux à dominante coworking": "coworking",
        "Tiers lieux à dominante fablab": "fablab",
    },
    # the CGET writes 0 for a postcode or an INSEE code it does not have
    missing=("", "0"),
    hand_geocoded="PLACE A LA MAIN",
    census={
        "slug": "cget-2019",
        "name": "Base des tiers-lieux du CGET (2019)",
        "publisher": "CGET (ANCT)",
        "published": "2019-01-01",
        "licence": "Licence Ouverte 2.0",
        "attribution": "CGET (ANCT), base des tiers-lieux 2019",
        "caveat": "Une base de données, pas un recensement exhaustif.",
    },
)

PROFILES = {CGET_2019.name: CGET_2019}


def load_mapping(value):
    """A built-in profile by name, or a mapping file (.toml or .json) by path."""
    if value in PROFILES:
        return PROFILES[value]
    path = Path(value)
    if not path.is_file():
        raise MappingError(
            _("Correspondance inconnue : « %(value)s » n'est ni un profil (%(profiles)s) ni un fichier.")
            % {"value": value, "profiles": ", ".join(PROFILES)}
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise MappingError(
            _("Fichier de correspondance illisible (%(path)s) : %(error)s") % {"path": path, "error": error}
        ) from error
    return mapping_from_dict(data, name=path.stem)


def _strings(value, key):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MappingError(_("Correspondance : « %(key)s » doit être une liste de textes.") % {"key": key})
    return tuple(value)


def mapping_from_dict(data, name="mapping"):
    if not isinstance(data, dict):
        raise MappingError(_("Correspondance : un objet (clés et valeurs) est attendu."))
    unknown = set(data) - {"id", "columns", "personal", "typologies", "missing", "hand_geocoded", "census"}
    if unknown:
        raise MappingError(
            _("Correspondance : clés inconnues : %(keys)s.") % {"keys": ", ".join(sorted(unknown))}
        )
    id_column = data.get("id")
    if not isinstance(id_column, str) or not id_column.strip():
        raise MappingError(_("Correspondance : « id » (la colonne de l'identifiant) est obligatoire."))
    columns = data.get("columns")
    if not isinstance(columns, dict) or not isinstance(columns.get("name"), str):
        raise MappingError(_("Correspondance : « columns » doit donner au moins la colonne de « name »."))
    bad_fields = sorted(set(columns) - set(FIELDS))
    if bad_fields:
        raise MappingError(
            _("Correspondance : champs inconnus dans « columns » : %(fields)s (connus : %(known)s).")
            % {"fields": ", ".join(bad_fields), "known": ", ".join(FIELDS)}
        )
    if not all(isinstance(c, str) and c for c in columns.values()):
        raise MappingError(_("Correspondance : chaque champ de « columns » doit nommer une colonne."))
    typologies = data.get("typologies", {})
    if not isinstance(typologies, dict) or not all(
        isinstance(code, str) and code in TYPOLOGY_CODES for code in typologies.values()
    ):
        raise MappingError(
            _("Correspondance : « typologies » associe des libellés aux codes %(codes)s.")
            % {"codes": ", ".join(c for c in TYPOLOGY_CODES if c)}
        )
    census = data.get("census", {})
    if not isinstance(census, dict) or set(census) - set(CENSUS_KEYS) - {"slug"}:
        raise MappingError(
            _("Correspondance : « census » accepte %(keys)s.") % {"keys": ", ".join(("slug",) + CENSUS_KEYS)}
        )
    return Mapping(
        name=name,
        id_column=id_column,
        columns=dict(columns),
        personal=_strings(data.get("personal", []), "personal"),
        typologies=dict(typologies),
        missing=_strings(data.get("missing", [""]), "missing"),
        hand_geocoded=str(data.get("hand_geocoded", "")),
        census={k: str(v) for k, v in census.items()},
    )
