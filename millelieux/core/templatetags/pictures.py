"""Responsive pictures: the renditions of an image in AVIF, WebP and a fallback format, at a few widths.

    {% load pictures %}
    {% responsive_picture image as picture %}      {# None when the image's file cannot be read #}
    {% responsive_picture partner.logo logo=True as picture %}
    <img src="{{ picture.fallback.url }}" srcset="{{ picture.srcset }}" sizes="{{ picture.sizes }}" …>

Wagtail's {% picture %} tag would list a width twice when the original is narrower than the widths asked
(a 600 px image gives "600w" for 800 and for 1200), which browsers and the HTML checker refuse: here each width
is at most the original's, and appears once. All the renditions of an image are read in one query (none when
they were prefetched, see `prefetch_renditions`), and made on the first request that needs them.
"""

from dataclasses import dataclass
from functools import cache

from django import template
from wagtail.images.models import SourceImageIOError

register = template.Library()

DEFAULT_WIDTHS = (480, 800, 1200)
# The text column (--measure in site.css) on a wide screen, the whole screen but its margins on a phone.
DEFAULT_SIZES = "(min-width: 45rem) 42rem, calc(100vw - 2rem)"
# A partner's logo: at most 10rem wide (.picture--logo), twice as many pixels for sharp screens.
LOGO_WIDTHS = (160, 320)
LOGO_SIZES = "10rem"
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


@cache
def avif_supported():
    """Whether Pillow here writes AVIF (its wheels do since 11.3; a Pillow built without libavif does not)."""
    from PIL import features

    return bool(features.check("avif"))


@dataclass
class Source:
    format: str
    srcset: str

    @property
    def type(self):
        return MIME_TYPES[self.format]


@dataclass
class ResponsivePicture:
    sources: list  # Source, best format first; the browser takes the first it reads
    fallback: object  # the rendition of the <img> src, in the fallback format
    srcset: str  # of the <img>, in the fallback format
    sizes: str

    @property
    def width(self):
        return self.fallback.width

    @property
    def height(self):
        return self.fallback.height


def picture_widths(original_width, widths=DEFAULT_WIDTHS):
    """The widths to render: each asked width, at most the original's, once each, in order."""
    return sorted({min(int(width), original_width) for width in widths if int(width) > 0})


def _srcset(renditions):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


@register.simple_tag
def responsive_picture(image, logo=False, sizes=""):
    """A ResponsivePicture of `image` (None without an image, or when its file is missing); `sizes` replaces
    the default width on screen (the text column, or a logo's)."""
    if not image:
        return None
    widths = picture_widths(image.width, LOGO_WIDTHS if logo else DEFAULT_WIDTHS)
    formats = (["avif"] if avif_supported() else []) + ["webp", image.fallback_format]
    specs = {(fmt, width): f"width-{width}|format-{fmt}" for fmt in formats for width in widths}
    try:
        renditions = image.get_renditions(*specs.values())
    except SourceImageIOError:
        return None
    by_format = {fmt: [renditions[specs[fmt, width]] for width in widths] for fmt in formats}
    fallback = by_format[formats[-1]]
    return ResponsivePicture(
        sources=[Source(fmt, _srcset(by_format[fmt])) for fmt in formats[:-1]],
        fallback=fallback[len(fallback) // 2],
        srcset=_srcset(fallback),
        sizes=sizes or (LOGO_SIZES if logo else DEFAULT_SIZES),
    )
