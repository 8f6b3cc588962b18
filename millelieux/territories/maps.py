"""Location maps drawn on the server as SVG, from the outlines of the territory data: no tile, no script.

Each map has its own projection: an equirectangular one centred on the area, the longitudes scaled by the
cosine of its middle latitude, which is true enough at the scale of a department, a region or mainland France
(and works for Réunion as for Brittany). Everything here is pure Python; the <svg> element, its <title> and
<desc> and the captions are in the templates, where they are translated. Every text written here is escaped.
"""

import math
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from django.utils.safestring import mark_safe

from . import outlines


@lru_cache(maxsize=1024)
def decode(text):
    """outlines.decode, kept in memory: the same few region and department outlines are drawn on every page."""
    return tuple(tuple(ring) for ring in outlines.decode(text))


def bounds_of(rings):
    """(west, south, east, north) of rings, or None."""
    points = [point for ring in rings for point in ring]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def grow(bounds, share):
    west, south, east, north = bounds
    dx, dy = (east - west) * share, (north - south) * share
    return west - dx, south - dy, east + dx, north + dy


@dataclass
class Projection:
    """Longitude and latitude to SVG user units, fitting `bounds` into a box at (x, y) of `width` × `height`."""

    bounds: tuple
    width: float
    height: float
    x: float = 0
    y: float = 0
    scale: float = field(init=False)
    k: float = field(init=False)

    def __post_init__(self):
        west, south, east, north = self.bounds
        self.k = math.cos(math.radians((south + north) / 2))
        span_x = max((east - west) * self.k, 1e-6)
        span_y = max(north - south, 1e-6)
        self.scale = min(self.width / span_x, self.height / span_y)
        self.centre = ((west + east) / 2, (south + north) / 2)

    def __call__(self, lon, lat):
        return (
            self.x + self.width / 2 + (lon - self.centre[0]) * self.k * self.scale,
            self.y + self.height / 2 - (lat - self.centre[1]) * self.scale,
        )

    @staticmethod
    def fitted(bounds, width, max_height, min_height=0):
        """A projection `width` wide and as high as the area needs (between min_height and max_height)."""
        west, south, east, north = bounds
        k = math.cos(math.radians((south + north) / 2))
        ratio = (north - south) / max((east - west) * k, 1e-6)
        height = max(min_height, min(max_height, round(width * ratio)))
        return Projection(bounds, width, height)


def _number(value, digits):
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(value))
    return "0" if text in ("-0", "") else text


def clip(points, box):
    """A closed ring of projected points clipped to `box` (x1, y1, x2, y2), Sutherland-Hodgman: what is
    outside runs along the box's edges, which keeps the even-odd filling of the inside right."""
    x1, y1, x2, y2 = box
    edges = (
        (lambda p: p[0] >= x1, lambda a, b: (x1, a[1] + (b[1] - a[1]) * (x1 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= x2, lambda a, b: (x2, a[1] + (b[1] - a[1]) * (x2 - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= y1, lambda a, b: (a[0] + (b[0] - a[0]) * (y1 - a[1]) / (b[1] - a[1]), y1)),
        (lambda p: p[1] <= y2, lambda a, b: (a[0] + (b[0] - a[0]) * (y2 - a[1]) / (b[1] - a[1]), y2)),
    )
    for inside, cross in edges:
        if not points:
            break
        out, previous = [], points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    out.append(cross(previous, point))
                out.append(point)
            elif inside(previous):
                out.append(cross(previous, point))
            previous = point
        points = out
    return points


def path_data(rings, project, digits=1, step=0.6, box=None):
    """SVG path data (relative moves) of rings, clipped to `box` if given; points closer than `step` to the
    last one kept are skipped."""
    factor = 10**digits
    out = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        if box is not None:
            points = clip(points, box)
        parts, last = [], None
        for x, y in points:
            x, y = round(x * factor), round(y * factor)
            if last is None:
                parts.append(f"M{_number(x / factor, digits)} {_number(y / factor, digits)}l")
                last = (x, y)
                continue
            dx, dy = x - last[0], y - last[1]
            if dx * dx + dy * dy < (step * factor) ** 2:
                continue
            parts.append(f"{_number(dx / factor, digits)} {_number(dy / factor, digits)} ")
            last = (x, y)
        if last is not None and len(parts) > 2:
            out.append("".join(parts).rstrip() + "z")
    return "".join(out).replace(" -", "-")


def _path(css_class, rings, project, **options):
    data = path_data(rings, project, **options)
    attribute = f' class="{css_class}"' if css_class else ""
    return f'<path{attribute} d="{data}"/>' if data else ""


@dataclass
class Marker:
    x: float
    y: float
    approximate: bool


@dataclass
class LocationMap:
    """The map of a monograph: its department framed, within its region; the commune and the place."""

    width: int
    height: int
    drawing: str
    marker: Marker | None
    has_outline: bool
    inset: bool


MAP_WIDTH = 480
INSET_WIDTH = 112


def location_map(commune, departments, regions, latitude=None, longitude=None, label=""):
    """The LocationMap of a place in `commune` (a territories Commune with its department and region);
    `departments` are the departments of its region, `regions` the regions (for the inset of France).
    The place is at (latitude, longitude) if given, else at the commune's point (the town hall), marked
    approximate. Returns None when there is nothing to draw (no department outline and no commune outline)."""
    department = commune.department
    region = department.region if department else None
    overseas = bool(region and region.is_overseas)
    base = _base(
        department.outline if department else "",
        commune.outline or "",
        region.outline if region else "",
        tuple(other.outline for other in departments if department is None or other.pk != department.pk),
        tuple((r.pk == region.pk, r.outline_coarse) for r in regions if not r.is_overseas)
        if region and not overseas
        else (),
    )
    if base is None:
        return None
    project, drawing, has_outline, inset = base
    out = [drawing]
    approximate = latitude is None or longitude is None
    if approximate:
        latitude, longitude = commune.latitude, commune.longitude
    marker = None
    if latitude is not None and longitude is not None:
        x, y = project(float(longitude), float(latitude))
        marker = Marker(round(x, 1), round(y, 1), approximate)
        out.append(_marker_svg(marker, label, project.width))
    if inset:
        out.append(inset)
    return LocationMap(
        project.width, project.height, mark_safe("".join(out)), marker, has_outline, bool(inset)
    )


@lru_cache(maxsize=256)
def _base(department_outline, commune_outline, region_outline, other_outlines, mainland):
    """The drawing of a monograph's map but its marker (and inset), kept in memory: the same outlines give
    the same drawing, and projecting them is most of the work."""
    commune_rings = decode(commune_outline)
    department_rings = decode(department_outline)
    frame = bounds_of(department_rings) or bounds_of(commune_rings)
    if frame is None:
        return None
    project = Projection.fitted(grow(frame, 0.08), MAP_WIDTH, 420, 260)
    box = (-8, -8, project.width + 8, project.height + 8)
    west, south, east, north = grow(frame, 0.5)
    region_data = path_data(decode(region_outline), project, step=1, box=box)
    out = []
    if region_data:
        out.append(f'<defs><path id="lm-region-shape" d="{region_data}"/></defs>')
        out.append('<use class="lm-region" href="#lm-region-shape"/>')
    out.append('<g class="lm-departments">')
    for outline in other_outlines:
        rings = decode(outline)
        bounds = bounds_of(rings)
        if bounds and bounds[0] < east and bounds[2] > west and bounds[1] < north and bounds[3] > south:
            out.append(_path("", rings, project, step=1, box=box))
    out.append("</g>")
    out.append(_path("lm-department", department_rings, project, box=box))
    if region_data:
        out.append('<use class="lm-region-line" href="#lm-region-shape"/>')
    out.append(_path("lm-commune", commune_rings, project, step=0.3))
    inset = _inset(mainland, frame, project.width) if mainland else ""
    return project, "".join(out), bool(commune_rings), inset


def _marker_svg(marker, label, width):
    x, y = marker.x, marker.y
    if marker.approximate:
        shape = f'<circle class="lm-marker lm-marker--approximate" cx="{x}" cy="{y}" r="6"/>'
    else:
        shape = (
            f'<path class="lm-marker" transform="translate({x} {y})" '
            'd="M0 0C-2-5-7-8-7-13a7 7 0 1 1 14 0c0 5-5 8-7 13z"/><circle class="lm-marker__dot" '
            f'cx="{x}" cy="{y - 13}" r="2.6"/>'
        )
    out = [shape]
    if label:
        right = x < width - 160
        anchor = "start" if right else "end"
        tx = x + 11 if right else x - 11
        ty = y - (12 if not marker.approximate else -4)
        position = f'x="{round(tx, 1)}" y="{round(ty, 1)}" text-anchor="{anchor}"'
        out.append(f'<text class="lm-label" {position}>{escape(label)}</text>')
    return "".join(out)


def _mainland(regions):
    return [region for region in regions if not region.is_overseas]


def _inset(mainland, frame, width):
    """France (mainland) in a corner, the region tinted and the frame of the main map outlined; `mainland`
    is a tuple of (is the region, coarse outline)."""
    all_rings = [ring for _here, outline in mainland for ring in decode(outline)]
    box = bounds_of(all_rings)
    if box is None:
        return ""
    project = Projection.fitted(box, INSET_WIDTH, 120)
    project.x = width - project.width - 6
    project.y = 6
    out = [
        f'<g class="lm-inset"><rect class="lm-inset__ground" x="{project.x - 4}" y="{project.y - 4}" '
        f'width="{project.width + 8}" height="{project.height + 8}"/>'
    ]
    for here, outline in mainland:
        css = "lm-inset__region lm-inset__region--here" if here else "lm-inset__region"
        out.append(_path(css, decode(outline), project, digits=0, step=1.5))
    (x1, y1), (x2, y2) = project(frame[0], frame[3]), project(frame[2], frame[1])
    out.append(
        f'<rect class="lm-inset__frame" x="{round(x1, 1)}" y="{round(y1, 1)}" '
        f'width="{round(max(x2 - x1, 3), 1)}" height="{round(max(y2 - y1, 3), 1)}"/></g>'
    )
    return "".join(out)


# ---- The map of an exploration's places ----


@dataclass
class PlacePoint:
    number: int
    title: str
    url: str
    commune_name: str
    x: float
    y: float
    approximate: bool
    overseas: bool


@dataclass
class PlacesMap:
    width: int
    height: int
    drawing: str
    points: list
    missing: list  # places with no known position, listed under the map


def places_map(places, communes, regions):
    """A map of France with a numbered link to each place. `places` are dicts with number, title, url,
    commune_code, commune_name, latitude, longitude; `communes` maps a code to its Commune (with its
    department and region); `regions` are every region with its coarse outline."""
    mainland = _mainland(regions)
    overseas_regions = [r for r in regions if r.is_overseas]
    rings = [ring for r in mainland for ring in decode(r.outline_coarse)]
    box = bounds_of(rings)
    if box is None:
        return None
    project = Projection.fitted(grow(box, 0.02), MAP_WIDTH, 480)
    located, missing = [], []
    for place in places:
        commune = communes.get(place["commune_code"])
        latitude, longitude = place["latitude"], place["longitude"]
        approximate = latitude is None or longitude is None
        if approximate and commune is not None:
            latitude, longitude = commune.latitude, commune.longitude
        if latitude is None or longitude is None:
            missing.append(place)
            continue
        region = commune.department.region if commune and commune.department else None
        located.append((place, float(latitude), float(longitude), approximate, region))

    out = ['<g class="pm-land">']
    out += [_path("", decode(r.outline_coarse), project, digits=0, step=1.2) for r in mainland]
    out.append("</g>")
    # overseas: one box per overseas region that has a place, in a row under the mainland
    boxes = {}
    used = [
        r for r in overseas_regions if any(entry[4] is not None and entry[4].pk == r.pk for entry in located)
    ]
    height = project.height
    if used:
        size, gap = 88, 8
        top = project.height + 12
        for index, region in enumerate(used):
            region_rings = decode(region.outline_coarse)
            region_box = bounds_of(region_rings)
            if region_box is None:
                continue
            inset = Projection(grow(region_box, 0.1), size, size, x=index * (size + gap), y=top)
            boxes[region.pk] = inset
            out.append(
                f'<g class="pm-overseas"><rect x="{inset.x}" y="{top}" width="{size}" height="{size}"/>'
                f"{_path('', region_rings, inset, digits=0, step=1)}"
                f'<text x="{inset.x + 4}" y="{top + size - 5}">{escape(region.name)}</text></g>'
            )
        height = top + size
    points = []
    for place, latitude, longitude, approximate, region in located:
        projection = boxes.get(region.pk, project) if region is not None and region.is_overseas else project
        x, y = projection(longitude, latitude)
        points.append(
            PlacePoint(
                place["number"],
                place["title"],
                place["url"],
                place["commune_name"],
                round(x, 1),
                round(y, 1),
                approximate,
                region is not None and region.is_overseas,
            )
        )
    for point in sorted(points, key=lambda p: p.y):
        out.append(
            f'<a class="pm-place" href="{escape(point.url)}"><title>{point.number}. {escape(point.title)} '
            f"({escape(point.commune_name)})</title>"
            f'<circle cx="{point.x}" cy="{point.y}" r="9"/>'
            f'<text x="{point.x}" y="{round(point.y + 4, 1)}" text-anchor="middle">{point.number}</text></a>'
        )
    return PlacesMap(project.width, height, mark_safe("".join(out)), points, missing)
