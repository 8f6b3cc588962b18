"""Probable duplicates: two present entries of a census within 100 m of each other with similar names.

Points go into a grid of cells at least 100 m wide, and each is compared only with the points of its own and
the eight neighbouring cells, so the cost grows with the number of entries, not with its square. Within the
cells, cheap bounds skip most pairs before the exact distance and the name similarity are computed; they
never skip a pair that the exact tests would keep.
"""

import math

from .geo import EARTH_RADIUS_M, distance_m
from .text import key_similarity, name_key

MAX_DISTANCE_M = 100
MIN_SIMILARITY = 0.8
CELL_DEGREES = MAX_DISTANCE_M / 111_320  # one degree of latitude is ~111 km

# A great-circle distance is at least the difference of latitude times the radius, and its haversine term
# grows with the distance: both bounds are widened a little so that rounding never skips a kept pair.
_MAX_LATITUDE_GAP = MAX_DISTANCE_M / EARTH_RADIUS_M * (1 + 1e-9)
_MAX_HAVERSINE = math.sin(MAX_DISTANCE_M / (2 * EARTH_RADIUS_M)) ** 2 * (1 + 1e-6)


def _cell(latitude, longitude, lon_step):
    return math.floor(latitude / CELL_DEGREES), math.floor(longitude / lon_step)


def probable_duplicates(points):
    """`points`: an iterable of (pk, name, latitude, longitude) tuples, read once. Yields (pk, pk, distance
    in m, similarity) with the smaller pk first."""
    points = [p for p in points if p[2] is not None and p[3] is not None]
    if not points:
        return
    # A degree of longitude shrinks towards the poles: size the cells for the highest latitude in the data.
    max_latitude = min(89.0, max(abs(p[2]) for p in points))
    lon_step = CELL_DEGREES / math.cos(math.radians(max_latitude))
    grid = {}
    for pk, name, latitude, longitude in points:
        phi = math.radians(latitude)
        point = (pk, name, latitude, longitude, phi, math.radians(longitude), math.cos(phi))
        grid.setdefault(_cell(latitude, longitude, lon_step), []).append(point)
    del points  # the grid holds them now
    keys = {}
    sin = math.sin
    for (row, column), cell_points in grid.items():
        neighbours = [
            other
            for d_row in (-1, 0, 1)
            for d_column in (-1, 0, 1)
            for other in grid.get((row + d_row, column + d_column), ())
        ]
        if len(neighbours) < 2:
            continue
        for point in cell_points:
            pk, name, latitude, longitude, phi, lam, cos_phi = point
            for other in neighbours:
                if other[0] <= pk:
                    continue  # each pair once
                d_phi = other[4] - phi
                if d_phi > _MAX_LATITUDE_GAP or -d_phi > _MAX_LATITUDE_GAP:
                    continue
                s_phi, s_lam = sin(d_phi / 2), sin((other[5] - lam) / 2)
                if s_phi * s_phi + cos_phi * other[6] * s_lam * s_lam > _MAX_HAVERSINE:
                    continue
                distance = distance_m(latitude, longitude, other[2], other[3])
                if distance > MAX_DISTANCE_M:
                    continue
                for p in (point, other):
                    if p[0] not in keys:
                        keys[p[0]] = name_key(p[1])
                key, other_key = keys[pk], keys[other[0]]
                if key == other_key:
                    score = 1.0  # even two names without letters: as before
                else:
                    score = key_similarity(key, other_key, at_least=MIN_SIMILARITY)
                if score >= MIN_SIMILARITY:
                    yield pk, other[0], round(distance, 1), round(score, 3)
