"""Public pages of impacts: the index by nature, the impact page and its links back to the places."""

import re

import pytest
from pytest_django.asserts import assertInHTML
from wagtail.rich_text import RichText

from millelieux.articles.factories import make_article
from millelieux.core.tests.pages import assert_accessible_page, get_page, position, preview_new_page, url_of
from millelieux.explorations.factories import make_exploration, make_field
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.impacts.models import ImpactPage
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def test_the_index_groups_positives_then_limits_with_their_fields(client, exploration):
    commons_field = make_field(exploration, "La création de communs", colour="#2255aa")
    hidden_field = make_field(exploration, "Champ en brouillon", live=False)
    commons = make_impact(
        exploration,
        "Créer des communs",
        summary="Des biens partagés.",
        exploration_fields=[commons_field, hidden_field],
    )
    limit = make_impact(exploration, "Une gentrification possible", kind="limit")
    make_impact(exploration, "Impact en brouillon", live=False)

    html = assert_accessible_page(get_page(client, commons.get_parent().specific))

    groups = re.findall(r'<h2 id="group-(\w+)">', html)
    assert groups == ["positive", "limit"]
    assert (
        position(html, 'id="group-positive"')
        < position(html, "Créer des communs")
        < position(html, 'id="group-limit"')
        < position(html, "Une gentrification possible")
    )
    assert f'href="{url_of(commons)}"' in html and f'href="{url_of(limit)}"' in html
    assert "Des biens partagés." in html
    assertInHTML(
        '<li class="field-tag" style="--field-colour: #2255aa">'
        f'<a href="{url_of(exploration)}matrice/?champ={commons_field.slug}">La création de communs</a></li>',
        html,
    )
    assert "Champ en brouillon" not in html
    assert "Impact en brouillon" not in html


def test_the_index_leaves_out_an_empty_group(client, exploration):
    impact = make_impact(exploration, "Créer des communs")

    html = get_page(client, impact.get_parent().specific).content.decode()

    assert 'id="group-positive"' in html
    assert 'id="group-limit"' not in html


def test_an_impact_page_shows_its_nature_fields_summary_and_text(client, exploration):
    field = make_field(exploration, "La transformation des territoires")
    limit = make_impact(
        exploration,
        "Une gentrification possible",
        kind="limit",
        exploration_fields=[field],
        summary="Un quartier qui change de visage.",
        body=[("heading", "Des loyers"), ("paragraph", RichText("<p>Ils montent.</p>"))],
    )

    html = assert_accessible_page(get_page(client, limit))

    assert "<h1>Une gentrification possible</h1>" in html
    assertInHTML('<span class="badge badge--limit"><span aria-hidden="true">−</span> Limite</span>', html)
    assert "La transformation des territoires" in html
    assert "Un quartier qui change de visage." in html
    assert '<h2 class="narrative-heading">Des loyers</h2>' in html
    assert "Ils montent." in html


def test_an_impact_page_lists_the_places_where_it_shows_with_their_evidence(client, exploration):
    impact = make_impact(exploration, "Créer des communs")
    pasteur = make_place(exploration, title="Hôtel Pasteur", commune_name="Rennes")
    quincaillerie = make_place(exploration, title="La Quincaillerie", commune_name="Guéret")
    draft = make_place(exploration, title="Lieu en brouillon", live=False)
    make_evidence(quincaillerie, impact, text="Un fablab ouvert.", strength=2)
    make_evidence(pasteur, impact, text="Un atelier partagé.", quote="Tout le monde bricole.", strength=3)
    make_evidence(draft, impact, text="Pas encore publié.")

    html = assert_accessible_page(get_page(client, impact))

    assertInHTML(f'<h3 class="evidence__title"><a href="{url_of(pasteur)}">Hôtel Pasteur</a></h3>', html)
    assert f'href="{url_of(quincaillerie)}"' in html
    # Strongest first, with the commune, the strength in words and the quote.
    assert position(html, "Hôtel Pasteur</a>") < position(html, "La Quincaillerie</a>")
    assert "Rennes" in html and "Guéret" in html
    assert "Intensité : Forte" in html and "Intensité : Marquée" in html
    assertInHTML('<blockquote class="evidence__quote"><p>Tout le monde bricole.</p></blockquote>', html)
    assert "Lieu en brouillon" not in html and "Pas encore publié." not in html


def test_a_reader_goes_from_a_place_to_an_impact_and_back(client, exploration):
    place = make_place(exploration, title="Hôtel Pasteur")
    impact = make_impact(exploration, "Créer des communs")
    make_evidence(place, impact)

    place_html = get_page(client, place).content.decode()
    impact_url = re.search(r'<h3 class="evidence__title"><a href="([^"]+)">Créer des communs</a>', place_html)
    impact_html = get_page(client, impact_url.group(1)).content.decode()
    place_url = re.search(r'<h3 class="evidence__title"><a href="([^"]+)">Hôtel Pasteur</a>', impact_html)

    assert place_url.group(1) == url_of(place)


def test_an_impact_page_lists_its_published_related_articles(client, exploration):
    impact = make_impact(exploration, "Créer des communs")
    article = make_article(exploration, "Entretien avec Camille", related_impacts=[impact])
    make_article(exploration, "Article en brouillon", related_impacts=[impact], live=False)

    html = assert_accessible_page(get_page(client, impact))

    assert f'href="{url_of(article)}"' in html
    assert "Article en brouillon" not in html


def test_an_impact_without_evidence_hides_the_empty_sections(client, exploration):
    html = get_page(client, make_impact(exploration)).content.decode()

    assert "Où cet impact s'observe" not in html
    assert "Articles liés" not in html


def test_a_draft_impact_is_not_shown(client, exploration):
    draft = make_impact(exploration, "Impact en brouillon", live=False)

    get_page(client, url_of(draft), status=404)


def test_an_impact_previewed_before_its_creation_renders_with_its_unsaved_fields(exploration):
    field = make_field(exploration, "Les communs")
    index = make_impact(exploration).get_parent().specific
    page = ImpactPage(title="Un impact à venir", kind="limit", summary="Bientôt.")
    page.exploration_fields = [field]

    html = preview_new_page(index, page)

    assert "<h1>Un impact à venir</h1>" in html
    assert "Les communs" in html and "Limite</span>" in html
