"""The editions of an exploration, for its public pages.

{% load editions_tags %}
{% exploration_editions exploration as editions %}   → its ready editions, newest first (one query)
"""

from django import template

from ..models import Edition

register = template.Library()


@register.simple_tag
def exploration_editions(exploration):
    if exploration is None or not getattr(exploration, "pk", None):
        return []
    return list(
        Edition.objects.filter(exploration_id=exploration.pk, status=Edition.READY).order_by(
            "-date", "-created_at"
        )
    )
