"""Factories for articles (interviews, reports, essays), their index and their series.

    from millelieux.articles.factories import make_article, make_article_index, make_series

    series = make_series("Entretiens", planned_count=8)
    article = make_article(exploration, "Entretien avec Camille", series=series, series_number=3,
                           interviewees=[{"name": "Camille Martin", "role": "Coordinatrice"}],
                           related_places=[place], related_impacts=[impact])
    essay = make_article(exploration, "Un essai", kind="essay")
    index = make_article_index(exploration)   # the exploration's ArticleIndexPage (created if missing)

Every keyword not named here is passed to ArticlePage, so any field can be set. The pages are built by
articles.builders, as the demo loader builds them.
"""

import datetime

from millelieux.core.builders import add_page
from millelieux.explorations.factories import default_exploration, unique_value

from .builders import build_article, build_article_index, find_or_create_series
from .models import ArticleIndexPage, ArticlePage, ArticleSeries


def make_series(title="Entretiens", planned_count=8):
    """A new ArticleSeries; the title gets a suffix if it is taken (titles are unique)."""
    return find_or_create_series(
        title=unique_value(ArticleSeries, "title", title), planned_count=planned_count
    )[0]


def make_article_index(exploration=None, title="Articles", **fields):
    """The first ArticleIndexPage of the exploration, created and published if it has none."""
    exploration = exploration or default_exploration()
    existing = ArticleIndexPage.objects.child_of(exploration).first()
    if existing is not None:
        return existing
    fields.setdefault("slug", "articles")
    return add_page(exploration, build_article_index(title=title, **fields))


def make_article(
    exploration=None,
    title="Entretien avec une coordinatrice",
    live=True,
    index=None,
    interviewees=(),
    related_places=(),
    related_impacts=(),
    **fields,
):
    """A published ArticlePage (a draft with live=False) in the exploration's article index.

    `interviewees` is a list of dicts of Interviewee fields (name, role, organisation).
    """
    index = index or make_article_index(exploration)
    fields.setdefault("kind", ArticlePage.INTERVIEW)
    fields.setdefault("date", datetime.date(2019, 3, 14))
    fields.setdefault("summary", f"{title} : ce qu'un tiers-lieu change pour celles et ceux qui le font.")
    page = build_article(
        title=title,
        interviewees=interviewees,
        related_places=related_places,
        related_impacts=related_impacts,
        **fields,
    )
    return add_page(index, page, live=live)
