"""What base.html puts in the head about the page: its linked data (JSON-LD) and its OpenGraph card.

    {% load page_meta %}
    {% linked_data_script %}                 {# <script type="application/ld+json">…</script>, or nothing #}
    {% opengraph as og %}                    {# og.title, og.description, og.url, og.type, og.locale, og.image… #}

A view may name the card of a sub-page in its context: `og_title`, `og_description`.
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from millelieux.core import linked_data

register = template.Library()


@register.simple_tag(takes_context=True)
def linked_data_script(context):
    """The page's `linked_data(request)` as a JSON-LD script; nothing for a page (or a view) without it."""
    page, request = context.get("page"), context.get("request")
    method = getattr(page, "linked_data", None)
    if method is None or request is None:
        return ""
    data = linked_data.document(method(request))
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(linked_data.script_json(data))
    )


@register.simple_tag(takes_context=True)
def opengraph(context):
    """The OpenGraph properties of the page being shown (a dict), or None outside a page."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or not getattr(page, "pk", None):
        return None
    language = translation.get_language() or settings.LANGUAGE_CODE
    card = {
        "title": context.get("og_title") or getattr(page, "seo_title", "") or page.title,
        "description": context.get("og_description")
        or getattr(page, "search_description", "")
        or getattr(page, "summary", ""),
        "url": linked_data.absolute_url(request, request.path),
        "type": getattr(page, "opengraph_type", "website"),
        "locale": linked_data.opengraph_locale(language),
        "alternate_locales": [
            linked_data.opengraph_locale(code) for code, _name in settings.LANGUAGES if code != language
        ],
        "image": None,
    }
    image = linked_data.page_picture(page)
    rendition = linked_data.picture_rendition(image)
    if rendition is not None:
        card["image"] = {
            "url": linked_data.absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, "image_alt", "") or image.alt_text,
        }
    return card
