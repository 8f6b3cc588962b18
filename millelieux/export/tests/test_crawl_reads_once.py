"""What every sub-page of an exploration shows alike (its picture in the OpenGraph card, the links of its
navigation) is read once per crawl (core.routing.lasting_memo), and again for each request of the live site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.core.factories import make_image
from millelieux.core.routing import lasting_memo
from millelieux.core.tests.pages import url_of
from millelieux.explorations.factories import make_exploration
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def reads(queries):
    """Which of the shared readings the queries made: the picture's row (its rendition is in Wagtail's cache
    after the first request), the navigation's index pages."""
    sql = [query["sql"] for query in queries]
    return {
        "picture": any('FROM "core_picture"' in text for text in sql),
        "navigation": any("LEFT JOIN" in text and "p.depth = " in text for text in sql),
    }


def test_a_crawl_reads_the_explorations_picture_and_navigation_once(client):
    exploration = make_exploration(title="Mille Lieux", image=make_image())
    make_place(exploration, title="La Coroutine")
    address = url_of(exploration)

    def shown(path):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address + path, HTTP_HOST="localhost")
        assert response.status_code == 200
        assert b'property="og:image"' in response.content
        return reads(queries.captured_queries)

    everything = {"picture": True, "navigation": True}
    shown("matrice/")  # the rendition is made by the first request
    assert shown("partenaires/") == everything  # the live site reads them for each page
    with lasting_memo():
        assert shown("donnees/") == everything
        assert shown("partenaires/") == dict.fromkeys(everything, False)
        assert shown("matrice/") == dict.fromkeys(everything, False)
    assert shown("donnees/") == everything
