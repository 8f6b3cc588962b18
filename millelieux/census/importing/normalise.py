"""One row of a census file → the values of a CensusEntry, with the errors that reject it and the warnings
that do not. Each problem names the column, the value and the reason."""

import hashlib
import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from millelieux.census.models import CensusEntry
from millelieux.territories.models import Commune

from .geo import EARTH_RADIUS_M, distance_m, in_france, postcode_index
from .mappings import FIELDS
from .readers import LATITUDE, LONGITUDE
from .text import commune_key

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#]\S*)?$", re.I)
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}\.?(?::\d{1,5})?$", re.I)
_SPACE_OR_BAR = re.compile(r"\s|\|")
_TYPOLOGY_CODES = {"coworking": "coworking", "fablab": "fablab", "other": "other"}


_MAX_LENGTHS = {}


def _max_length(name):
    if not _MAX_LENGTHS:
        _MAX_LENGTHS.update((f.name, f.max_length) for f in CensusEntry._meta.fields)
    return _MAX_LENGTHS[name]


HASHED = (
    "name",
    "address",
    "postcode",
    "commune_label",
    "typology",
    "typology_label",
    "latitude",
    "longitude",
    "location_note",
    "website",
)


@dataclass(slots=True)
class Row:
    line: int
    id: str | None
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    commune_code: str = ""
    outcome: str = ""

    def error(self, column, value, reason):
        self.errors.append({"column": column, "value": mask_emails(value), "reason": reason})

    def warn(self, column, value, reason):
        self.warnings.append({"column": column, "value": mask_emails(value), "reason": reason})

    def row_hash(self):
        """A digest of the normalised values (the commune by its code, which outlives a reload)."""
        values = self.values
        data = [self.commune_code]
        data += [str(values[k]) for k in HASHED]
        data += [f"{k}\x1d{v}" for k, v in sorted(values["extra"].items())]
        return hashlib.sha256("\x1f".join(data).encode()).hexdigest()


class Communes:
    """The loaded communes, looked up by code, by postcode + name, by name within a department, or by the
    nearest point within a department. The codes are loaded once; the per-department indexes are built on
    first use only, so a file resolves each commune from memory, not with a query per row."""

    def __init__(self):
        self.by_code = {
            code: (pk, name)
            for pk, code, name in Commune.objects.values_list("pk", "code", "name").iterator(chunk_size=5000)
        }
        self._names = {}
        self._points = {}
        self._postcodes = {}

    def _department(self, department):
        return Commune.objects.filter(department__code=department)

    def by_department_name(self, department, name):
        if department not in self._names:
            index = self._names[department] = {}
            for code, commune_name in self._department(department).values_list("code", "name"):
                index.setdefault(commune_key(commune_name), []).append(code)
        return self._names[department].get(commune_key(name), [])

    def nearest(self, department, latitude, longitude):
        """The commune (or municipal arrondissement) of `department` whose point is nearest; of two at the
        same distance, the first in the department's list (by name).

        The points are sorted by latitude once; a query looks at them by growing difference of latitude
        from its own, and stops when that difference alone is longer than the nearest distance found: a
        great-circle distance is never shorter than its difference of latitude."""
        if department not in self._points:
            rows = self._department(department).exclude(kind__in=("COMD", "COMA")).exclude(latitude=None)
            rows = list(rows.values_list("code", "kind", "parent_code", "latitude", "longitude"))
            # Paris, Lyon and Marseille are found by their arrondissements
            split = {parent for _code, kind, parent, _lat, _lon in rows if kind == "ARM"}
            points = [(c, lat, lon) for c, _k, _p, lat, lon in rows if c not in split]
            ranked = sorted(((lat, index, code, lon) for index, (code, lat, lon) in enumerate(points)))
            self._points[department] = ([p[0] for p in ranked], ranked)
        latitudes, candidates = self._points[department]
        if not candidates:
            return None
        below = bisect_left(latitudes, latitude) - 1
        above = below + 1
        best = None  # (distance, index in the department's list, code)
        while below >= 0 or above < len(candidates):
            gap_below = latitude - latitudes[below] if below >= 0 else math.inf
            gap_above = latitudes[above] - latitude if above < len(candidates) else math.inf
            if gap_below <= gap_above:
                gap, (lat, index, code, lon) = gap_below, candidates[below]
                below -= 1
            else:
                gap, (lat, index, code, lon) = gap_above, candidates[above]
                above += 1
            # widened a little so that rounding never stops the search before an equally near point
            if best is not None and math.radians(gap) * EARTH_RADIUS_M * (1 - 1e-9) > best[0]:
                break
            distance = distance_m(latitude, longitude, lat, lon)
            if best is None or (distance, index) < best[:2]:
                best = (distance, index, code)
        return best[2]

    def by_postcode(self, postcode, names):
        candidates = self._postcodes.get(postcode)
        if candidates is None:
            by_code = self.by_code
            candidates = self._postcodes[postcode] = [
                (c, commune_key(by_code[c][1])) for c in postcode_index().get(postcode, []) if c in by_code
            ]
        if not candidates:
            return []
        keys = {commune_key(n) for n in names if n}
        if keys:
            named = [c for c, key in candidates if key in keys]
            if named:
                return named
        return [candidates[0][0]] if len(candidates) == 1 and not keys else []


def mask_emails(value):
    """E-mail addresses are personal data wherever a file puts them: never stored nor reported."""
    if isinstance(value, str) and "@" in value:
        return _EMAIL.sub(_("[adresse électronique masquée]"), value)
    return value


def clean_text(value):
    if not value:
        return ""
    if not value.isprintable():
        value = _CONTROL.sub(" ", value)
    return " ".join(value.split())


def normalise(raw, mapping, communes):
    """A Row from a RawRow: values ready for a CensusEntry, or errors. For many rows of one file, a
    Normaliser does the same with the mapping worked out once."""
    return Normaliser(mapping, communes)(raw)


class Normaliser:
    """`normalise` for the rows of one file: what depends on the mapping only is worked out once."""

    def __init__(self, mapping, communes):
        self.mapping, self.communes = mapping, communes
        self.missing = frozenset(mapping.missing)
        self.columns = tuple(mapping.columns.items())
        self.blank = dict.fromkeys(FIELDS, "")
        self.used = frozenset({mapping.id_column, *mapping.columns.values(), LATITUDE, LONGITUDE})
        self.lengths = {
            name: _max_length(name)
            for name in ("external_id", "name", "address", "postcode", "commune_label", "typology_label")
        }
        self.location_lengths = _max_length("location_note")

    def __call__(self, raw):
        values = raw.values
        mapping, communes, missing, lengths = self.mapping, self.communes, self.missing, self.lengths
        identifier = clean_text(values.get(mapping.id_column, ""))
        row = Row(raw.line, identifier or None)
        if raw.problem:
            row.error(None, None, raw.problem)
            return row
        if not identifier:
            row.error(mapping.id_column, "", _("identifiant manquant"))
        elif len(identifier) > lengths["external_id"]:
            row.error(mapping.id_column, identifier, _("identifiant trop long"))

        # each mapped field cleaned once; a field the mapping does not name is ""
        cleaned = dict(self.blank)
        for field_name, column in self.columns:
            cleaned[field_name] = clean_text(values.get(column, ""))

        name = mask_emails(cleaned["name"])
        if not name:
            row.error(mapping.columns["name"], "", _("nom manquant"))
        elif len(name) > lengths["name"]:
            row.error(
                mapping.columns["name"], name, _("nom trop long (plus de %(n)s caractères)") % {"n": 300}
            )

        location_note = _coordinates(row, mapping, values, cleaned)
        if mapping.hand_geocoded and cleaned["geocoding"] == mapping.hand_geocoded:
            location_note.insert(0, _("placé à la main"))

        postcode = cleaned["postcode"]
        postcode = "" if postcode in missing else postcode
        if postcode.isdigit() and len(postcode) == 4:
            postcode = "0" + postcode  # a spreadsheet ate the leading zero
        commune_label = cleaned["commune_label"] or cleaned["commune_name"]
        _commune(row, mapping, communes, cleaned, postcode, missing)

        label = cleaned["typology"]
        typology = ""
        if label and label not in missing:
            typology = mapping.typologies.get(label) or _TYPOLOGY_CODES.get(label.lower(), "")
            if not typology:
                typology = "other"
                row.warn(mapping.columns.get("typology"), label, _("typologie inconnue, classée « autre »"))

        website = _website(row, mapping, cleaned["website"], missing)

        used = self.used
        # the readers give text only; most cells hold no "@", so the e-mail pattern is not run on them
        extra = {k: v if "@" not in v else mask_emails(v) for k, v in values.items() if k not in used}
        row.values = {
            "name": name,
            "address": mask_emails(cleaned["address"])[: lengths["address"]],
            "postcode": postcode[: lengths["postcode"]],
            "commune_id": communes.by_code[row.commune_code][0] if row.commune_code else None,
            "commune_label": commune_label[: lengths["commune_label"]],
            "typology": typology,
            "typology_label": label[: lengths["typology_label"]],
            "latitude": row.values.get("latitude"),
            "longitude": row.values.get("longitude"),
            "location_note": "; ".join(location_note)[: self.location_lengths],
            "website": website,
            "extra": extra,
        }
        return row


def _number(text):
    return float(text.replace(",", ".").replace(" ", ""))


def _coordinates(row, mapping, values, cleaned):
    """Sets row.values latitude/longitude; returns the notes on the location."""
    lat_column, lon_column = mapping.columns.get("latitude"), mapping.columns.get("longitude")
    lat_text, lon_text = cleaned["latitude"], cleaned["longitude"]
    if not lat_text and not lon_text and LATITUDE in values:
        lat_text, lon_text = values[LATITUDE], values[LONGITUDE]
        lat_column = lon_column = "geometry"
    if not lat_column and not lon_column:
        return []
    if not lat_text and not lon_text:
        row.warn(lat_column, "", _("pas de coordonnées"))
        return [_("sans coordonnées")]
    numbers = []
    for column, text in ((lat_column, lat_text), (lon_column, lon_text)):
        try:
            number = _number(text)
            if not math.isfinite(number):
                raise ValueError
            numbers.append(number)
        except ValueError:
            row.error(column, text, _("coordonnée manquante ou non numérique"))
    if len(numbers) < 2:
        return []
    latitude, longitude = numbers
    if in_france(latitude, longitude):
        row.values.update(latitude=latitude, longitude=longitude)
        return []
    if in_france(longitude, latitude):
        row.values.update(latitude=longitude, longitude=latitude)
        row.warn(
            f"{lat_column}/{lon_column}",
            f"{lat_text} {lon_text}",
            _("latitude et longitude inversées, corrigées"),
        )
        return [_("latitude et longitude inversées dans le fichier, corrigées")]
    row.error(f"{lat_column}/{lon_column}", f"{lat_text} {lon_text}", _("coordonnées hors de France"))
    return []


def _commune(row, mapping, communes, cleaned, postcode, missing):
    """The commune, tried in this order: INSEE code, postcode + name, name in the department, nearest
    commune point in the department."""
    column = mapping.columns.get("commune_code")
    code = cleaned["commune_code"]
    code = "" if code in missing else code
    if code.isdigit() and len(code) == 4:
        code = "0" + code
    if code and code.upper() in communes.by_code:
        row.commune_code = code.upper()
        return
    names = [cleaned["commune_name"], cleaned["commune_label"]]
    found = communes.by_postcode(postcode, names) if postcode else []
    if len(found) == 1:
        row.commune_code = found[0]
        row.warn(
            mapping.columns.get("postcode"),
            postcode,
            _("commune trouvée par le code postal : %(code)s") % {"code": found[0]},
        )
        return
    department = cleaned["department"]
    if department and department not in missing:
        department = department.zfill(2) if department.isdigit() else department.upper()
        for name in names:
            found = communes.by_department_name(department, name) if name else []
            if len(found) == 1:
                row.commune_code = found[0]
                row.warn(
                    mapping.columns.get("commune_name") or mapping.columns.get("commune_label"),
                    name,
                    _("commune trouvée par son nom dans le département : %(code)s") % {"code": found[0]},
                )
                return
        latitude, longitude = row.values.get("latitude"), row.values.get("longitude")
        nearest = communes.nearest(department, latitude, longitude) if latitude is not None else None
        if nearest:
            row.commune_code = nearest
            row.warn(
                column,
                cleaned["commune_code"],
                _("commune déduite des coordonnées (la plus proche dans le département) : %(code)s")
                % {"code": nearest},
            )
            return
    if column:
        row.warn(column, cleaned["commune_code"], _("commune introuvable (code INSEE inconnu ou absent)"))


def _website(row, mapping, text, missing):
    if not text or text in missing:
        return ""
    url = text
    if "://" not in url and _BARE_DOMAIN.match(url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
        valid = (
            parts.scheme in ("http", "https") and _HOST.match(parts.netloc) and not _SPACE_OR_BAR.search(url)
        )
    except ValueError:
        valid = False
    if not valid:
        row.warn(mapping.columns.get("website"), text, _("adresse web invalide, ignorée"))
        return ""
    if len(url) > _max_length("website"):
        row.warn(mapping.columns.get("website"), text, _("adresse web trop longue, ignorée"))
        return ""
    return url
