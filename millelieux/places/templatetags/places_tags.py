"""Template helpers for monographs."""

from django import template

from millelieux.places.models import Stakeholder

register = template.Library()


@register.simple_tag
def stakeholder_groups(place):
    """The place's stakeholders grouped by kind, in the order of Stakeholder.KIND_CHOICES.

    {% stakeholder_groups page as groups %}
    {% for label, stakeholders in groups %}…{% endfor %}
    """
    by_kind = {}
    for stakeholder in place.stakeholders.select_related("source"):
        by_kind.setdefault(stakeholder.kind, []).append(stakeholder)
    groups = [(label, by_kind.pop(kind)) for kind, label in Stakeholder.KIND_CHOICES if kind in by_kind]
    # A kind no longer offered (renamed choice) still shows, under its stored value.
    groups += [(kind, stakeholders) for kind, stakeholders in by_kind.items()]
    return groups
