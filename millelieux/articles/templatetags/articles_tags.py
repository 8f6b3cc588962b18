"""Template helpers for the articles shown on other pages."""

from django import template

from millelieux.articles import reading
from millelieux.articles.models import ArticlePage

register = template.Library()

RELATIONS = ("related_places", "related_impacts")


@register.simple_tag
def related_articles(page):
    """The published articles that name `page` (a monograph or an impact) among their related places or
    impacts, in series order: one query (articles/reading.py).

    {% related_articles page as articles %}
    """
    if not page.pk:  # a page previewed before its creation has no related articles yet
        return []
    for relation in RELATIONS:
        if isinstance(page, ArticlePage._meta.get_field(relation).related_model):
            return reading.related_articles(page, relation)
    return []
