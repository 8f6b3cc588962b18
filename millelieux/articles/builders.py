"""Building articles and series from plain data: shared by the factories and the demo loader.

    from millelieux.articles.builders import build_article, build_article_index, find_or_create_series

    series, created = find_or_create_series(title="Entretiens Mille Lieux", planned_count=8)
    page = build_article(title="Entretien avec l'Hôtel Pasteur", date=date(2018, 12, 3), summary="…",
                         series=series, series_number=1, original_source=source,
                         interviewees=[{"name": "Hôtel Pasteur"}], related_places=[place])
    add_page(index, page)

Pages come back unsaved; every keyword not named here is a field of ArticlePage.
"""

from millelieux.core.builders import checked_rows, narrative

from .models import ArticleIndexPage, ArticlePage, ArticleSeries, Interviewee


def build_article_index(*, title="Articles", **fields):
    """An unsaved ArticleIndexPage (`intro` is rich text: see core.builders.rich_text)."""
    return ArticleIndexPage(title=title, **fields)


def find_or_create_series(*, title, planned_count=None):
    """The series of that title (titles are unique), created if missing: (series, created)."""
    series = ArticleSeries.objects.filter(title=title).first()
    if series is not None:
        return series, False
    series = ArticleSeries(title=title, planned_count=planned_count)
    series.full_clean()
    series.save()
    return series, True


def build_article(
    *,
    title,
    kind=ArticlePage.INTERVIEW,
    interviewees=(),
    related_places=(),
    related_impacts=(),
    body=(),
    **fields,
):
    page = ArticlePage(title=title, kind=kind, body=narrative(body), **fields)
    page.interviewees = checked_rows(Interviewee, "interviewees", interviewees, parental_key="article")
    page.related_places = list(related_places)
    page.related_impacts = list(related_impacts)
    return page
