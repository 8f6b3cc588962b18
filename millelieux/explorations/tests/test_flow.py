"""What a reader follows on an exploration: its articles in series order, and an event's vote as far as it is known."""

import datetime
import re

import pytest

from millelieux.articles.factories import make_article, make_series
from millelieux.core.tests.pages import assert_accessible_page, get_page, position, url_of
from millelieux.explorations.factories import make_event, make_exploration
from millelieux.impacts.factories import make_impact

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def articles_section(html):
    match = re.search(r'<section class="exploration-articles".*?</section>', html, flags=re.S)
    assert match, "no articles section"
    return match.group(0)


def test_the_exploration_lists_its_articles_in_series_order_with_their_numbers(client, exploration):
    series = make_series("Entretiens Mille Lieux", planned_count=8)
    # Published in another order than their numbers; an essay newer than all of them.
    third = make_article(
        exploration, "Troisième entretien", series=series, series_number=3, date=datetime.date(2019, 1, 2)
    )
    first = make_article(
        exploration, "Premier entretien", series=series, series_number=1, date=datetime.date(2019, 3, 1)
    )
    make_article(exploration, "Deuxième en brouillon", series=series, series_number=2, live=False)
    essay = make_article(exploration, "Un essai récent", kind="essay", date=datetime.date(2020, 5, 1))
    older = make_article(exploration, "Un reportage ancien", kind="report", date=datetime.date(2018, 5, 1))

    section = articles_section(assert_accessible_page(get_page(client, exploration)))

    assert '<h3 class="article-list__series">Entretiens Mille Lieux</h3>' in section
    assert '<h3 class="article-list__series">Autres articles</h3>' in section
    assert (
        f'<a href="{url_of(first)}">Premier entretien <span class="series-label">(1/8)</span></a>' in section
    )
    assert (
        f'<a href="{url_of(third)}">Troisième entretien <span class="series-label">(3/8)</span></a>'
        in section
    )
    assert (
        position(section, "Premier entretien")
        < position(section, "Troisième entretien")
        < position(section, "Autres articles")
        < position(section, url_of(essay))
        < position(section, url_of(older))
    )
    assert "brouillon" not in section
    assert "Essai, " in section and "Reportage, " in section


def test_an_exploration_without_series_lists_its_articles_newest_first_without_series_headings(
    client, exploration
):
    old = make_article(exploration, "Un essai ancien", kind="essay", date=datetime.date(2018, 1, 1))
    new = make_article(exploration, "Un essai récent", kind="essay", date=datetime.date(2020, 1, 1))

    section = articles_section(get_page(client, exploration).content.decode())

    assert "<h3" not in section
    assert position(section, url_of(new)) < position(section, url_of(old))


def test_an_event_without_vote_counts_lists_the_impacts_and_marks_the_chosen_ones_without_dashes(
    client, exploration
):
    chosen = make_impact(exploration, "Faire la ville autrement")
    other = make_impact(exploration, "Des connexions entre acteurs")
    also_chosen = make_impact(exploration, "Des tiers de confiance")
    event = make_event(
        exploration,
        vote_question="Quels impacts mettre en débat ?",
        vote_options=[
            {"impact": other},
            {"impact": chosen, "chosen": True},
            {"impact": also_chosen, "chosen": True},
        ],
    )

    html = assert_accessible_page(get_page(client, event))

    assert "<table" not in html
    assert "–" not in html and "non communiqué" not in html and "non renseigné" not in html
    options = re.findall(r'<li class="vote-option( is-chosen)?">(.*?)</li>', html, flags=re.S)
    assert [(bool(mark), "retenu pour le débat" in text) for mark, text in options] == [
        (True, True),
        (True, True),
        (False, False),
    ]
    # The chosen ones first, in the editor's order; each impact linked.
    assert (
        "Faire la ville" in options[0][1]
        and "tiers de confiance" in options[1][1]
        and "connexions" in options[2][1]
    )
    assert f'href="{url_of(chosen)}"' in options[0][1]
    assert '<p class="vote-question" id="vote-question">Quels impacts mettre en débat ?</p>' in html
    # What is not published is said once, in a sentence.
    assert "Non publiés : le lieu, le nombre de participants et le nombre de voix." in html


def test_an_event_with_vote_counts_keeps_the_table_with_bars(client, exploration):
    event = make_event(
        exploration,
        venue="La Gaîté Lyrique, Paris",
        participants_count=200,
        vote_options=[
            {"impact": make_impact(exploration, "Créer des communs"), "votes": 120, "chosen": True},
            {"impact": make_impact(exploration, "Réinventer le travail"), "votes": 80},
        ],
    )

    html = assert_accessible_page(get_page(client, event))

    assert '<table class="vote-results">' in html and 'class="bar__fill" style="width: 60%"' in html
    assert 'class="vote-options"' not in html
    assert "Non publié" not in html


def test_an_event_says_in_the_singular_what_alone_is_not_published(client, exploration):
    event = make_event(exploration, venue="Hôtel Pasteur, Rennes")

    html = get_page(client, event).content.decode()

    assert "Non publié : le nombre de participants." in html
    assert "Le vote" not in html
