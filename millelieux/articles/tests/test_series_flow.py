"""Reading a series in its order: previous and next within the series, the index grouped by series."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.articles.factories import make_article, make_series
from millelieux.core.tests.pages import assert_accessible_page, get_page, position, url_of
from millelieux.explorations.factories import make_exploration

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def series_nav(html):
    """The series navigation of an article page (fails if there is none)."""
    match = re.search(
        r'<nav class="pager series-pager[^"]*" aria-label="([^"]*)">(.*?)</nav>', html, flags=re.S
    )
    assert match, "no series navigation"
    return match.group(1), match.group(2)


def make_interviews(exploration, series, numbers, **fields):
    return {
        number: make_article(
            exploration,
            f"Entretien numéro {number}",
            series=series,
            series_number=number,
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
            **fields,
        )
        for number in numbers
    }


def test_an_interview_links_to_the_previous_and_next_ones_with_their_numbers_and_titles(client, exploration):
    series = make_series("Entretiens Mille Lieux", planned_count=8)
    interviews = make_interviews(exploration, series, [1, 2, 3])

    html = assert_accessible_page(get_page(client, interviews[2]))

    label, nav = series_nav(html)
    assert label == "Dans la série « Entretiens Mille Lieux »"
    assert f'<a href="{url_of(interviews[1])}" rel="prev">' in nav
    assert f'<a href="{url_of(interviews[3])}" rel="next">' in nav
    assert "Entretien précédent" in nav and '<span class="series-label">(1/8)</span>' in nav
    assert "Entretien suivant" in nav and '<span class="series-label">(3/8)</span>' in nav
    assert "Entretien numéro 1" in nav and "Entretien numéro 3" in nav
    assert position(nav, "Entretien précédent") < position(nav, "Entretien suivant")


def test_the_first_of_a_series_has_no_previous_and_the_last_no_next(client, exploration):
    interviews = make_interviews(exploration, make_series(planned_count=3), [1, 2, 3])

    _label, first = series_nav(get_page(client, interviews[1]).content.decode())
    _label, last = series_nav(get_page(client, interviews[3]).content.decode())

    assert 'rel="prev"' not in first and f'<a href="{url_of(interviews[2])}" rel="next">' in first
    assert 'rel="next"' not in last and f'<a href="{url_of(interviews[2])}" rel="prev">' in last


def test_drafts_are_skipped_and_the_nearest_published_number_is_taken(client, exploration):
    series = make_series(planned_count=8)
    interviews = make_interviews(exploration, series, [1, 5, 8])
    make_article(exploration, "Entretien en brouillon", series=series, series_number=4, live=False)
    make_article(exploration, "Encore un brouillon", series=series, series_number=6, live=False)

    _label, nav = series_nav(get_page(client, interviews[5]).content.decode())

    assert f'<a href="{url_of(interviews[1])}" rel="prev">' in nav and "(1/8)" in nav
    assert f'<a href="{url_of(interviews[8])}" rel="next">' in nav and "(8/8)" in nav
    assert "brouillon" not in nav


def test_another_series_is_not_mixed_in(client, exploration):
    interviews = make_interviews(exploration, make_series("Entretiens", planned_count=3), [1, 2])
    other = make_article(
        exploration, "Un autre feuilleton", series=make_series("Reportages"), series_number=3
    )

    _label, nav = series_nav(get_page(client, interviews[2]).content.decode())

    assert 'rel="next"' not in nav
    assert url_of(other) not in nav


def test_the_series_navigation_links_to_the_whole_series_in_the_index(client, exploration):
    series = make_series("Entretiens Mille Lieux", planned_count=8)
    interviews = make_interviews(exploration, series, [1, 2])
    make_article(exploration, "Un essai hors série", kind="essay", date=datetime.date(2020, 1, 1))

    _label, nav = series_nav(get_page(client, interviews[1]).content.decode())
    index = interviews[1].get_parent().specific
    anchor = f"serie-{series.pk}"

    assert f'<a href="{url_of(index)}#{anchor}">Toute la série « Entretiens Mille Lieux »</a>' in nav
    html = assert_accessible_page(get_page(client, index))
    assert f'<section class="article-group" id="{anchor}"' in html
    assert "2 articles publiés sur 8 prévus" in html
    # The series first, in its order, then the articles outside a series.
    assert (
        position(html, "Entretien numéro 1")
        < position(html, "Entretien numéro 2")
        < position(html, "Autres articles")
        < position(html, "Un essai hors série")
    )


def test_an_article_outside_a_series_has_no_series_navigation(client, exploration):
    html = get_page(client, make_article(exploration, "Un essai", kind="essay")).content.decode()

    assert "series-pager" not in html
    assert 'rel="prev"' not in html and 'rel="next"' not in html


def test_an_article_alone_in_its_series_links_to_the_series_only(client, exploration):
    (article,) = make_interviews(exploration, make_series(planned_count=8), [4]).values()

    _label, nav = series_nav(get_page(client, article).content.decode())

    assert "pager__list" not in nav and "Toute la série" in nav


def test_the_article_page_runs_as_many_queries_in_a_long_series_as_in_a_short_one(client, exploration):
    short = make_interviews(exploration, make_series("Courte", planned_count=None), [1, 2, 3])
    long = make_interviews(exploration, make_series("Longue", planned_count=None), range(1, 41))

    assert query_count(client, short[2]) == query_count(client, long[20])


def test_the_series_navigation_costs_two_queries(client, exploration):
    interviews = make_interviews(exploration, make_series(planned_count=None), [1, 2, 3])
    alone = make_article(exploration, "Un essai", kind="essay")

    # The neighbours (one query) and the view restrictions they are checked against (one).
    assert query_count(client, interviews[2]) - query_count(client, alone) <= 2 + 1  # + the series row


def query_count(client, page):
    client.get(url_of(page))  # warms the site and locale caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of(page)).status_code == 200
    return len(queries)
