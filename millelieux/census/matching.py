"""Census entries that may be the place a monograph describes: same commune or within 2 km, ranked by name.

An editor confirms the match; nothing here links anything."""

import math

from millelieux.territories.models import Commune

from .importing.geo import distance_m
from .importing.text import similarity
from .models import CensusEntry

RADIUS_M = 2000


def suggest_census_entries(name, commune_code, limit=5):
    """Up to `limit` present entries of the commune `commune_code` or within 2 km of its point, best name
    match first; each has `.similarity` (0–1) and `.distance_m` (None without coordinates)."""
    commune = Commune.objects.filter(code=commune_code).first()
    if commune is None:
        return []
    entries = CensusEntry.objects.filter(status=CensusEntry.Status.PRESENT).select_related(
        "census", "commune"
    )
    candidates = {e.pk: e for e in entries.filter(commune=commune)}
    if commune.latitude is not None and commune.longitude is not None:
        d_lat = RADIUS_M / 111_320
        d_lon = d_lat / max(0.01, math.cos(math.radians(commune.latitude)))
        nearby = entries.filter(
            latitude__range=(commune.latitude - d_lat, commune.latitude + d_lat),
            longitude__range=(commune.longitude - d_lon, commune.longitude + d_lon),
        )
        for entry in nearby:
            candidates.setdefault(entry.pk, entry)
    ranked = []
    for entry in candidates.values():
        entry.distance_m = (
            distance_m(commune.latitude, commune.longitude, entry.latitude, entry.longitude)
            if entry.has_coordinates and commune.latitude is not None
            else None
        )
        if entry.commune_id != commune.pk and (entry.distance_m is None or entry.distance_m > RADIUS_M):
            continue
        entry.similarity = similarity(name, entry.name)
        ranked.append(entry)
    ranked.sort(key=lambda e: (-e.similarity, e.distance_m if e.distance_m is not None else math.inf, e.name))
    return ranked[:limit]
