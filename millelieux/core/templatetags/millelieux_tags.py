"""Small helpers for the public templates: navigation state, language switch, French-friendly numbers."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.formats import get_format, number_format
from django.utils.safestring import mark_safe

from millelieux.core.routing import memoised

register = template.Library()

_CURRENT_PAGE = mark_safe(' aria-current="page"')
_CURRENT_SECTION = mark_safe(' aria-current="true"')


def _current_route(request):
    """The name of the routable sub-page being served ("partners"…), or None for the page itself."""
    match = getattr(request, "routable_resolver_match", None)
    name = getattr(match, "url_name", None)
    return None if name in (None, "index_route") else name


@register.simple_tag(takes_context=True)
def aria_current(context, target, route=None, section=True):
    """` aria-current="page"` on the link to the page being shown, ` aria-current="true"` on its section.

    `{% aria_current exploration.place_index %}` marks the terrains link on the index and on every monograph;
    `{% aria_current exploration "partners" %}` marks the link to a routable sub-page;
    `section=False` marks only the exact page (the exploration link is not a section of its own sub-pages).
    """
    page = context.get("page")
    if page is None or target is None or not getattr(target, "pk", None) or not getattr(page, "pk", None):
        return ""
    current_route = _current_route(context.get("request"))
    if page.pk == target.pk:
        return _CURRENT_PAGE if current_route == route else ""
    if route is None and section and page.path.startswith(target.path):
        return _CURRENT_SECTION
    return ""


@register.simple_tag(takes_context=True)
def unprefixed_path(context):
    """The current path without its language prefix, for the language switcher's `next`.

    Django's set_language view runs in the default language (its URL has no prefix), so it can translate
    "/lieux/x/" into "/en/lieux/x/" but would read "/en/lieux/x/" as a French page called "en".
    """
    request = context.get("request")
    if request is None:
        return "/"
    path = request.get_full_path()
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


@register.simple_tag(takes_context=True)
def language_path(context, code):
    """The current page's address in another language: no prefix for French, /en/… for English."""
    path = unprefixed_path(context)
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


@register.filter
def grouped(value):
    """A whole number with the locale's thousands separator: 12 345 in French, 12,345 in English."""
    if value is None or value == "":
        return ""
    if type(value) is int:
        # pages show hundreds of counts: the separator is looked up once per language, not for each number
        language = translation.get_language()
        if language not in _thousand_separators:
            grouping = get_format("NUMBER_GROUPING")
            _thousand_separators[language] = (
                number_format(1000, force_grouping=True)[1:-3] if grouping == 3 else None
            )
        separator = _thousand_separators[language]
        if separator is not None:
            return f"{value:,}".replace(",", separator)
    return number_format(value, force_grouping=True)


_thousand_separators = {}  # {language: separator}, None where digits are not grouped by three


@register.filter
def month_name(value):
    """The name of a month from its number (3 -> « mars »), in the active language."""
    try:
        return MONTHS[int(value)]
    except (KeyError, TypeError, ValueError):
        return ""


@register.filter
def live_only(items):
    """The published items of a list or queryset (pages, or snippets with drafts).

    Works on the in-memory relations of a page being previewed as well as on querysets.
    """
    return [item for item in items if getattr(item, "live", False)]


@register.simple_tag(takes_context=True)
def current_exploration(context):
    """The exploration the page being shown belongs to: `exploration` from the context, or `page.exploration`.

    None outside an exploration (the explorations index, an error page, a snippet preview).
    """
    exploration = context.get("exploration")
    if exploration:
        return exploration
    return getattr(context.get("page"), "exploration", None)


def content_language(context, shown=None):
    """The language of the text shown from `shown` (by default the page): the study's, or its translation's."""
    shown = shown if shown is not None else context.get("page")
    return getattr(shown, "content_language", None) or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def content_lang(context, shown=None):
    """` lang="…"` on an element holding the text of `shown` (by default the page) when the interface is in
    another language (WCAG 3.1.2)."""
    language = content_language(context, shown)
    if translation.get_language() == language:
        return ""
    return mark_safe(f' lang="{language}"')


@register.simple_tag
def study_lang():
    """` lang="fr"` on a list of the study's pages (always in its own language) in another interface language."""
    if translation.get_language() == settings.LANGUAGE_CODE:
        return ""
    return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')


@register.simple_tag(takes_context=True)
def content_language_code(context):
    return content_language(context)


@register.simple_tag
def study_language_code():
    """The study's own language (what its book is printed in), whatever the interface's or a translation's."""
    return settings.LANGUAGE_CODE


@register.tag
def crawl_fragment(parser, token):
    """`{% crawl_fragment "name" value… %}…{% endcrawl_fragment %}`: the block rendered once for each set of
    values (and language and host) across the pages of a static export, which renders one moment of the site
    (core.routing.lasting_memo); rendered every time elsewhere. For the parts of a page that its other pages
    show alike, such as the national map's filters and statistics on each page of its list: the values must
    name everything the block depends on."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name.")
    nodelist = parser.parse(("endcrawl_fragment",))
    parser.delete_first_token()
    return CrawlFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class CrawlFragmentNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist, self.vary_on = nodelist, vary_on

    def render(self, context):
        request = context.get("request")
        key = (
            "crawl_fragment",
            translation.get_language(),
            request.get_host() if request is not None else None,
            *(str(value.resolve(context)) for value in self.vary_on),
        )
        return memoised(key, lambda: self.nodelist.render(context), lasting=True)
