"""The articles that name a monograph or an impact, read for its page in written-out SQL (see
core/rawrows.py for why); `tests/test_related_articles.py` checks them against the ORM."""

from millelieux.core.rawrows import PAGE_LINK_FIELDS, columns, dict_rows, instance, table
from millelieux.core.routing import public_pages_sql

from .models import ArticlePage, ArticleSeries

ARTICLE_FIELDS = ("kind", "date", "summary", "series_id", "series_number")
SERIES_FIELDS = ("id", "title", "planned_count")


def related_articles(page, relation):
    """The published, public articles whose `relation` ("related_places" or "related_impacts") names `page`,
    in series order (SERIES_ORDER: by series title, series without a title last, then number, newest first,
    then title), with their series; the fields an article card does not show are deferred."""
    through = ArticlePage._meta.get_field(relation).remote_field.through
    article_column = through._meta.get_field("articlepage").column
    page_column = next(
        field.column
        for field in through._meta.get_fields()
        if field.concrete and field.is_relation and field.name != "articlepage"
    )
    public, public_params = public_pages_sql("a")
    sql = f"""
        SELECT {columns("a", PAGE_LINK_FIELDS, "article")}, {columns("ap", ARTICLE_FIELDS, "article")},
            {columns("s", SERIES_FIELDS, "series")}
        FROM {table(through)} t
        JOIN wagtailcore_page a ON a.id = t.{article_column}
        JOIN {table(ArticlePage)} ap ON ap.page_ptr_id = a.id
        LEFT JOIN {table(ArticleSeries)} s ON s.id = ap.series_id
        WHERE t.{page_column} = %s AND {public}
        ORDER BY CASE WHEN s.title IS NULL THEN 1 ELSE 0 END, s.title, ap.series_number, ap.date DESC, a.title
    """
    articles, series = [], {}
    for row in dict_rows(sql, [page.pk, *public_params]):
        article = instance(ArticlePage, row, "article")
        if article.series_id is not None:
            if article.series_id not in series:
                series[article.series_id] = instance(ArticleSeries, row, "series")
            article.series = series[article.series_id]
        articles.append(article)
    return articles
