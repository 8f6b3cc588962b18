"""Public pages of articles: the index with series numbers, and the article (interview, report, essay)."""

import datetime
import re

import pytest
from pytest_django.asserts import assertInHTML
from wagtail.rich_text import RichText

from millelieux.articles.factories import make_article, make_series
from millelieux.articles.models import ArticlePage, Interviewee
from millelieux.core.factories import make_image
from millelieux.core.tests.pages import assert_accessible_page, get_page, preview_new_page, url_of
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def test_the_index_shows_series_number_kind_date_and_summary(client, exploration):
    series = make_series("Entretiens Mille Lieux", planned_count=8)
    interview = make_article(
        exploration,
        "Entretien avec Camille",
        series=series,
        series_number=3,
        date=datetime.date(2019, 3, 14),
        summary="Ce qu'un lieu change.",
    )
    essay = make_article(exploration, "Un essai sur les communs", kind="essay")
    make_article(exploration, "Article en brouillon", live=False)

    html = assert_accessible_page(get_page(client, interview.get_parent().specific))

    link = f'<a href="{url_of(interview)}">Entretien avec Camille <span class="series-label">(3/8)</span></a>'
    assertInHTML(link, html)
    assert "Entretiens Mille Lieux" in html
    assert '<time datetime="2019-03-14">14 mars 2019</time>' in html
    assert "Ce qu&#x27;un lieu change." in html
    assert "Entretien ·" in html and "Essai ·" in html
    assert f'href="{url_of(essay)}"' in html
    assert "Article en brouillon" not in html


def test_an_interview_shows_its_series_people_quote_image_body_and_links(client, exploration):
    place = make_place(exploration, title="Hôtel Pasteur", commune_name="Rennes")
    hidden_place = make_place(exploration, title="Lieu en brouillon", live=False)
    impact = make_impact(exploration, "Créer des communs")
    series = make_series("Entretiens Mille Lieux", planned_count=8)
    article = make_article(
        exploration,
        "Entretien avec Camille Martin",
        series=series,
        series_number=3,
        date=datetime.date(2019, 3, 14),
        summary="Un tiers-lieu, c'est d'abord des gens.",
        pull_quote="On vient ici pour essayer.",
        interviewees=[
            {"name": "Camille Martin", "role": "Coordinatrice", "organisation": "Hôtel Pasteur"},
            {"name": "Sam Leroy"},
        ],
        image=make_image("Portrait"),
        image_alt="Camille Martin dans l'atelier",
        body=[("heading", "Les débuts"), ("paragraph", RichText("<p>Tout a commencé en 2012.</p>"))],
        related_places=[place, hidden_place],
        related_impacts=[impact],
    )

    html = assert_accessible_page(get_page(client, article))

    assert "<h1>Entretien avec Camille Martin" in html
    assert "(3/8)" in html
    assert "numéro 3 sur 8 de la série" in html  # what a screen reader hears instead of "3/8"
    assert "Entretiens Mille Lieux" in html
    assert '<time datetime="2019-03-14">14 mars 2019</time>' in html
    assert "Personnes interrogées" in html
    assertInHTML("<li><strong>Camille Martin</strong>, Coordinatrice, Hôtel Pasteur</li>", html)
    assertInHTML("<li><strong>Sam Leroy</strong></li>", html)
    assertInHTML('<blockquote class="pull-quote"><p>On vient ici pour essayer.</p></blockquote>', html)
    assert re.search(r'<img [^>]*alt="Camille Martin dans l&#x27;atelier"', html)
    assert '<h2 class="narrative-heading">Les débuts</h2>' in html
    assert "Tout a commencé en 2012." in html
    assert f'href="{url_of(place)}"' in html and f'href="{url_of(impact)}"' in html
    assert "Lieu en brouillon" not in html


def test_an_article_in_an_open_series_shows_its_number_alone(client, exploration):
    series = make_series("Chroniques", planned_count=None)
    article = make_article(exploration, "Chronique d'un lieu", series=series, series_number=5)

    html = get_page(client, article).content.decode()

    assert "(5)" in html and "numéro 5 de la série" in html


def test_an_article_outside_a_series_has_no_number_and_no_empty_sections(client, exploration):
    article = make_article(exploration, "Un essai", kind="essay")

    html = assert_accessible_page(get_page(client, article))

    assert 'class="series-label"' not in html
    assert "Personne interrogée" not in html and "Personnes interrogées" not in html
    assert "pull-quote" not in html and "<img" not in html
    assert "Pour aller plus loin" not in html


def test_a_draft_article_is_not_shown(client, exploration):
    draft = make_article(exploration, "Article en brouillon", live=False)

    get_page(client, url_of(draft), status=404)


def test_an_article_previewed_before_its_creation_renders_with_its_unsaved_links(exploration):
    place = make_place(exploration, title="Hôtel Pasteur")
    index = make_article(exploration).get_parent().specific
    page = ArticlePage(
        title="Un entretien à venir",
        date=datetime.date(2024, 1, 5),
        summary="Bientôt.",
        series=make_series("Entretiens", planned_count=8),
        series_number=4,
    )
    page.interviewees = [Interviewee(name="Camille Martin", role="Coordinatrice")]
    page.related_places = [place]

    html = preview_new_page(index, page)

    assert "<h1>Un entretien à venir" in html and "(4/8)" in html
    assert "Camille Martin" in html and "Hôtel Pasteur" in html
