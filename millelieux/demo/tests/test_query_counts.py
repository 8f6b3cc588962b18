"""Every page type runs a bounded number of SQL queries that does not grow with the exploration: the counts
on a generated exploration of 100 places, 30 impacts and 300 articles equal those on a small one, and stay
within 15. The places are in communes with outlines and a census is loaded, so that the monograph draws its
location map and its territory context as on the demo."""

import pytest
from django.db import connection

from millelieux.demo.generated import generate_exploration, generate_territories
from millelieux.explorations.models import ExplorationPage
from millelieux.places.models import PlacePage

pytestmark = pytest.mark.django_db

# The ceiling no page type may pass (`millelieux benchmark_pages` reports the counts too).
MAX_QUERIES = 15


@pytest.fixture
def territories():
    generate_territories()


class QueryCounter:
    """Counts the SQL statements run through a connection (connection.execute_wrapper(counter))."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def sample_urls(exploration):
    """One URL per page type of the exploration."""
    place_index, impact_index, article_index = (
        exploration.place_index,
        exploration.impact_index,
        exploration.article_index,
    )
    return {
        "exploration": exploration.url,
        "matrix": exploration.url + exploration.reverse_subpage("matrix"),
        "partners": exploration.url + exploration.reverse_subpage("partners"),
        "place index": place_index.url,
        "monograph": exploration.places().last().url,
        "impact index": impact_index.url,
        "impact": exploration.impacts().last().url,
        "article index": article_index.url,
        "article": exploration.articles().last().url,
        "event": exploration.events().first().url,
    }


def query_counts(client, exploration):
    counts = {}
    for kind, url in sample_urls(exploration).items():
        client.get(url)  # a first request warms Wagtail's site and locale caches
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(url)
        assert response.status_code == 200, (kind, url)
        counts[kind] = counter.count
    return counts


def test_no_page_type_runs_more_queries_on_a_large_exploration_than_on_a_small_one(client, territories):
    small = generate_exploration(places=3, impacts=3, articles=3, title="Petite")
    large = generate_exploration(places=100, impacts=30, articles=300, title="Grande")
    assert not PlacePage.objects.filter(commune=None).exists()  # every monograph is in its territory

    small_counts, large_counts = query_counts(client, small), query_counts(client, large)

    assert large_counts == small_counts
    assert max(large_counts.values()) <= MAX_QUERIES, large_counts
    assert ExplorationPage.objects.count() == 2
