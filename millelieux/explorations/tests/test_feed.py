"""The Atom feed of an exploration's articles (`flux/`): a valid feed (read with feedparser), newest first, with
absolute links, author, summary and dates; drafts and private articles stay out; the pages point to it."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from millelieux.articles.factories import make_article, make_series
from millelieux.core.tests.pages import get_page, url_of
from millelieux.explorations.factories import make_exploration

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration(
        "Mille Lieux", slug="mille-lieux", organisation="Le Lab Ouishare x Chronos", summary="Huit lieux."
    )


def feed_url(exploration, language=None):
    return url_of(exploration, language) + exploration.reverse_subpage("feed")


def read_feed(client, exploration, language=None):
    response = get_page(client, feed_url(exploration, language))
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def test_the_feed_lists_the_articles_newest_first_with_absolute_links(client, exploration):
    series = make_series("Entretiens", planned_count=8)
    older = make_article(
        exploration, "Entretien à Rennes", date=datetime.date(2018, 12, 3), series=series, series_number=1
    )
    newer = make_article(exploration, "Un essai & des <idées>", kind="essay", date=datetime.date(2019, 4, 1))
    middle = make_article(exploration, "Un reportage", kind="report", date=datetime.date(2019, 1, 15))

    feed = read_feed(client, exploration)

    assert feed.feed.title == "Articles — Mille Lieux"
    assert feed.feed.link == "http://testserver" + url_of(exploration)
    assert feed.feed.subtitle == "Huit lieux."
    assert feed.feed.updated_parsed is not None
    assert [entry.link for entry in feed.entries] == [
        "http://testserver" + url_of(page) for page in (newer, middle, older)
    ]
    assert [entry.title for entry in feed.entries] == [
        "Un essai & des <idées>",
        "Un reportage",
        "Entretien à Rennes (1/8)",
    ]
    first = feed.entries[0]
    assert first.id == first.link
    assert (
        first.author == "Le Lab Ouishare x Chronos"
    )  # an essay first published here: the study's organisation
    assert first.summary == escape(newer.summary)  # Atom's summary is HTML: the text, escaped
    assert first.published.startswith("2019-04-01T00:00:00")  # the article's date, in the site's time zone
    assert first.updated_parsed is not None
    assert feed.entries[2].tags[0].term == "Entretiens"


def test_an_interview_is_credited_to_the_people_interviewed_as_in_its_linked_data(client, exploration):
    make_article(
        exploration,
        "Entretien",
        interviewees=[{"name": "Camille Martin"}, {"name": "Alex Durand", "role": "gérant"}],
    )

    feed = read_feed(client, exploration)

    assert feed.entries[0].author == "Camille Martin, Alex Durand"


def test_drafts_private_articles_and_other_explorations_stay_out_of_the_feed(client, exploration):
    shown = make_article(exploration, "Publié")
    make_article(exploration, "Brouillon", live=False)
    private = make_article(exploration, "Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    make_article(make_exploration("Sharitories", slug="sharitories"), "Ailleurs")

    feed = read_feed(client, exploration)

    assert [entry.title for entry in feed.entries] == [shown.title]


def test_an_exploration_without_articles_has_an_empty_valid_feed(client, exploration):
    feed = read_feed(client, exploration)

    assert feed.entries == []
    assert feed.feed.title == "Articles — Mille Lieux"
    # dated by the exploration's publication, not by the moment it is read: the same feed twice is the same file
    published = exploration.last_published_at.astimezone(datetime.UTC).replace(microsecond=0)
    assert feed.feed.updated_parsed[:6] == published.timetuple()[:6]
    assert get_page(client, feed_url(exploration)).content == get_page(client, feed_url(exploration)).content


def test_the_pages_of_the_exploration_point_to_its_feed(client, exploration):
    article = make_article(exploration, "Publié")
    link = (
        '<link rel="alternate" type="application/atom+xml" title="Articles — Mille Lieux" '
        f'href="{feed_url(exploration)}">'
    )

    for page in (exploration, article, exploration.article_index):
        assert link in get_page(client, page).content.decode(), page
    index = get_page(client, exploration.article_index).content.decode()
    assert f'<a href="{feed_url(exploration)}" type="application/atom+xml">S\'abonner (Atom)</a>' in index


def test_the_english_interface_serves_the_feed_with_links_under_en(client, exploration):
    article = make_article(exploration, "Publié")

    feed = read_feed(client, exploration, language="en")

    assert feed.entries[0].link == "http://testserver/en" + url_of(article)
    assert feed.feed.link == "http://testserver/en" + url_of(exploration)
    assert feed.feed.language == "fr"  # the articles' language


def test_an_unknown_sub_address_of_the_feed_is_not_found(client, exploration):
    response = client.get(feed_url(exploration) + "nimporte/")

    assert response.status_code == 404


def test_the_feed_runs_as_many_queries_for_thirty_articles_as_for_three(client, exploration):
    series = make_series("Entretiens", planned_count=40)

    def queries():
        client.get(feed_url(exploration))  # warms Wagtail's site cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(feed_url(exploration)).status_code == 200
        return len(captured)

    for number in range(1, 4):
        make_article(exploration, f"Entretien {number}", series=series, series_number=number)
    few = queries()
    for number in range(4, 31):
        make_article(exploration, f"Entretien {number}", series=series, series_number=number)

    assert queries() == few
