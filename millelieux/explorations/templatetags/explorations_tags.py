"""Addresses of an exploration's matrix (tableau croisé), filtered or not, for the public templates.

{% load explorations_tags %}
{% matrix_url exploration %}                          → /explorations/mille-lieux/matrice/
{% matrix_url exploration champ="les-communs" %}      → …/matrice/?champ=les-communs
{% field_url field exploration as url %}              → the field's filtered view ("" if it has none)
{% page_citation page as citation %}                  → « Citer cette page »: the text and the two downloads
"""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl

from millelieux.core.routing import memoised
from millelieux.core.views import shows_the_page_itself

from ..citations import citation_key, citation_text, csl_item
from ..matrix import FIELD_PARAMETER

register = template.Library()


@register.simple_tag(takes_context=True)
def matrix_url(context, exploration, **filters):
    """The matrix of a published exploration, with the non-empty filters as its query string ("" if none)."""
    if exploration is None or not exploration.pk or not exploration.live or context.get("request") is None:
        return ""
    url = routablepageurl(context, exploration, "matrix")
    query = urlencode([(name, value) for name, value in filters.items() if value])
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def field_url(context, field, exploration=None):
    """The field's filtered view: its exploration's matrix showing the impacts of that field.

    `exploration` saves a query when the template already has it (the field's own, or the page's); "" for a
    field that is not published, since the matrix only knows published fields.
    """
    if field is None or not getattr(field, "live", False) or not field.slug:
        return ""
    if exploration is None or exploration.pk != field.exploration_id:
        exploration = field.exploration
    return matrix_url(context, exploration, **{FIELD_PARAMETER: field.slug})


@register.simple_tag
def matrix_cells(row, not_observed):
    """The <td> cells of one row of the matrix (a place), after its <th>.

    Written here rather than as a template loop: 100 places × 30 impacts make 3,000 cells, and this renders
    them about twice as fast. A filled cell links to the evidence and says its strength (dots for the eye,
    words for screen readers); an empty one says `not_observed` to screen readers.
    """
    html = []
    for cell in row.cells:
        group = " matrix__starts-group" if cell.starts_group else ""
        if cell.evidence is not None:
            html.append(
                format_html(
                    '<td class="matrix__cell matrix__cell--{} matrix__cell--{}{}"><a href="{}">'
                    '<span class="matrix-dots" aria-hidden="true">{}</span>'
                    '<span class="visually-hidden">{}</span></a></td>',
                    cell.impact.kind,
                    cell.evidence.strength,
                    group,
                    cell.url,
                    cell.dots,
                    cell.label,
                )
            )
        else:
            html.append(
                format_html(
                    '<td class="matrix__cell matrix__cell--empty{}">'
                    '<span class="matrix-empty" aria-hidden="true">·</span>'
                    '<span class="visually-hidden">{}</span></td>',
                    group,
                    not_observed,
                )
            )
    return mark_safe("".join(html))  # every part went through format_html


@register.simple_tag(takes_context=True)
def page_citation(context, page):
    """« Citer cette page »: {"text": the suggested citation, "bibtex_url", "json_url"} for a live page shown to
    a reader, None otherwise (a preview, a draft, a page not yet saved, no request)."""
    request = context.get("request")
    if request is None or page is None or not getattr(page, "pk", None) or not page.live:
        return None
    if getattr(request, "is_preview", False):
        return None
    item = csl_item(page, request=request)
    # The static export then downloads this page's citation files, which read the item from here. Only the page
    # shown itself leaves it: a routable sub-page (the matrix) shows the exploration with its French text, while
    # the files give the exploration as read in the interface's language.
    if shows_the_page_itself(request, page):
        memoised(citation_key(page.pk, request), lambda: item, lasting=True)
    return {
        "text": citation_text(item),
        "bibtex_url": reverse("cite_bibtex", kwargs={"page_id": page.pk}),
        "json_url": reverse("cite_csl_json", kwargs={"page_id": page.pk}),
    }
