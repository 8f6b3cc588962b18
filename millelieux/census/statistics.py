"""Figures read from the census entries: the territory context of a monograph (how many census places around
it, how its commune compares with the census as a whole) and the counts of the national map.

Plain functions: the monograph page, the map view and the tests call them.
"""

import math
from dataclasses import dataclass, field

from django.db import connection

from millelieux.core.rawrows import table
from millelieux.core.routing import memoised
from millelieux.territories.classes import METROPOLE_KIND, SIZE_CLASSES
from millelieux.territories.models import Commune

from .models import CensusEntry

EARTH_RADIUS_KM = 6371.0088
RADII_KM = (10, 30)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(latitude, longitude, radius_km):
    """(south, west, north, east) of a box that holds every point within `radius_km` of the point."""
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    cos = max(math.cos(math.radians(latitude)), 1e-6)
    dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * cos)))
    return latitude - dlat, longitude - dlon, latitude + dlat, longitude + dlon


def present_entries():
    return CensusEntry.objects.filter(status=CensusEntry.Status.PRESENT)


def nearby_counts(latitude, longitude, radii=RADII_KM, exclude=None):
    """{radius: number of present census entries within it} around a point: one query, the database keeping the
    entries of the bounding box of the largest radius, the exact distance computed here."""
    south, west, north, east = bounding_box(latitude, longitude, max(radii))
    entries = present_entries().filter(
        latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
    )
    if exclude is not None:
        entries = entries.exclude(pk=exclude)
    distances = [
        distance_km(latitude, longitude, lat, lon)
        for lat, lon in entries.values_list("latitude", "longitude")
    ]
    return {radius: sum(1 for d in distances if d <= radius) for radius in radii}


@dataclass
class ClassShare:
    value: str
    label: str
    count: int
    percent: float
    here: bool


@dataclass
class TerritoryContext:
    commune: object
    census_total: int
    nearby: dict = field(default_factory=dict)  # {radius in km: count}, empty without coordinates
    classes: list = field(default_factory=list)  # ClassShare of every size class
    metropole_count: int = 0

    @property
    def census_loaded(self):
        return self.census_total > 0

    @property
    def in_metropole(self):
        return self.commune.in_metropole

    @property
    def same_class(self):
        return next((row for row in self.classes if row.here), None)

    @property
    def metropole_percent(self):
        return percent(self.metropole_count, self.census_total)

    @property
    def nearby_rows(self):
        return sorted(self.nearby.items())


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


# The haversine term of the distance between an entry `e` and a point: an entry is within r km when it is at
# most sin²(r / 2R) (distance_km without its arcsine and root). Django gives SQLite the trigonometric functions
# PostgreSQL has, so the same SQL runs on both. Parameters: the point's latitude, cos(latitude), its longitude.
HAVERSINE_SHARE_SQL = (
    "POWER(SIN(RADIANS(e.latitude - %s) / 2), 2)"
    " + %s * COS(RADIANS(e.latitude)) * POWER(SIN(RADIANS(e.longitude - %s) / 2), 2)"
)


def census_counts(latitude=None, longitude=None, radii=RADII_KM, exclude=None):
    """({size class: count}, métropole count, total, {radius: count}) of the present census entries, in one
    query: the counts by the commune's size class and EPCI kind, with the entries within each radius of the
    point counted in the same pass (a bounding box first, so that only the entries near it are measured).
    Without a point the nearby counts are empty; `exclude` leaves one entry out of them (the place itself).

    Written out in SQL (see core/rawrows.py): it runs on every monograph, and compiling it with the ORM cost
    several times running it."""
    epci_model = Commune._meta.get_field("epci").related_model
    within, within_params = [], []
    if latitude is not None and longitude is not None:
        latitude, longitude = float(latitude), float(longitude)
        south, west, north, east = bounding_box(latitude, longitude, max(radii))
        near = "e.latitude >= %s AND e.latitude <= %s AND e.longitude >= %s AND e.longitude <= %s"
        near_params = [south, north, west, east]
        if exclude is not None:
            near += " AND e.id <> %s"
            near_params.append(exclude)
        share_params = [latitude, math.cos(math.radians(latitude)), longitude]
        for radius in radii:
            # a CASE is evaluated lazily: only the entries inside the box cost any trigonometry
            within.append(
                f"SUM(CASE WHEN {near} THEN CASE WHEN {HAVERSINE_SHARE_SQL} <= %s THEN 1 ELSE 0 END ELSE 0 END)"
            )
            within_params += [*near_params, *share_params, math.sin(radius / (2 * EARTH_RADIUS_KM)) ** 2]
    sql = f"""
        SELECT c.size_class, x.kind, COUNT(e.id) {"".join(f", {column}" for column in within)}
        FROM {table(CensusEntry)} e
        LEFT JOIN {table(Commune)} c ON c.id = e.commune_id
        LEFT JOIN {table(epci_model)} x ON x.id = c.epci_id
        WHERE e.status = %s
        GROUP BY c.size_class, x.kind
    """
    by_class, metropole, total = {}, 0, 0
    nearby = dict.fromkeys(radii, 0) if within else {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*within_params, CensusEntry.Status.PRESENT])
        for size_class, epci_kind, count, *within_counts in cursor.fetchall():
            size_class = size_class or ""
            by_class[size_class] = by_class.get(size_class, 0) + count
            metropole += count if epci_kind == METROPOLE_KIND else 0
            total += count
            for radius, found in zip(nearby, within_counts, strict=True):
                nearby[radius] += found or 0
    return by_class, metropole, total, nearby


def territory_context(commune, latitude=None, longitude=None, exclude=None):
    """The TerritoryContext of a place in `commune` at (latitude, longitude): one query (census_counts), read
    once by a static export's crawl for the monograph's page in every language."""
    by_class, metropole, total, nearby = memoised(
        ("census-counts", latitude, longitude, exclude),
        lambda: census_counts(latitude, longitude, exclude=exclude),
        lasting=True,
    )
    context = TerritoryContext(commune=commune, census_total=total, metropole_count=metropole)
    if not total:
        return context
    context.classes = [
        ClassShare(
            value,
            label,
            by_class.get(value, 0),
            percent(by_class.get(value, 0), total),
            value == commune.size_class,
        )
        for value, _low, _high, label in SIZE_CLASSES
    ]
    context.nearby = nearby
    return context
