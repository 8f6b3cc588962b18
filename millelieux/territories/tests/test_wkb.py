import math
import struct

from millelieux.territories.wkb import point_of


def wkb_point(x, y, srid=None):
    kind = 1 | (0x20000000 if srid else 0)
    head = struct.pack("<BI", 1, kind) + (struct.pack("<I", srid) if srid else b"")
    return (head + struct.pack("<dd", x, y)).hex()


def wkb_multipolygon(*rings):
    out = struct.pack("<BII", 1, 6, len(rings))
    for ring in rings:
        out += struct.pack("<BII", 1, 3, 1) + struct.pack("<I", len(ring))
        for x, y in ring:
            out += struct.pack("<dd", x, y)
    return out.hex()


def test_it_reads_a_point():
    assert point_of(wkb_point(-1.68, 48.11)) == (-1.68, 48.11)


def test_it_reads_a_point_with_an_srid():
    assert point_of(wkb_point(2.35, 48.85, srid=4326)) == (2.35, 48.85)


def test_it_takes_the_centroid_of_the_largest_polygon():
    small = [(10, 10), (11, 10), (11, 11), (10, 11), (10, 10)]
    big = [(0, 0), (4, 0), (4, 2), (0, 2), (0, 0)]
    x, y = point_of(wkb_multipolygon(small, big))
    assert math.isclose(x, 2) and math.isclose(y, 1)


def test_it_treats_empty_and_unreadable_values_as_missing():
    assert point_of("") is None
    assert point_of("\\N") is None
    assert point_of("zz") is None
    assert point_of("0101000000") is None  # truncated
    assert point_of(wkb_point(float("nan"), float("nan"))) is None
