"""Public pages of explorations: the index, an exploration, its partners sub-page, an event, previews."""

import datetime
import re

import pytest
from pytest_django.asserts import assertInHTML
from wagtail.rich_text import RichText

from millelieux.articles.factories import make_article
from millelieux.core.tests.pages import (
    assert_accessible_page,
    get_page,
    position,
    preview,
    preview_new_page,
    url_of,
)
from millelieux.explorations.factories import (
    make_event,
    make_exploration,
    make_exploration_index,
    make_field,
    make_partner,
    make_partnership,
)
from millelieux.explorations.models import EventPage, EventVoteOption, ExplorationPage, ExplorationPartnership
from millelieux.impacts.factories import make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def partners_url(exploration):
    return url_of(exploration) + "partenaires/"


def nav_link(html, label):
    """The opening <a …> tag of the main navigation link named `label`."""
    nav = html[html.index('class="site-nav"') :]
    nav = nav[: nav.index("</nav>")]
    match = re.search(r"(<a [^>]*>)" + re.escape(label) + "</a>", nav)
    assert match, f"no navigation link {label!r}"
    return match.group(1)


def test_the_index_lists_published_explorations_only(client):
    mille_lieux = make_exploration("Mille Lieux", period_start=2019, organisation="La 27e Région")
    make_exploration("Sharitories", period_start=2017, period_end=2018, slug="sharitories")
    make_exploration("Brouillon", live=False)

    html = assert_accessible_page(get_page(client, mille_lieux.get_parent().specific))

    assert "Mille Lieux" in html and "La 27e Région" in html
    assert "2017–2018" in html
    assert "Brouillon" not in html
    assert position(html, "Mille Lieux</a></h2>") < position(html, "Sharitories</a></h2>")


def test_an_exploration_page_shows_its_whole_content(client):
    exploration = make_exploration(
        "Mille Lieux",
        subtitle="Les tiers-lieux et leurs impacts",
        organisation="La 27e Région",
        period_start=2018,
        period_end=2019,
        summary="Huit lieux, huit impacts.",
        foreword=[("paragraph", RichText("<p>Un avant-propos.</p>"))],
        method=[("paragraph", RichText("<p>Une méthode d'enquête.</p>"))],
    )
    field = make_field(exploration, "Les communs", colour="#aa3300", description="Ce qui se partage.")
    make_field(exploration, "Champ en préparation", live=False)
    place = make_place(exploration, title="La Quincaillerie", commune_name="Guéret")
    impact = make_impact(exploration, "Créer des communs")
    article = make_article(exploration, "Entretien avec Camille")
    event = make_event(exploration, title="Soirée de restitution")
    make_partnership(exploration, make_partner("ADEME"), role="Financeur")
    make_partnership(exploration, make_partner("Partenaire caché", live=False), role="Mécène")

    html = assert_accessible_page(get_page(client, exploration))

    for text in (
        "<h1>Mille Lieux</h1>",
        "Les tiers-lieux et leurs impacts",
        "La 27e Région",
        "2018–2019",
        "Huit lieux, huit impacts.",
        "Un avant-propos.",
        "Une méthode d'enquête.",
        "Ce qui se partage.",
        "ADEME",
        "Financeur",
    ):
        assert text in html, text
    assert 'style="--field-colour: #aa3300"' in html and field.title in html
    assert "Champ en préparation" not in html
    assert "Partenaire caché" not in html
    for page in (place, impact, article, event):
        assert f'href="{url_of(page)}"' in html, page
    assert f'href="{partners_url(exploration)}"' in html
    assert 'aria-current="page"' in nav_link(html, "Mille Lieux")


def test_an_exploration_without_content_hides_the_empty_sections(client):
    exploration = make_exploration("Mille Lieux")

    html = assert_accessible_page(get_page(client, exploration))

    for heading in (
        "Avant-propos",
        "Champs d'exploration",
        "Deux entrées",
        "Méthode",
        "Derniers articles",
        "Événements",
        "Partenaires</h2>",
    ):
        assert heading not in html, heading


def test_a_draft_exploration_is_not_shown(client):
    draft = make_exploration("Brouillon", live=False)

    response = get_page(client, url_of(draft), status=404)
    assert "Page introuvable" in response.content.decode()


def test_the_navigation_marks_the_current_section(client):
    exploration = make_exploration("Mille Lieux")
    place = make_place(exploration)
    make_impact(exploration)

    html = get_page(client, place).content.decode()

    assert 'aria-current="true"' in nav_link(html, "Lieux étudiés")
    assert "aria-current" not in nav_link(html, "Impacts")
    assert "aria-current" not in nav_link(html, "Mille Lieux")
    index_html = get_page(client, place.get_parent().specific).content.decode()
    assert 'aria-current="page"' in nav_link(index_html, "Lieux étudiés")


def test_the_partners_subpage_lists_the_published_partners_with_their_role(client):
    exploration = make_exploration("Mille Lieux")
    make_partnership(
        exploration,
        make_partner(
            "ADEME", url="https://www.ademe.fr", description="L'agence de la transition écologique."
        ),
        role="Financeur",
    )
    make_partnership(exploration, make_partner("Transdev"), role="Mécène")
    make_partnership(exploration, make_partner("Partenaire en brouillon", live=False), role="Soutien")

    html = assert_accessible_page(get_page(client, partners_url(exploration)))

    assert "<h1>Partenaires</h1>" in html
    assertInHTML('<h2 class="partner__name"><a href="https://www.ademe.fr">ADEME</a></h2>', html)
    assert "L&#x27;agence de la transition écologique." in html
    assert '<p class="partner__role">Financeur</p>' in html
    assert "Transdev" in html and "Mécène" in html
    assert "Partenaire en brouillon" not in html
    assert 'aria-current="page"' in nav_link(html, "Partenaires")
    assert "aria-current" not in nav_link(html, "Mille Lieux")
    assert '<span aria-current="page">Partenaires</span>' in html  # breadcrumbs


def test_the_partners_subpage_of_an_exploration_without_partners_says_so(client):
    exploration = make_exploration("Mille Lieux")

    html = get_page(client, partners_url(exploration)).content.decode()

    assert "Aucun partenaire" in html


def test_an_event_page_shows_the_vote_as_a_table_with_shares_and_the_chosen_impacts(client):
    exploration = make_exploration("Mille Lieux")
    commons = make_impact(exploration, "Créer des communs")
    gentrification = make_impact(exploration, "Une gentrification possible", kind="limit")
    work = make_impact(exploration, "Réinventer le travail")
    event = make_event(
        exploration,
        title="Soirée de restitution",
        date=datetime.date(2019, 6, 20),
        venue="La Gaîté Lyrique, Paris",
        participants_count=1200,
        vote_question="Quels impacts mettre en débat ?",
        restitution=[("heading", "Ce qui s'est dit"), ("paragraph", RichText("<p>Un débat animé.</p>"))],
        vote_options=[
            {"impact": work, "votes": 40},
            {"impact": commons, "votes": 120, "chosen": True},
            {"impact": gentrification, "votes": 95, "chosen": True},
        ],
    )

    html = assert_accessible_page(get_page(client, event))

    assert '<time datetime="2019-06-20">20 juin 2019</time>' in html
    assert "La Gaîté Lyrique, Paris" in html
    assert "1\xa0200" in html  # participants, grouped the French way
    assert '<caption id="vote-caption">Quels impacts mettre en débat ?</caption>' in html
    assert '<th scope="col" class="num">Voix</th>' in html
    # Chosen first, then by votes; shares written in text, not only drawn.
    rows = re.findall(r'<tr(?: class="is-chosen")?>.*?</tr>', html, flags=re.S)[1:]
    assert [("Créer des communs" in r, "gentrification" in r, "travail" in r) for r in rows] == [
        (True, False, False),
        (False, True, False),
        (False, False, True),
    ]
    assert "47&nbsp;%" in rows[0] and "37&nbsp;%" in rows[1] and "16&nbsp;%" in rows[2]
    assert html.count("Retenu pour le débat") == 2
    assert 'class="is-chosen"' in rows[0] and 'class="is-chosen"' not in rows[2]
    assert f'href="{url_of(commons)}"' in rows[0]
    assert "Un débat animé." in html
    assert '<h3 class="narrative-heading">Ce qui s&#x27;est dit</h3>' in html


def test_an_event_with_some_counts_unknown_keeps_the_table_and_says_which_are_not_known(client):
    exploration = make_exploration("Mille Lieux")
    event = make_event(
        exploration,
        vote_options=[
            {"impact": make_impact(exploration, "Créer des communs"), "votes": 30, "chosen": True},
            {"impact": make_impact(exploration, "Réinventer le travail")},
        ],
    )

    html = assert_accessible_page(get_page(client, event))

    assert "<table" in html and "non communiqué" in html
    assert "Retenu pour le débat" in html


def test_an_event_without_vote_has_no_vote_section(client):
    event = make_event(make_exploration("Mille Lieux"))

    html = assert_accessible_page(get_page(client, event))

    assert "<table" not in html
    assert "Le vote" not in html


def test_the_preview_of_a_field_renders_without_a_page():
    field = make_field(
        make_exploration("Mille Lieux"),
        "La transition écologique",
        colour="#336699",
        description="Ce que les lieux font pour le climat.",
    )

    html = preview(field)

    assert "La transition écologique" in html
    assert "Ce que les lieux font pour le climat." in html
    assert 'style="--field-colour: #336699"' in html
    assert "Fil d'Ariane" not in html


def test_the_preview_of_a_partner_renders_without_a_page():
    partner = make_partner("ADEME", url="https://www.ademe.fr", description="Agence publique.")

    html = preview(partner)

    assert '<a href="https://www.ademe.fr">ADEME</a>' in html
    assert "Agence publique." in html


def test_an_exploration_previewed_before_its_creation_renders():
    partner = make_partner("ADEME")
    page = ExplorationPage(
        title="Nouvelle exploration",
        period_start=2024,
        summary="Bientôt.",
        foreword=[("paragraph", RichText("<p>Un avant-propos.</p>"))],
    )
    page.partnerships = [ExplorationPartnership(partner=partner, role="Financeur")]

    html = preview_new_page(make_exploration_index(), page)

    assert "<h1>Nouvelle exploration</h1>" in html
    assert "Un avant-propos." in html
    assert "ADEME" in html


def test_an_event_previewed_before_its_creation_renders():
    exploration = make_exploration("Mille Lieux")
    impact = make_impact(exploration, "Créer des communs")
    page = EventPage(title="Une soirée à venir", date=datetime.date(2024, 5, 2), summary="Bientôt.")
    page.vote_options = [EventVoteOption(impact=impact, votes=10, chosen=True)]

    html = preview_new_page(exploration, page)

    assert "<h1>Une soirée à venir</h1>" in html
    assert "Créer des communs" in html and "100&nbsp;%" in html
