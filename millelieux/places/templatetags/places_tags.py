"""Template helpers for monographs."""

from django import template

from millelieux.places import charts

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
