"""A cited source, written in Python rather than an included template: pages cite dozens of sources each, and
a tag costs a tenth of an include's render."""

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def citation(source, bare=False):
    """`<span class="citation">Source : <a href=url><cite>title</cite></a>, publisher, <time>date</time></span>`,
    or nothing without a source; bare=True leaves out the « Source : » prefix."""
    if not source:
        return ""
    title = (
        format_html('<a href="{}"><cite>{}</cite></a>', source.url, source.title)
        if source.url
        else format_html("<cite>{}</cite>", source.title)
    )
    parts = [format_html("{} ", gettext("Source :")) if not bare else "", title]
    if source.publisher:
        parts.append(format_html(", {}", source.publisher))
    if source.date:
        parts.append(
            format_html(
                ', <time datetime="{}">{}</time>', format_date(source.date, "Y-m-d"), source.date_label
            )
        )
    return format_html('<span class="citation">{}</span>', mark_safe("".join(parts)))
