"""Public pages of places: the terrains index and the monograph (technical sheet, timeline, stakeholders…)."""

import re
from decimal import Decimal

import pytest
from pytest_django.asserts import assertInHTML
from wagtail.rich_text import RichText

from millelieux.articles.factories import make_article
from millelieux.core.tests.pages import assert_accessible_page, get_page, position, preview_new_page, url_of
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.impacts.models import Evidence
from millelieux.places.factories import make_activity, make_place
from millelieux.places.models import PlaceFactSource, PlacePage, Stakeholder, TimelineEvent
from millelieux.sources.models import Source
from millelieux.territories.models import Commune, Department, Epci, Region

pytestmark = pytest.mark.django_db

NOT_GIVEN = '<span class="not-given">non renseigné</span>'


def sheet_row(html, label):
    """The <dd> content of the technical sheet's row `label`."""
    match = re.search(r"<div><dt>" + re.escape(label) + r"</dt><dd>(.*?)</dd></div>", html, flags=re.S)
    assert match, f"no row {label!r} in the technical sheet"
    return match.group(1).strip()


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def test_the_index_shows_a_card_per_published_place(client, exploration):
    place = make_place(
        exploration,
        title="La Quincaillerie",
        commune_name="Guéret",
        summary="Un tiers-lieu numérique.",
        activities=["Fablab", "Coworking"],
    )
    make_place(exploration, title="Lieu en brouillon", live=False)

    html = assert_accessible_page(get_page(client, place.get_parent().specific))

    assertInHTML(f'<h2 class="card__title"><a href="{url_of(place)}">La Quincaillerie</a></h2>', html)
    assert "Guéret" in html and "Un tiers-lieu numérique." in html
    assertInHTML('<ul class="tags" aria-label="Activités"><li>Coworking</li><li>Fablab</li></ul>', html)
    assert "Lieu en brouillon" not in html


def test_the_technical_sheet_shows_every_figure(client, exploration):
    place = make_place(
        exploration,
        title="Hôtel Pasteur",
        commune_code="35238",
        commune_name="Rennes",
        address="2 place Pasteur",
        latitude=Decimal("48.110400"),
        longitude=Decimal("-1.673600"),
        opening_year=2013,
        legal_form="Association loi 1901",
        governance="Collégiale.",
        surface_m2=4500,
        members_count=1200,
        team_size=1,
        business_model="Subventions et participations.",
        website="https://www.hotelpasteur.fr",
        activities=["Coworking"],
        revenue_shares=[
            {"source": "Subventions", "percent": 55},
            {"source": "Location d'espaces", "percent": 45},
        ],
    )

    html = assert_accessible_page(get_page(client, place))

    assert "Rennes" in sheet_row(html, "Commune") and "code INSEE 35238" in sheet_row(html, "Commune")
    assert sheet_row(html, "Adresse") == "2 place Pasteur"
    assert "latitude 48,110400, longitude -1,673600" in sheet_row(html, "Coordonnées")
    assert "mlat=48.110400&amp;mlon=-1.673600" in sheet_row(html, "Coordonnées")
    assert sheet_row(html, "Année d'ouverture") == "2013"
    assert sheet_row(html, "Forme juridique") == "Association loi 1901"
    assert sheet_row(html, "Gouvernance") == "Collégiale."
    assert sheet_row(html, "Surface") == "4\xa0500&nbsp;m²"
    assert sheet_row(html, "Membres ou usagers") == "1\xa0200"
    assert sheet_row(html, "Équipe salariée") == "1 personne"
    assert sheet_row(html, "Modèle économique") == "Subventions et participations."
    shares = sheet_row(html, "Répartition des recettes")
    assert position(shares, "Subventions") < position(shares, "Location d&#x27;espaces")
    assert '<span class="share__value">55&nbsp;%</span>' in shares
    assert 'style="width: 45%"' in shares
    assert "<li>Coworking</li>" in sheet_row(html, "Activités")
    assert 'href="https://www.hotelpasteur.fr"' in sheet_row(html, "Site web")
    assert "non renseigné" not in html


def test_every_empty_value_of_the_sheet_says_non_renseigne(client, exploration):
    place = make_place(exploration, title="Lieu discret", latitude=None, longitude=None, opening_year=None)

    html = assert_accessible_page(get_page(client, place))

    for label in (
        "Adresse",
        "Coordonnées",
        "Année d'ouverture",
        "Forme juridique",
        "Gouvernance",
        "Surface",
        "Membres ou usagers",
        "Équipe salariée",
        "Modèle économique",
        "Répartition des recettes",
        "Activités",
        "Site web",
    ):
        assert sheet_row(html, label) == NOT_GIVEN, label
    # Territory rows only appear once the commune data is loaded.
    assert "Population municipale" not in html


def test_a_team_of_zero_is_a_figure_not_a_missing_value(client, exploration):
    place = make_place(exploration, team_size=0, surface_m2=0)

    html = get_page(client, place).content.decode()

    assert sheet_row(html, "Équipe salariée").startswith("0 personne")  # "personnes" until a French catalogue
    assert sheet_row(html, "Surface") == "0&nbsp;m²"


def test_the_sheet_places_the_commune_in_its_territory_when_the_data_is_loaded(client, exploration):
    region = Region.objects.create(code="53", name="Bretagne")
    department = Department.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    epci = Epci.objects.create(code="243500139", name="Rennes Métropole")
    Commune.objects.create(code="35238", name="Rennes", population=222485, department=department, epci=epci)
    Commune.objects.create(code="22113", name="Lannion", population=None)
    rennes = make_place(exploration, title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")
    lannion = make_place(exploration, title="Un lieu à Lannion", commune_code="22113", commune_name="Lannion")

    html = get_page(client, rennes).content.decode()
    assert sheet_row(html, "Population municipale") == "222\xa0485 habitants"
    assert sheet_row(html, "Département") == "Ille-et-Vilaine (35)"
    assert sheet_row(html, "Région") == "Bretagne"
    assert sheet_row(html, "Intercommunalité") == "Rennes Métropole"

    html = get_page(client, lannion).content.decode()
    for label in ("Population municipale", "Département", "Région", "Intercommunalité"):
        assert sheet_row(html, label) == NOT_GIVEN, label


def test_the_timeline_is_in_chronological_order(client, exploration):
    place = make_place(
        exploration,
        timeline_events=[
            {"start_year": 2016, "title": "Ouverture de l'école", "kind": "opening"},
            {
                "start_year": 2012,
                "start_month": 3,
                "end_year": 2014,
                "title": "Premières occupations",
                "kind": "origin",
                "text": "Une friche ouverte.",
            },
            {"start_year": 2013, "title": "Création de l'association", "kind": "governance"},
            {"start_year": 2012, "title": "Un projet en germe", "kind": "other"},
        ],
    )

    html = assert_accessible_page(get_page(client, place))

    timeline = html[position(html, '<ol class="timeline">') :]
    titles = re.findall(r'<h3 class="timeline__title">(.*?)</h3>', timeline)
    assert titles == [
        "Un projet en germe",
        "Premières occupations",
        "Création de l&#x27;association",
        "Ouverture de l&#x27;école",
    ]
    assert '<time datetime="2012-03">mars 2012</time>' in timeline
    assert '<time datetime="2014">2014</time>' in timeline  # the end of the period
    assert '<p class="timeline__kind">Origine du projet</p>' in timeline
    assert "Une friche ouverte." in timeline


def test_the_stakeholders_are_grouped_by_kind_with_their_scale_and_relation(client, exploration):
    place = make_place(
        exploration,
        stakeholders=[
            {"name": "Région Bretagne", "kind": "funder", "scale": "regional"},
            {
                "name": "Ville de Rennes",
                "kind": "public_authority",
                "scale": "local",
                "relation": "Propriétaire du bâtiment.",
            },
            {"name": "Habitants du quartier", "kind": "neighbour"},
            {"name": "Rennes Métropole", "kind": "public_authority", "scale": "intercommunal"},
        ],
    )

    html = assert_accessible_page(get_page(client, place))

    section = html[position(html, 'id="parties-prenantes"') :]
    groups = re.findall(r'<h3 id="stakeholders-\d+">(.*?)</h3>', section)
    assert groups == ["Collectivité ou service public", "Financeur", "Voisinage"]
    assert (
        position(section, "Ville de Rennes")
        < position(section, "Rennes Métropole")
        < position(section, "Région Bretagne")
    )
    assert "échelle : Quartier ou commune" in section
    assert "Propriétaire du bâtiment." in section


def test_the_impacts_observed_here_link_to_their_impact_with_their_nature_and_strength(client, exploration):
    place = make_place(exploration, title="Hôtel Pasteur")
    commons = make_impact(exploration, "Créer des communs")
    limit = make_impact(exploration, "Une gentrification possible", kind="limit")
    draft = make_impact(exploration, "Impact en brouillon", live=False)
    make_evidence(
        place,
        commons,
        text="Un atelier partagé.",
        quote="Ici tout le monde bricole.",
        strength=3,
        source=Source.objects.create(
            title="Entretien avec l'équipe", publisher="Le Lab", url="https://example.org/e"
        ),
    )
    make_evidence(place, limit, text="Les loyers montent.", strength=1)
    make_evidence(place, draft, text="Pas encore publié.")

    html = assert_accessible_page(get_page(client, place))

    section = html[position(html, 'id="impacts"') :]
    assertInHTML(f'<h3 class="evidence__title"><a href="{url_of(commons)}">Créer des communs</a></h3>', html)
    assert f'href="{url_of(limit)}"' in section
    assert position(section, "Créer des communs") < position(section, "Une gentrification possible")
    assert "Externalité positive</span>" in section and "Limite</span>" in section
    assert "Intensité : Forte" in section and "Intensité : Faible" in section
    assertInHTML('<blockquote class="evidence__quote"><p>Ici tout le monde bricole.</p></blockquote>', html)
    assertInHTML(
        '<span class="citation">Source : <a href="https://example.org/e"><cite>Entretien avec l\'équipe</cite></a>, '
        "Le Lab</span>",
        html,
    )
    assert "Impact en brouillon" not in html and "Pas encore publié." not in html


def test_the_sheet_the_timeline_and_the_stakeholders_cite_their_sources(client, exploration):
    place = make_place(exploration, title="Hôtel Pasteur", surface_m2=5500)
    report = Source.objects.create(
        title="Hôtel Pasteur",
        publisher="Territoires Publics",
        url="https://example.org/pasteur",
        date="2022-11-24",
    )
    press = Source.objects.create(title="Un article sans adresse", publisher="Un journal")
    PlaceFactSource.objects.create(place=place, fact="surface_m2", source=report)
    TimelineEvent.objects.create(place=place, start_year=2015, title="Réhabilitation", source=report)
    Stakeholder.objects.create(place=place, name="Ville de Rennes", kind="public_authority", source=press)

    html = assert_accessible_page(get_page(client, place))

    sheet = html[position(html, 'id="fiche-technique"') : position(html, 'id="frise"')]
    assertInHTML(
        '<li><span class="sheet__fact">Surface</span> : <span class="citation"><a href="https://example.org/pasteur">'
        '<cite>Hôtel Pasteur</cite></a>, Territoires Publics, <time datetime="2022-11-24">24 novembre 2022</time>'
        "</span></li>",
        html,
    )
    assert "sheet__fact" in sheet
    timeline = html[position(html, 'id="frise"') : position(html, 'id="parties-prenantes"')]
    assert 'href="https://example.org/pasteur"' in timeline
    stakeholders = html[position(html, 'id="parties-prenantes"') :]
    assert (
        '<span class="citation">Source : <cite>Un article sans adresse</cite>, Un journal</span>'
        in stakeholders
    )


def test_the_narrative_and_the_related_articles_are_shown(client, exploration):
    place = make_place(
        exploration,
        title="Hôtel Pasteur",
        body=[("heading", "Une friche"), ("paragraph", RichText("<p>Une ancienne faculté.</p>"))],
    )
    make_article(exploration, "Entretien avec Camille", related_places=[place])
    make_article(exploration, "Article en brouillon", related_places=[place], live=False)

    html = assert_accessible_page(get_page(client, place))

    assert '<h3 class="narrative-heading">Une friche</h3>' in html
    assert "Une ancienne faculté." in html
    assert "Articles liés" in html and "Entretien avec Camille" in html
    assert "Article en brouillon" not in html


def test_a_monograph_without_narrative_hides_the_empty_sections(client, exploration):
    html = get_page(client, make_place(exploration)).content.decode()

    for section in ('id="recit"', 'id="frise"', 'id="parties-prenantes"', 'id="impacts"', "Articles liés"):
        assert section not in html, section
    assert 'href="#fiche-technique"' in html


def test_a_draft_monograph_is_not_shown(client, exploration):
    draft = make_place(exploration, title="Lieu en brouillon", live=False)

    html = get_page(client, url_of(draft), status=404).content.decode()

    assert "Page introuvable" in html


def test_a_monograph_previewed_before_its_creation_renders_with_its_unsaved_rows(exploration):
    impact = make_impact(exploration, "Créer des communs")
    index = make_place(exploration).get_parent().specific
    page = PlacePage(title="Un lieu à venir", summary="Bientôt.", commune_code="23096", commune_name="Guéret")
    page.activities = [make_activity("Fablab")]
    page.timeline_events = [TimelineEvent(start_year=2020, title="Une idée")]
    page.evidence = [Evidence(impact=impact, text="Déjà visible.", strength=2)]

    html = preview_new_page(index, page)

    assert "<h1>Un lieu à venir</h1>" in html
    assert "<li>Fablab</li>" in html and "Une idée" in html
    assert "Créer des communs" in html and "Déjà visible." in html
