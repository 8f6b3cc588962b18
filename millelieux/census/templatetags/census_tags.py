"""The long repeated parts of the national map, written in Python: a page of the list has fifty rows and the
filters some forty options, and a tag renders them in a fraction of the time a template loop takes."""

from django import template
from django.utils.html import format_html, format_html_join

from millelieux.core.templatetags.millelieux_tags import grouped

register = template.Library()


@register.simple_tag
def list_rows(rows):
    """The rows of the list of census entries: name, commune, department, typology."""
    return format_html_join(
        "\n",
        '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>',
        ((row.name, row.commune, row.department, row.typology_label) for row in rows),
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
                format_html(" selected") if slug == facet["selected"] else "",
                label,
                grouped(count),
            )
            for slug, label, count in facet["options"]
        ),
    )
