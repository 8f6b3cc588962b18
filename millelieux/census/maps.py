"""The national map of census entries: its filters (read from the query string, refused with a message when
wrong), the rows it shows, the counts of each filter, the statistics, the compact data the browser clusters and
the static map drawn for readers without JavaScript.

One pass over the present entries (two queries, no model instances) builds both a Snapshot (the counts of
every combination of filter values, and the entries in list order) and the gzipped JSON of the interactive map,
so counts, list, charts and map always agree. Both are cached under a version of the data (data_version: a few
indexed queries that change with every import and every edit in the admin), so a reader pays for that pass only
after the census changed; the page then reads a page of the list (50 rows) and the monographs, nothing more.
"""

import functools
import gzip
import hashlib
import itertools
import json
import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import ModelLogEntry

from millelieux.core.routing import in_lasting_memo, memoised
from millelieux.territories import maps as territory_maps
from millelieux.territories.classes import METROPOLE_KIND, SIZE_CLASSES
from millelieux.territories.models import Commune, Region

from .models import Census, CensusEntry, CensusImport

# The value of each filter in the URL (French, readable) and the stored value it stands for.
TYPOLOGIES = (
    ("coworking", CensusEntry.Typology.COWORKING, gettext_lazy("À dominante coworking")),
    ("fablab", CensusEntry.Typology.FABLAB, gettext_lazy("À dominante fablab")),
    ("autre", CensusEntry.Typology.OTHER, gettext_lazy("Autre")),
    ("non-renseignee", CensusEntry.Typology.UNKNOWN, gettext_lazy("Typologie non renseignée")),
)
SIZES = tuple((value.replace(" ", "-"), value, label) for value, _low, _high, label in SIZE_CLASSES) + (
    ("inconnue", "", gettext_lazy("Taille inconnue")),
)
METROPOLE = (
    ("oui", True, gettext_lazy("Dans une métropole")),
    ("non", False, gettext_lazy("Hors métropole")),
)
NO_REGION = "inconnue"

# Filter name in the URL -> position of its value in a Row
FILTER_NAMES = ("typologie", "region", "taille", "metropole")
PER_PAGE = 50
MAX_PAGE_DIGITS = 6


class FilterError(ValueError):
    """A filter of the query string that names nothing: shown to the reader with a 400."""


@dataclass(frozen=True)
class Row:
    pk: int
    name: str
    latitude: float | None
    longitude: float | None
    typology: str  # URL value
    region: str  # region code, or NO_REGION
    size: str  # URL value
    metropole: str  # "oui" / "non"
    commune: str
    department: str

    def value(self, name):
        return {
            "typologie": self.typology,
            "region": self.region,
            "taille": self.size,
            "metropole": self.metropole,
        }[name]


def choices(regions):
    """{filter: [(URL value, label)]}, in the order they are shown, the labels in the active language (a page
    shows each many times: translated once here rather than at each use)."""
    return {
        "typologie": [(slug, str(label)) for slug, _stored, label in TYPOLOGIES],
        "region": [(region.code, region.name) for region in regions] + [(NO_REGION, _("Région inconnue"))],
        "taille": [(slug, str(label)) for slug, _stored, label in SIZES],
        "metropole": [(slug, str(label)) for slug, _stored, label in METROPOLE],
    }


def typology_labels():
    """{typology URL value: label} in the active language, translated once per language."""
    language = translation.get_language()
    labels = _TYPOLOGY_LABELS.get(language)
    if labels is None:
        labels = _TYPOLOGY_LABELS[language] = {slug: str(label) for slug, _stored, label in TYPOLOGIES}
    return labels


_TYPOLOGY_LABELS = {}  # {language: {typology URL value: label}}


def regions():
    return memoised(
        "census-map-regions",
        lambda: list(Region.objects.only("pk", "code", "name", "outline_coarse").order_by("name")),
        lasting=True,  # the same for every page of the map a static export writes
    )


def parse_filters(query, known):
    """The filters of a query string ({name: URL value}, only those given), or FilterError. `known` is the
    result of choices(). Other parameters are left to the caller; an empty value means no filter."""
    filters = {}
    for name in FILTER_NAMES:
        values = query.getlist(name)
        if len(values) > 1:
            raise FilterError(_("Le filtre « %(name)s » est donné plusieurs fois.") % {"name": name})
        if not values or values[0] == "":
            continue
        value = values[0]
        allowed = {slug for slug, _label in known[name]}
        if value not in allowed:
            shown = value if len(value) <= 40 else value[:40] + "…"
            raise FilterError(
                _("« %(value)s » n'est pas une valeur possible du filtre « %(name)s ».")
                % {"value": shown, "name": name}
            )
        filters[name] = value
    return filters


def parse_page(query):
    """The page number of the list (1 when absent), or FilterError."""
    values = query.getlist("page")
    if not values:
        return 1
    value = values[-1] if len(values) == 1 else ""
    if not value.isdigit() or len(value) > MAX_PAGE_DIGITS or int(value) < 1:
        raise FilterError(_("Le numéro de page doit être un nombre entier positif."))
    return int(value)


_TYPOLOGY_SLUG = {stored: slug for slug, stored, _label in TYPOLOGIES}
_SIZE_SLUG = {stored: slug for slug, stored, _label in SIZES}
_NO_COMMUNE = (NO_REGION, "inconnue", "non")

# How long a snapshot may be kept at most. The version (data_version) changes with every import and every edit
# made in the admin, so this only bounds what it cannot see: territories reloaded in place.
SNAPSHOT_TIMEOUT = 60 * 60


def matches(row, filters, skip=None):
    return all(row.value(name) == value for name, value in filters.items() if name != skip)


def key_matches(key, filters):
    """Whether a snapshot key (typology, region, size, métropole: URL values) passes the filters."""
    return all(key[FILTER_NAMES.index(name)] == value for name, value in filters.items())


_VERSIONED = (CensusEntry, CensusImport, Census, ModelLogEntry, Commune, Region)


def data_version():
    """A short string that changes whenever what the map shows of the census may have changed: a few queries,
    each answered from an index (no scan of the entries).

    Imports write in a transaction that records a CensusImport, so its latest id moves with every import; the
    count of present entries moves when an entry is merged into another or a census is deleted; the admin logs
    every edit of an entry (ModelLogEntry). The territories' counts catch a first load or a removal."""
    return memoised("census-map-version", _read_data_version, lasting=True)


def _read_data_version():
    table = {model: connection.ops.quote_name(model._meta.db_table) for model in _VERSIONED}
    logged = [ContentType.objects.get_for_model(model).pk for model in (CensusEntry, Census)]
    # one query of scalar subqueries (SQLite and PostgreSQL alike), each answered from an index
    sql = (
        "SELECT (SELECT COUNT(*) FROM {entry} WHERE status = %s), (SELECT MAX(id) FROM {entry}),"
        " (SELECT MAX(id) FROM {imports}), (SELECT MAX(id) FROM {census}), (SELECT COUNT(*) FROM {census}),"
        " (SELECT MAX(id) FROM {log} WHERE content_type_id IN (%s, %s)),"
        " (SELECT MAX(id) FROM {commune}), (SELECT COUNT(*) FROM {commune}),"
        " (SELECT MAX(id) FROM {region}), (SELECT COUNT(*) FROM {region})"
    ).format(
        entry=table[CensusEntry],
        imports=table[CensusImport],
        census=table[Census],
        log=table[ModelLogEntry],
        commune=table[Commune],
        region=table[Region],
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [CensusEntry.Status.PRESENT, *logged])
        parts = cursor.fetchone()
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


@dataclass
class Snapshot:
    """What the page needs of every present entry, small enough to be cached: the counts by combination of
    filter values, and the entries in list order (by name) with the index of their combination.

    groups: {(typology, region, size, métropole): [entries, located, sum of latitudes, sum of longitudes]}
    keys: the combinations, in the order `codes` refers to them
    pks, codes: the primary key of each entry, sorted by (name, pk), and the index of its combination"""

    version: str
    total: int
    groups: dict
    keys: list
    pks: array
    codes: array

    def results_count(self, filters):
        return sum(group[0] for key, group in self.groups.items() if key_matches(key, filters))

    def page_pks(self, filters, start, stop):
        """The primary keys of the results from `start` to `stop` (list order)."""
        allowed = {n for n, key in enumerate(self.keys) if key_matches(key, filters)}
        chosen = (pk for pk, code in zip(self.pks, self.codes, strict=True) if code in allowed)
        return list(itertools.islice(chosen, start, stop))


def _commune_categories():
    """{commune id: (name, region, size, métropole)} for the communes of present entries: one query."""
    found = (
        Commune.objects.filter(
            pk__in=CensusEntry.objects.filter(status=CensusEntry.Status.PRESENT).values("commune_id")
        )
        .order_by()
        .values_list("pk", "name", "department__region__code", "size_class", "epci__kind")
    )
    return {
        pk: (
            name,
            region or NO_REGION,
            _SIZE_SLUG.get(size or "", "inconnue"),
            "oui" if kind == METROPOLE_KIND else "non",
        )
        for pk, name, region, size, kind in found
    }


def build(version, known):
    """(Snapshot, gzipped JSON of the interactive map) from two queries: the present entries without any join,
    and the categories of their communes (each read once, not once per entry)."""
    communes = _commune_categories()
    found = (
        CensusEntry.objects.filter(status=CensusEntry.Status.PRESENT)
        .order_by("pk")
        .values_list("pk", "name", "latitude", "longitude", "typology", "commune_id", "commune_label")
    )
    index = {name: {slug: n for n, (slug, _label) in enumerate(known[name])} for name in FILTER_NAMES}
    regions_index, unknown_region = index["region"], len(index["region"]) - 1
    positions = {}  # (typology, region, size, métropole) URL values -> the same as indexes into `choices`
    groups, codes, order, entries = {}, [], [], []
    for pk, name, latitude, longitude, typology, commune_id, label in found:
        commune_name, region, size, metropole = communes.get(commune_id, ("", *_NO_COMMUNE))
        key = (_TYPOLOGY_SLUG.get(typology, "non-renseignee"), region, size, metropole)
        code = positions.get(key)
        if code is None:
            code = positions[key] = len(positions)
            groups[key] = [0, 0, 0.0, 0.0]
        group = groups[key]
        group[0] += 1
        if latitude is not None and longitude is not None:
            group[1] += 1
            group[2] += latitude
            group[3] += longitude
            latitude, longitude = round(latitude, 5), round(longitude, 5)
        else:
            latitude = longitude = None
        codes.append(code)
        order.append((name, pk))
        entries.append(
            [
                latitude,
                longitude,
                index["typologie"][key[0]],
                regions_index.get(region, unknown_region),
                index["taille"][size],
                index["metropole"][metropole],
                name,
                commune_name or label,
            ]
        )
    keys = list(positions)
    sorted_positions = sorted(range(len(order)), key=order.__getitem__)
    snapshot = Snapshot(
        version=version,
        total=len(order),
        groups=groups,
        keys=keys,
        pks=array("q", (order[n][1] for n in sorted_positions)),
        codes=array("H", (codes[n] for n in sorted_positions)),
    )
    return snapshot, gzip.compress(json_bytes(compact(entries, known)), compresslevel=6)


def compact(entries, known):
    """The data of the interactive map: arrays rather than objects, categories as indexes into the lists of
    URL values given once, coordinates to 5 decimals (about a metre). Entries without coordinates have nulls:
    counted by the filters, left off the map (the list shows them). It holds nothing that depends on the
    language or the request (the labels are in the page's form, the monographs in the page), so one copy
    serves every reader."""
    return {
        "version": 2,
        "filters": list(FILTER_NAMES),
        "choices": {name: [slug for slug, _label in known[name]] for name in FILTER_NAMES},
        # [latitude, longitude, typology, region, size, métropole, name, commune]
        "entries": entries,
    }


def json_bytes(data):
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def snapshot(known):
    """The Snapshot of the current data, from the cache when the data has not changed since it was built
    (the gzipped JSON is cached beside it: whichever of the page and the data is asked first builds both)."""
    version = data_version()
    # a crawl unpickles it from the cache once, not once for each page of the list
    return memoised(("census-map-snapshot", version), lambda: _cached_snapshot(version, known), lasting=True)


def _cached_snapshot(version, known):
    found = cache.get(_cache_key(version, "snapshot"))
    if found is None:
        found, body = build(version, known)
        cache.set_many(
            {_cache_key(version, "snapshot"): found, _cache_key(version, "json"): body}, SNAPSHOT_TIMEOUT
        )
    return found


def data_gzip(known):
    """(version, gzipped JSON of the interactive map), cached like the snapshot."""
    version = data_version()
    body = cache.get(_cache_key(version, "json"))
    if body is None:
        found, body = build(version, known)
        cache.set_many(
            {_cache_key(version, "snapshot"): found, _cache_key(version, "json"): body}, SNAPSHOT_TIMEOUT
        )
    return version, body


def _cache_key(version, part):
    return f"census-map:{version}:{part}"


def list_rows(pks):
    """The Rows of the list for these primary keys, in their order: one query over a page of entries. A static
    export writes every page of the list: its crawl reads the rows of all entries once instead."""
    if in_lasting_memo():
        rows = memoised(
            ("census-map-rows", data_version()), lambda: _rows(CensusEntry.objects.all()), lasting=True
        )
    else:
        rows = _rows(CensusEntry.objects.filter(pk__in=pks))
    return [rows[pk] for pk in pks if pk in rows]


def _rows(entries):
    """{pk: Row} of these entries."""
    found = entries.values_list(
        "pk",
        "name",
        "latitude",
        "longitude",
        "typology",
        "commune__department__region__code",
        "commune__size_class",
        "commune__epci__kind",
        "commune__name",
        "commune_label",
        "commune__department__name",
    )
    return {
        pk: Row(
            pk,
            name,
            latitude,
            longitude,
            _TYPOLOGY_SLUG.get(typology, "non-renseignee"),
            region or NO_REGION,
            _SIZE_SLUG.get(size or "", "inconnue"),
            "oui" if kind == METROPOLE_KIND else "non",
            commune or label or "",
            department or "",
        )
        for pk, name, latitude, longitude, typology, region, size, kind, commune, label, department in found
    }


class Results(Sequence):
    """The results of the filters, as the Paginator wants them: their count is known from the snapshot, and
    only the page shown is read from the database."""

    def __init__(self, snapshot, filters):
        self.snapshot, self.filters = snapshot, filters
        self.size = snapshot.results_count(filters)

    def __len__(self):
        return self.size

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("Results are read a page at a time")
        start, stop, _step = item.indices(self.size)
        return list_rows(self.snapshot.page_pks(self.filters, start, stop))


def facet_counts(snapshot, filters, known):
    """{filter: {URL value: count}}: each filter counted with the *other* filters applied, so that every count
    says how many results choosing that value would give."""
    counts = {name: dict.fromkeys((slug for slug, _label in known[name]), 0) for name in FILTER_NAMES}
    for key, (count, *_rest) in snapshot.groups.items():
        failing = [name for name, value in filters.items() if key[FILTER_NAMES.index(name)] != value]
        if len(failing) > 1:
            continue
        for position, name in enumerate(FILTER_NAMES):
            if not failing or failing == [name]:
                counts[name][key[position]] = counts[name].get(key[position], 0) + count
    return counts


@dataclass
class Bar:
    key: str
    label: str
    count: int
    percent: float
    monographs: int
    selected: bool


def statistics(snapshot, monographs, known, filters):
    """{filter: [Bar]} of the results by typology, region and size class (métropole too), with the number of
    monographs in each category (`monographs` are Rows)."""
    results = [(key, group[0]) for key, group in snapshot.groups.items() if key_matches(key, filters)]
    total = sum(count for _key, count in results)
    out = {}
    for name in ("region", "taille", "typologie", "metropole"):
        position = FILTER_NAMES.index(name)
        counts, placed = {}, {}
        for key, count in results:
            counts[key[position]] = counts.get(key[position], 0) + count
        for row in monographs:
            placed[row.value(name)] = placed.get(row.value(name), 0) + 1
        bars = [
            Bar(
                slug,
                label,
                counts.get(slug, 0),
                round(100 * counts.get(slug, 0) / total, 1) if total else 0.0,
                placed.get(slug, 0),
                filters.get(name) == slug,
            )
            for slug, label in known[name]
            if counts.get(slug) or placed.get(slug)
        ]
        if name == "region":
            bars.sort(key=lambda bar: (-bar.count, bar.label))
        out[name] = bars
    return out


def basemap(all_regions):
    """GeoJSON of the regions (their coarse outlines): the vector base of the interactive map, no tile needed."""
    features = []
    for region in all_regions:
        rings = territory_maps.decode(region.outline_coarse)
        if not rings:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"code": region.code, "name": region.name},
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [[[[round(x, 3), round(y, 3)] for x, y in ring]] for ring in rings],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


@dataclass
class StaticMap:
    width: int
    height: int
    drawing: str
    shown: int  # entries drawn (mainland, with a region)
    overseas: int  # entries in overseas regions, listed in the charts only


@functools.lru_cache(maxsize=4)
def _mainland(outlines):
    """(projection, SVG of the land) for the mainland regions' ((code, coarse outline), …), or None without
    outlines: drawn once per process for given outlines, as every page of the map (each filter, each page of
    the list) draws the same land."""
    rings = [ring for _code, outline in outlines for ring in territory_maps.decode(outline)]
    box = territory_maps.bounds_of(rings)
    if box is None:
        return None
    project = territory_maps.Projection.fitted(territory_maps.grow(box, 0.02), 480, 480)
    paths = [
        territory_maps._path("", territory_maps.decode(outline), project, digits=0, step=1.2)
        for _code, outline in outlines
    ]
    return project, '<g class="nm-land">' + "".join(paths) + "</g>"


def static_map(snapshot, filters, all_regions):
    """Mainland France with one disc per region, its area proportional to the number of results there, placed
    at their mean position; None before the territories are loaded."""
    land = _mainland(
        tuple((region.code, region.outline_coarse) for region in all_regions if not region.is_overseas)
    )
    if land is None:
        return None
    project, land_drawing = land
    names = {region.code: region for region in all_regions}
    groups = {}
    overseas = 0
    for key, (_count, located, lat_sum, lon_sum) in snapshot.groups.items():
        region = names.get(key[1])
        if region is None or not located or not key_matches(key, filters):
            continue
        if region.is_overseas:
            overseas += located
            continue
        group = groups.setdefault(region.code, [0, 0.0, 0.0])
        group[0] += located
        group[1] += lat_sum
        group[2] += lon_sum
    out = [land_drawing]
    largest = max((g[0] for g in groups.values()), default=1)
    shown = 0
    for code, (count, lat_sum, lon_sum) in sorted(groups.items(), key=lambda item: -item[1][0]):
        x, y = project(lon_sum / count, lat_sum / count)
        radius = max(3.0, 34 * math.sqrt(count / largest))
        shown += count
        label = escape(f"{names[code].name} : {count}")
        out.append(
            f'<g class="nm-region"><title>{label}</title>'
            f'<circle cx="{round(x, 1)}" cy="{round(y, 1)}" r="{round(radius, 1)}"/>'
            f'<text x="{round(x, 1)}" y="{round(y + 4, 1)}" text-anchor="middle">{count}</text></g>'
        )
    return StaticMap(project.width, project.height, mark_safe("".join(out)), shown, overseas)
