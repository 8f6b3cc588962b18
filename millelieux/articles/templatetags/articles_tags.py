"""Template helpers for the articles shown on other pages."""

from django import template

register = template.Library()


@register.simple_tag
def related_articles(page):
    """The published articles that name `page` among their related places or impacts, in series order.

    {% related_articles page as articles %}
    """
    if not page.pk:  # a page previewed before its creation has no related articles yet
        return []
    return (
        page.articles.live()
        .public()
        .select_related("series")
        .order_by("series__title", "series_number", "-date", "title")
    )
