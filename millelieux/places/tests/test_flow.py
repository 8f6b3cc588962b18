"""Going on from a monograph: the previous and next monographs, and other places sharing an impact."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.core.tests.pages import assert_accessible_page, get_page, position, url_of
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def pager(html):
    match = re.search(r'<nav class="pager print-hidden" aria-label="([^"]*)">(.*?)</nav>', html, flags=re.S)
    assert match, "no previous/next navigation"
    return match.group(1), match.group(2)


def continue_section(html):
    match = re.search(r'<section id="continuer".*?</section>', html, flags=re.S)
    return match.group(0) if match else ""


def query_count(client, page):
    client.get(url_of(page))  # warms the site and locale caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url_of(page)).status_code == 200
    return len(queries)


def test_a_monograph_links_to_the_previous_and_next_ones_in_alphabetical_order(client, exploration):
    coroutine = make_place(exploration, title="La Coroutine", commune_name="Lille")
    darwin = make_place(exploration, title="Darwin", commune_name="Bordeaux")
    pasteur = make_place(exploration, title="Hôtel Pasteur", commune_name="Rennes")
    make_place(exploration, title="Le Brouillon", live=False)
    other = make_place(make_exploration("Sharitories", slug="sharitories"), title="Fabrique d'ailleurs")

    html = assert_accessible_page(get_page(client, pasteur))

    label, nav = pager(html)
    assert label == "Monographies précédente et suivante"
    assert f'<a href="{url_of(darwin)}" rel="prev">' in nav and "Bordeaux" in nav
    assert f'<a href="{url_of(coroutine)}" rel="next">' in nav and "Lille" in nav
    assert "Monographie précédente" in nav and "Monographie suivante" in nav
    assert "Toutes les monographies" in nav
    assert url_of(other) not in nav


def test_the_first_monograph_has_no_previous_and_the_last_no_next_and_drafts_are_skipped(client, exploration):
    first = make_place(exploration, title="Darwin")
    make_place(exploration, title="Hôtel Pasteur", live=False)
    last = make_place(exploration, title="Les Usines")

    _label, first_nav = pager(get_page(client, first).content.decode())
    _label, last_nav = pager(get_page(client, last).content.decode())

    assert 'rel="prev"' not in first_nav and f'<a href="{url_of(last)}" rel="next">' in first_nav
    assert 'rel="next"' not in last_nav and f'<a href="{url_of(first)}" rel="prev">' in last_nav
    assert "Hôtel Pasteur" not in first_nav + last_nav


def test_a_monograph_alone_in_its_exploration_has_no_previous_and_next(client, exploration):
    html = get_page(client, make_place(exploration)).content.decode()

    assert 'rel="prev"' not in html and 'rel="next"' not in html
    assert 'id="continuer"' not in html


def test_the_continue_links_name_the_impact_each_place_shares_with_this_one(client, exploration):
    commons = make_impact(exploration, "Créer des communs")
    work = make_impact(exploration, "Réinventer le travail")
    here = make_place(exploration, title="Hôtel Pasteur")
    make_evidence(here, commons, strength=3)
    make_evidence(here, work, strength=1)
    darwin = make_place(exploration, title="Darwin", commune_name="Bordeaux")
    make_evidence(darwin, commons, strength=2)
    usines = make_place(exploration, title="Les Usines", commune_name="Ligugé")
    make_evidence(usines, work, strength=3)

    html = assert_accessible_page(get_page(client, here))

    section = continue_section(html)
    assert '<h2 id="continue-title">Continuer avec un autre lieu</h2>' in section
    # Each link goes to the same impact on the other monograph, and says which impact it is.
    assert (
        f'<a href="{url_of(darwin)}#observation-{commons.slug}">Darwin'
        '<span class="visually-hidden">, qui partage l\'impact « Créer des communs »</span></a>'
    ) in section
    assert f'<a href="{url_of(usines)}#observation-{work.slug}">Les Usines' in section
    assert f'<a href="{url_of(commons)}">Créer des communs</a>' in section
    # The impacts in the order of "Impacts observés ici" (strongest here first).
    assert (
        position(section, "Créer des communs") < position(section, "Darwin") < position(section, "Réinventer")
    )
    assert position(section, "Réinventer le travail") < position(section, "Les Usines")
    # The continue section comes after the related articles, the pager last.
    assert position(html, 'id="continuer"') < position(html, 'class="pager print-hidden"')


def test_the_continue_links_skip_drafts_the_place_itself_and_draft_impacts(client, exploration):
    commons = make_impact(exploration, "Créer des communs")
    hidden_impact = make_impact(exploration, "Impact en brouillon", live=False)
    here = make_place(exploration, title="Hôtel Pasteur")
    make_evidence(here, commons)
    make_evidence(here, hidden_impact)
    draft = make_place(exploration, title="Lieu en brouillon", live=False)
    make_evidence(draft, commons)
    make_evidence(draft, hidden_impact)
    alone = make_place(exploration, title="Darwin")
    make_evidence(alone, hidden_impact)

    html = get_page(client, here).content.decode()

    assert 'id="continuer"' not in html  # nothing left to go on to
    assert "Lieu en brouillon" not in html


def test_the_continue_links_keep_the_two_strongest_places_per_impact(client, exploration):
    commons = make_impact(exploration, "Créer des communs")
    here = make_place(exploration, title="Hôtel Pasteur")
    make_evidence(here, commons)
    for title, strength in (("Aa faible", 1), ("Bb forte", 3), ("Cc marquée", 2), ("Dd forte", 3)):
        make_evidence(make_place(exploration, title=title), commons, strength=strength)

    section = continue_section(get_page(client, here).content.decode())

    assert "Bb forte" in section and "Dd forte" in section
    assert "Aa faible" not in section and "Cc marquée" not in section
    assert position(section, "Bb forte") < position(section, "Dd forte")


def test_the_monograph_runs_as_many_queries_with_many_places_sharing_its_impacts_as_with_few(client):
    def build(exploration, places):
        impacts = [make_impact(exploration, f"Impact {n}") for n in range(3)]
        pages = [make_place(exploration, title=f"Lieu {n:03d}") for n in range(places)]
        for page in pages:
            for impact in impacts:
                make_evidence(page, impact)
        return pages[len(pages) // 2]

    small = build(make_exploration("Petite", slug="petite"), 3)
    large = build(make_exploration("Grande", slug="grande"), 30)

    assert query_count(client, small) == query_count(client, large)


def test_monographs_in_a_private_section_are_neither_neighbours_nor_continuations(client, exploration):
    from wagtail.models import PageViewRestriction

    commons = make_impact(exploration, "Créer des communs")
    first = make_place(exploration, title="Aa premier")
    hidden = make_place(exploration, title="Bb réservé")
    last = make_place(exploration, title="Cc dernier")
    for page in (first, hidden, last):
        make_evidence(page, commons)
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="secret")

    html = get_page(client, first).content.decode()

    _label, nav = pager(html)
    assert f'<a href="{url_of(last)}" rel="next">' in nav
    assert "Bb réservé" not in html
    assert "Cc dernier" in continue_section(html)


def test_monographs_of_the_same_title_follow_each_other_in_the_order_they_were_made(client, exploration):
    first, second, third = (
        make_place(exploration, title="Même titre", commune_name=f"Ville {n}") for n in range(3)
    )

    _label, nav = pager(get_page(client, second).content.decode())

    assert f'<a href="{url_of(first)}" rel="prev">' in nav and "Ville 0" in nav
    assert f'<a href="{url_of(third)}" rel="next">' in nav and "Ville 2" in nav
