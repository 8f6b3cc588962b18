"""Template helpers for the articles shown on other pages."""

from django import template

from millelieux.articles.models import SERIES_ORDER
from millelieux.core.routing import private_pages_q

register = template.Library()


@register.simple_tag
def related_articles(page):
    """The published articles that name `page` among their related places or impacts, in series order.

    {% related_articles page as articles %}
    """
    if not page.pk:  # a page previewed before its creation has no related articles yet
        return []
    # The view restrictions are read once per request (core/routing.py), shared with the page's other lists.
    articles = page.articles.live().exclude(private_pages_q())
    return articles.select_related("series").order_by(*SERIES_ORDER)
