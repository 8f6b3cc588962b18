"""Just enough of the WKB format to get a point for a commune: a Point, or the centroid of a (Multi)Polygon."""

import math
import struct

_SRID_FLAG = 0x20000000


class _Reader:
    def __init__(self, data):
        self.data = data
        self.offset = 0

    def unpack(self, fmt):
        values = struct.unpack_from(fmt, self.data, self.offset)
        self.offset += struct.calcsize(fmt)
        return values


def _geometry(reader):
    (byte_order,) = reader.unpack("B")
    endian = "<" if byte_order == 1 else ">"
    (kind,) = reader.unpack(endian + "I")
    if kind & _SRID_FLAG:
        reader.unpack(endian + "I")
    kind &= 0xFF
    if kind == 1:
        return "point", reader.unpack(endian + "dd")
    if kind == 3:
        return "polygon", _polygon(reader, endian)
    if kind == 6:
        (count,) = reader.unpack(endian + "I")
        return "multipolygon", [_geometry(reader)[1] for _ in range(count)]
    raise ValueError(f"unsupported WKB geometry type {kind}")


def _polygon(reader, endian):
    (ring_count,) = reader.unpack(endian + "I")
    rings = []
    for _ in range(ring_count):
        (point_count,) = reader.unpack(endian + "I")
        flat = reader.unpack(endian + "d" * (2 * point_count))
        rings.append(list(zip(flat[0::2], flat[1::2], strict=True)))
    return rings


def _ring_centroid(ring):
    """Area-weighted centroid of a closed ring (shoelace formula), and its absolute area."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (sum(xs) / len(xs), sum(ys) / len(ys)), 0.0
    return (cx / (3 * area), cy / (3 * area)), abs(area / 2)


def point_of(hex_wkb):
    """(longitude, latitude) of a WKB geometry given in hex: the point itself, or the centroid of the largest
    polygon's outer ring. None for an empty or unreadable value."""
    if not hex_wkb or hex_wkb == "\\N":
        return None
    try:
        kind, value = _geometry(_Reader(bytes.fromhex(hex_wkb)))
    except (ValueError, struct.error):
        return None
    if kind == "point":
        # a few empty points are stored as NaN: treat them as missing
        return value if all(math.isfinite(v) for v in value) else None
    polygons = value if kind == "multipolygon" else [value]
    best = max(
        (_ring_centroid(rings[0]) for rings in polygons if rings and rings[0]),
        key=lambda c: c[1],
        default=None,
    )
    return best[0] if best else None


def rings_of(hex_wkb):
    """Every ring of a WKB (Multi)Polygon given in hex, as lists of (longitude, latitude); [] for anything else."""
    if not hex_wkb or hex_wkb == "\\N":
        return []
    try:
        kind, value = _geometry(_Reader(bytes.fromhex(hex_wkb)))
    except (ValueError, struct.error):
        return []
    if kind == "point":
        return []
    polygons = value if kind == "multipolygon" else [value]
    return [ring for rings in polygons for ring in rings if len(ring) >= 4]
