"""Figures read from the census entries: the territory context of a monograph (how many census places around
it, how its commune compares with the census as a whole) and the counts of the national map.

Plain functions over the ORM: the monograph page, the map view and the tests call them.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Count

from millelieux.territories.classes import METROPOLE_KIND, SIZE_CLASSES

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


def class_counts():
    """({size class: count}, métropole count, total) of the present census entries: one query."""
    by_class, metropole, total = {}, 0, 0
    rows = present_entries().values_list("commune__size_class", "commune__epci__kind").annotate(n=Count("pk"))
    for size_class, kind, count in rows:
        by_class[size_class or ""] = by_class.get(size_class or "", 0) + count
        metropole += count if kind == METROPOLE_KIND else 0
        total += count
    return by_class, metropole, total


def territory_context(commune, latitude=None, longitude=None, exclude=None):
    """The TerritoryContext of a place in `commune` at (latitude, longitude): two queries, none more when no
    census is loaded than the one that finds it empty."""
    by_class, metropole, total = class_counts()
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
    if latitude is not None and longitude is not None:
        context.nearby = nearby_counts(float(latitude), float(longitude), exclude=exclude)
    return context
