"""How an impact and an observation of it are named, written in Python rather than included templates: a
monograph or the matrix shows them dozens of times, and a tag costs a tenth of an include's render."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def kind_badge(impact):
    """The nature of an impact, in words: the colour and the sign only repeat it."""
    return format_html(
        '<span class="badge badge--{}"><span aria-hidden="true">{}</span> {}</span>',
        impact.kind,
        "−" if impact.is_limit else "+",
        impact.get_kind_display(),
    )


@register.simple_tag
def strength(evidence):
    """How strongly an impact shows at a place, in words; the dots only repeat it."""
    level = evidence.strength or 0
    return format_html(
        '<span class="strength strength--{}">{} <span class="strength__dots" aria-hidden="true">{}</span></span>',
        "" if evidence.strength is None else evidence.strength,
        gettext("Intensité : %(strength)s") % {"strength": evidence.get_strength_display()},
        "".join("●" if level >= step else "○" for step in (1, 2, 3)),
    )
