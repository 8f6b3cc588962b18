"""The bibliography of an exploration (bibliographie/): every source cited across the study, each once."""

import datetime
import html

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from millelieux.articles.factories import make_article
from millelieux.core.tests.pages import assert_accessible_page, get_page, url_of
from millelieux.demo.generated import generate_exploration
from millelieux.explorations.bibliography import cited_sources
from millelieux.explorations.factories import make_event, make_exploration
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place
from millelieux.sources.factories import make_source

pytestmark = pytest.mark.django_db


def bibliography_url(exploration, language=None):
    return url_of(exploration, language) + "bibliographie/"


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def test_every_kind_of_citation_is_counted_and_each_source_listed_once():
    report = make_source("Le rapport", publisher="La 27e Région")
    shared = make_source("Un article de presse", publisher="Le Monde")
    uncited = make_source("Jamais citée", publisher="Personne")
    exploration = make_exploration("Mille Lieux", source=report)
    impact = make_impact(exploration, "Créer des communs", source=shared)
    place = make_place(
        exploration,
        title="La Quincaillerie",
        timeline_events=[{"start_year": 2014, "title": "Ouverture", "kind": "opening", "source": shared}],
        stakeholders=[{"name": "La mairie", "kind": "public_authority", "source": shared}],
        fact_sources=[{"fact": "surface_m2", "source": report}],
    )
    make_evidence(place, impact, source=shared)
    article = make_article(exploration, "Entretien", original_source=shared)
    event = make_event(exploration, source=report)

    sources = cited_sources(exploration)

    assert [source.title for source in sources] == ["Le rapport", "Un article de presse"]
    assert uncited not in sources
    by_title = {source.title: source for source in sources}
    assert by_title["Le rapport"].citation_count == 3  # the exploration, the event, the technical sheet
    assert (
        by_title["Un article de presse"].citation_count == 5
    )  # impact, timeline, stakeholder, evidence, article
    assert [page.pk for page in by_title["Le rapport"].cited_by] == [exploration.pk, place.pk, event.pk]
    assert {page.pk for page in by_title["Un article de presse"].cited_by} == {
        impact.pk,
        place.pk,
        article.pk,
    }


def test_sources_are_sorted_by_publisher_then_date_then_title_ignoring_accents_and_case():
    exploration = make_exploration("Mille Lieux")
    later = make_source("B", publisher="Ville", date=datetime.date(2020, 1, 1))
    undated = make_source("A", publisher="ville", date=None)
    earlier = make_source("C", publisher="Ville", date=datetime.date(2018, 1, 1))
    first = make_source("Z", publisher="Éditions")
    no_publisher = make_source("Sans éditeur", publisher="")
    for source in (later, undated, earlier, first, no_publisher):
        make_impact(exploration, f"Impact {source.title}", source=source)

    titles = [source.title for source in cited_sources(exploration)]

    assert titles == ["Sans éditeur", "Z", "C", "B", "A"]


def test_a_source_cited_only_by_a_draft_a_private_page_or_another_exploration_is_left_out():
    exploration = make_exploration("Mille Lieux")
    public = make_source("Publique")
    in_draft = make_source("Dans un brouillon")
    in_private = make_source("Dans une page réservée")
    elsewhere = make_source("Ailleurs")
    make_impact(exploration, "Publié", source=public)
    make_impact(exploration, "Brouillon", source=in_draft, live=False)
    make_place(
        exploration,
        title="Brouillon de lieu",
        live=False,
        timeline_events=[{"start_year": 2014, "title": "Ouverture", "kind": "opening", "source": in_draft}],
    )
    private = make_place(
        exploration, title="Réservé", stakeholders=[{"name": "X", "kind": "other", "source": in_private}]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    other = make_exploration("Sharitories", slug="sharitories")
    make_impact(other, "Autre", source=elsewhere)

    titles = [source.title for source in cited_sources(exploration)]

    assert titles == ["Publique"]


def test_an_exploration_citing_nothing_has_an_empty_bibliography(client):
    exploration = make_exploration("Mille Lieux")
    make_source("Jamais citée")

    assert cited_sources(exploration) == []
    page_html = assert_accessible_page(get_page(client, bibliography_url(exploration)))
    assert "Aucune source n'est encore citée" in html.unescape(page_html)


def test_the_page_lists_each_source_with_its_publisher_date_address_count_and_citing_pages(client):
    source = make_source(
        "Un article de presse",
        publisher="Le Monde",
        date=datetime.date(2019, 4, 17),
        url="https://example.org/a",
    )
    exploration = make_exploration("Mille Lieux")
    impact = make_impact(exploration, "Créer des communs", source=source)
    place = make_place(
        exploration,
        title="La Quincaillerie",
        stakeholders=[{"name": "La mairie", "kind": "public_authority", "source": source}],
    )

    page_html = html.unescape(assert_accessible_page(get_page(client, bibliography_url(exploration))))

    assert page_html.count('class="bibliography__entry"') == 1
    assert 'Le Monde. <a href="https://example.org/a"><cite>Un article de presse</cite></a>.' in page_html
    assert '<time datetime="2019-04-17">17 avril 2019</time>' in page_html
    assert "Citée pour 2 faits, sur :" in page_html
    assert f'<a href="{url_of(impact)}">Créer des communs</a>' in page_html
    assert f'<a href="{url_of(place)}">La Quincaillerie</a>' in page_html


def test_the_page_links_the_citing_pages_in_the_english_interface_under_en(client):
    source = make_source("Un article de presse")
    exploration = make_exploration("Mille Lieux")
    impact = make_impact(exploration, "Créer des communs", source=source)

    page_html = assert_accessible_page(get_page(client, bibliography_url(exploration, "en")), lang="en")

    assert f'<a href="{url_of(impact, "en")}" lang="fr">Créer des communs</a>' in page_html


def test_every_page_of_the_exploration_links_its_bibliography(client):
    exploration = make_exploration("Mille Lieux")
    place = make_place(exploration)

    page_html = get_page(client, place).content.decode()

    assert f'href="{bibliography_url(exploration)}"' in page_html


def test_the_bibliography_of_an_unpublished_exploration_is_not_found(client):
    exploration = make_exploration("Brouillon", live=False)

    assert client.get(f"/explorations/{exploration.slug}/bibliographie/").status_code == 404


def test_the_queries_do_not_grow_with_the_size_of_the_study(client):
    small = generate_exploration(places=3, impacts=3, articles=3, title="Petite")
    large = generate_exploration(places=40, impacts=12, articles=40, title="Grande")

    counts = {}
    for name, exploration in (("small", small), ("large", large)):
        client.get(bibliography_url(exploration))  # warms Wagtail's site and locale caches
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(bibliography_url(exploration))
        assert response.status_code == 200
        counts[name] = counter.count
    function_counter = QueryCounter()
    with connection.execute_wrapper(function_counter):
        (source,) = cited_sources(large)

    assert counts["small"] == counts["large"], counts
    assert counts["large"] <= 30
    assert function_counter.count <= 3 + 5  # citations, sources, pages (one per page type)
    assert source.citation_count == 40 * (6 + 8 + 1 + 6) + 12  # rows of each place, and each impact's own
