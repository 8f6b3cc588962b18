"""The long repeated parts of the national map, written in Python: a page of the list has fifty rows and the
filters some forty options, and a tag renders them in a fraction of the time a template loop takes."""

from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from millelieux.census.maps import typology_labels
from millelieux.core.templatetags.millelieux_tags import grouped

register = template.Library()

SELECTED = mark_safe(" selected")
WITH_MONOGRAPHS = mark_safe(' class="nm-bars__with-monographs"')


@register.simple_tag
def list_rows(rows):
    """The rows of the list of census entries: name, commune, department, typology.

    Every cell is plain text escaped as Django's escape() does (it is html.escape), called directly: through
    format_html each of the 200 cells of a page went through Django's lazy-string checks, a fifth of the page's
    time."""
    labels = typology_labels()
    return mark_safe(
        "\n".join(
            f'<tr><th scope="row">{escape(row.name)}</th><td>{escape(row.commune)}</td>'
            f"<td>{escape(row.department)}</td><td>{escape(labels.get(row.typology, ''))}</td></tr>"
            for row in rows
        )
    )


@register.simple_tag
def filter_options(facet):
    """The options of a filter: each value with its label and its number of entries, the chosen one selected."""
    return format_html_join(
        "",
        '<option value="{}" data-label="{}"{}>{} ({})</option>',
        (
            (
                slug,
                label,
                SELECTED if slug == facet["selected"] else "",
                label,
                grouped(count),
            )
            for slug, label, count in facet["options"]
        ),
    )


@register.simple_tag
def bar_rows(bars):
    """The rows of a bar chart table (census.maps.Bar list): category, places, share as a bar, monographs."""
    return format_html_join(
        "\n",
        "<tr{}>"
        '<th scope="row">{}</th>'
        '<td class="nm-bars__count">{}</td>'
        '<td class="nm-bars__share"><span class="nm-bars__value">{}&nbsp;%</span> '
        '<span class="bar" aria-hidden="true"><span class="bar__fill" style="width: {}%"></span></span></td>'
        '<td class="nm-bars__count">{}</td>'
        "</tr>",
        (
            (
                WITH_MONOGRAPHS if bar.monographs else "",
                bar.label,
                grouped(bar.count),
                floatformat(bar.percent, "-1"),
                str(bar.percent),  # unlocalised: a CSS length
                format_html("<strong>{}</strong>", bar.monographs) if bar.monographs else "0",
            )
            for bar in bars
        ),
    )
