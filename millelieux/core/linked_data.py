"""Linked data: what a page is, in schema.org terms (JSON-LD in the page's head), and its OpenGraph card.

Each public page model has a `linked_data(request)` method that returns a dict (one schema.org node, with its
nested nodes); base.html writes it into `<script type="application/ld+json">` with `script_json`, which
escapes `<`, `>` and `&` so that no text of the study (a title with `</script>`) can end the script.

Every node that has a page carries its absolute address as `url` and `@id`, so that the nodes of different
pages (an article's `about`, a monograph) name the same thing. Facts the page does not hold are left out,
never guessed: a monograph without coordinates has no `geo`, an article without a known author no `author`.
"""

import json

from django.conf import settings
from django.utils import translation

from millelieux.core.routing import memoised

SCHEMA_ORG = "https://schema.org"
# og:locale is a language with its territory; the study's own language is French from France.
OPENGRAPH_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def absolute_url(request, url):
    """`url` (a path, or already absolute) as an absolute address on the request's host; None without one."""
    if not url:
        return None
    if request is None:
        return url
    return request.build_absolute_uri(url)


def page_address(page, request):
    """The absolute address of a page, in the interface's language (/en/… under the English interface)."""
    return absolute_url(request, page.get_url(request))


def compact(data):
    """`data` without its empty values (None, "", [], {}), recursively: a fact not known is not said."""
    if isinstance(data, dict):
        cleaned = {key: compact(value) for key, value in data.items()}
        return {key: value for key, value in cleaned.items() if value not in (None, "", [], {})}
    if isinstance(data, list | tuple):
        cleaned = [compact(value) for value in data]
        return [value for value in cleaned if value not in (None, "", [], {})]
    return data


def node(schema_type, url=None, **properties):
    """A schema.org node; with an address, it is its `@id` and its `url` too."""
    data = {"@type": schema_type}
    if url:
        data["@id"] = url
        data["url"] = url
    data.update(properties)
    return compact(data)


def page_node(schema_type, page, request, **properties):
    """The node of a page of the site: its type, address and name."""
    return node(schema_type, page_address(page, request), name=page.title, **properties)


def item_list(pages, request, schema_type="WebPage"):
    """An ItemList of pages, in the order given, each a node of `schema_type` with its address and name."""
    return node(
        "ItemList",
        numberOfItems=len(pages),
        itemListElement=[
            {"@type": "ListItem", "position": position, "item": page_node(schema_type, page, request)}
            for position, page in enumerate(pages, start=1)
        ],
    )


def organisation(name, url=None):
    """An Organization named in the study (None without a name: nothing is made up)."""
    if not name:
        return None
    return node("Organization", url, name=name)


def content_language(page):
    """The language of the page's text: its translation's when one is shown, the study's otherwise."""
    return getattr(page, "content_language", None) or settings.LANGUAGE_CODE


def document(data):
    """The top node of a page, with the @context that makes it JSON-LD."""
    if not data:
        return None
    return {"@context": SCHEMA_ORG, **data}


def script_json(data):
    """JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` written as \\u escapes, as are the
    line separators U+2028 and U+2029, so that no text can close the script or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for character, escape in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(character, escape)
    return text


def opengraph_locale(language=None):
    """og:locale for an interface language: fr_FR, en_GB."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return OPENGRAPH_LOCALES.get(language.split("-")[0], OPENGRAPH_LOCALES[settings.LANGUAGE_CODE])


def page_picture(page):
    """The page's own picture (its `image`), or None. The same object for every page of a static export that
    shows it (core.routing.lasting_memo): its row and its largest rendition are read once per crawl, not for
    each of the exploration's sub-pages (its matrix filters, data page, partners…) that show its card."""
    image_id = getattr(page, "image_id", None)
    if not image_id:
        return None
    return memoised(("page-picture", image_id), lambda: page.image, lasting=True)


def picture_rendition(image):
    """The largest rendition the page's own picture uses (core/templatetags/pictures.py), for og:image and
    the image of the linked data: no rendition is made for them alone. None without a readable file."""
    if not image:
        return None
    from wagtail.images.models import SourceImageIOError

    from millelieux.core.templatetags.pictures import DEFAULT_WIDTHS, picture_widths

    if not hasattr(image, "_largest_rendition"):  # read once per picture: og:image and the linked data
        width = picture_widths(image.width, DEFAULT_WIDTHS)[-1]
        try:
            image._largest_rendition = image.get_rendition(f"width-{width}|format-{image.fallback_format}")
        except SourceImageIOError:
            image._largest_rendition = None
    return image._largest_rendition


def image_node(image, request):
    """An ImageObject of a core.Picture: its largest rendition, its alternative text, credit and licence."""
    rendition = picture_rendition(image)
    if rendition is None:
        return None
    return node(
        "ImageObject",
        contentUrl=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        description=image.alt_text,
        creditText=image.credit,
        license=image.licence_url,
    )
