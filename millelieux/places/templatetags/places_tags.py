"""Template helpers for monographs."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from millelieux.core.templatetags.millelieux_tags import month_name
from millelieux.places import charts
from millelieux.sources.templatetags.sources_tags import citation

register = template.Library()


@register.simple_tag
def stakeholder_figure(place):
    """The place's stakeholders numbered and grouped by kind, with their map (None if it has none): one query.

    {% stakeholder_figure page as actors %}
    {% include "places/includes/stakeholder_map.html" %}
    {% for group in actors.groups %}{% for number, stakeholder in group.entries %}…{% endfor %}{% endfor %}
    """
    return charts.stakeholder_figure(place.stakeholders.select_related("source"), place=place.title)


@register.simple_tag
def timeline_figure(steps, place):
    """The timeline drawn from `steps` (PlacePage.chronology(), already fetched), or None without steps.

    {% timeline_figure steps page as figure %}
    """
    return charts.timeline_figure(steps, place=place.title)


@register.simple_tag
def timeline_steps(steps):
    """The steps of a monograph's timeline as list items (the page's <ol class="timeline">), written here rather
    than in a template loop: a timeline has dozens of dates, labels and sources to format."""
    items = []
    for step in steps:
        if step.start_month:
            start = format_html(
                '<time datetime="{}-{}">{} {}</time>',
                step.start_year,
                f"{int(step.start_month):02d}",
                month_name(step.start_month),
                step.start_year,
            )
        else:
            start = format_html('<time datetime="{}">{}</time>', step.start_year, step.start_year)
        if step.is_period:
            start = format_html(
                '{}<span aria-hidden="true">–</span><span class="visually-hidden"> {} </span>'
                '<time datetime="{}">{}</time>',
                start,
                gettext("à"),
                step.end_year,
                step.end_year,
            )
        items.append(
            format_html(
                '<li class="timeline__step timeline__step--{}">\n'
                '      <p class="timeline__date">{}</p>\n'
                '      <p class="timeline__kind">{}</p>\n'
                '      <h3 class="timeline__title">{}</h3>\n'
                "      {}\n      {}\n    </li>",
                step.kind,
                start,
                step.get_kind_display(),
                step.title,
                format_html("<p>{}</p>", linebreaksbr(step.text)) if step.text else "",
                format_html('<p class="muted timeline__source">{}</p>', citation(step.source))
                if step.source
                else "",
            )
        )
    return mark_safe("\n    ".join(items))  # every part went through format_html
