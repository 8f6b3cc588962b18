"""Every page says what it is in schema.org terms (one JSON-LD script in its head) and carries an OpenGraph card
with absolute addresses; no text of the study can end the script; under /en/ the card and the links follow the
English interface."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils.html import escape

from millelieux.articles.factories import make_article
from millelieux.articles.models import ArticlePage
from millelieux.core.factories import make_image
from millelieux.core.linked_data import script_json
from millelieux.core.models import HomePage
from millelieux.core.tests.pages import get_page, url_of
from millelieux.explorations.factories import (
    make_event,
    make_exploration,
    make_exploration_index,
    make_partner,
    make_partnership,
)
from millelieux.explorations.models import EventPage, ExplorationPage
from millelieux.impacts.factories import make_evidence, make_impact, make_impact_index
from millelieux.impacts.models import ImpactPage
from millelieux.places.factories import make_place, make_place_index
from millelieux.places.models import PlacePage
from millelieux.sources.factories import make_source

pytestmark = pytest.mark.django_db
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
META = re.compile(r'<meta property="(og:[a-z_:]+)" content="([^"]*)">')


def linked_data(response):
    """The one JSON-LD node of a page, parsed."""
    html = response.content.decode()
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 1, scripts
    head = html[: html.index("</head>")]
    assert scripts[0] in head  # in the head, not the body
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return data


def opengraph(response):
    found = {}
    for name, value in META.findall(response.content.decode()):
        found.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in found.items()}


@pytest.fixture
def study():
    """An exploration with one page of each type, linked to each other."""
    exploration = make_exploration(
        "Mille Lieux",
        slug="mille-lieux",
        organisation="Le Lab Ouishare x Chronos",
        period_start=2018,
        period_end=2019,
        content_licence="CC-BY-4.0",
    )
    make_place_index(exploration)
    make_impact_index(exploration)
    pasteur = make_place(
        exploration,
        "Hôtel Pasteur",
        commune_code="35238",
        commune_name="Rennes",
        address="2 place Pasteur",
        latitude=Decimal("48.110431"),
        longitude=Decimal("-1.674030"),
        website="https://www.hotelpasteur.fr",
    )
    guéret = make_place(
        exploration,
        "La Quincaillerie",
        commune_code="23096",
        commune_name="Guéret",
        latitude=None,
        longitude=None,
    )
    commons = make_impact(exploration, "Créer des communs", kind="positive")
    make_evidence(pasteur, commons)
    article = make_article(
        exploration,
        "Entretien à l'Hôtel Pasteur",
        related_places=[pasteur],
        related_impacts=[commons],
        interviewees=[{"name": "Camille Martin", "role": "coordinatrice", "organisation": "Hôtel Pasteur"}],
        date=datetime.date(2019, 5, 2),
    )
    event = make_event(
        exploration, "Soirée de clôture", date=datetime.date(2019, 6, 20), venue="La Gaîté Lyrique"
    )
    make_partnership(exploration, make_partner("ADEME", url="https://www.ademe.fr"), role="Financeur")
    return exploration, pasteur, guéret, commons, article, event


def test_every_page_type_carries_one_json_ld_node_of_its_schema_org_type(client, study):
    exploration, pasteur, _guéret, commons, article, event = study
    expected = {
        HomePage.objects.get(): "WebSite",
        make_exploration_index(): "CollectionPage",
        exploration: "CreativeWork",
        exploration.place_index: "CollectionPage",
        pasteur: "Place",
        exploration.impact_index: "CollectionPage",
        commons: "CreativeWork",
        exploration.article_index: "CollectionPage",
        article: "Article",
        event: "Event",
    }
    for page, schema_type in expected.items():
        data = linked_data(get_page(client, page))
        assert data["@type"] == schema_type, page
        address = "http://testserver" + url_of(page)
        assert data["@id"] == data["url"] == address, page
        assert data["name"] == page.title


def test_the_exploration_names_its_organisation_partners_period_and_licence(client, study):
    exploration = study[0]

    data = linked_data(get_page(client, exploration))

    assert data["creator"] == {"@type": "Organization", "name": "Le Lab Ouishare x Chronos"}
    assert data["funder"] == [
        {
            "@type": "Organization",
            "@id": "https://www.ademe.fr",
            "url": "https://www.ademe.fr",
            "name": "ADEME",
        }
    ]
    assert data["temporalCoverage"] == "2018/2019"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["inLanguage"] == "fr"


def test_a_place_with_coordinates_has_its_geo_point_and_its_address_in_its_commune(client, study):
    pasteur = study[1]

    data = linked_data(get_page(client, pasteur))

    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 48.110431, "longitude": -1.67403}
    assert data["address"]["streetAddress"] == "2 place Pasteur"
    assert data["address"]["addressLocality"] == "Rennes"
    assert data["address"]["addressCountry"] == "FR"
    assert data["sameAs"] == "https://www.hotelpasteur.fr"
    assert data["subjectOf"]["@id"] == "http://testserver" + url_of(study[0])


def test_a_place_without_coordinates_gets_no_guessed_point(client, study):
    data = linked_data(get_page(client, study[2]))

    assert "geo" not in data
    assert data["address"]["addressLocality"] == "Guéret"


def test_an_article_has_its_author_date_language_and_what_it_is_about(client, study):
    exploration, pasteur, _guéret, commons, article, _event = study

    data = linked_data(get_page(client, article))

    # an interview: the person interviewed, as its citation names them
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Camille Martin",
            "jobTitle": "coordinatrice",
            "affiliation": {"@type": "Organization", "name": "Hôtel Pasteur"},
        }
    ]
    assert data["datePublished"] == "2019-05-02"
    assert data["inLanguage"] == "fr"
    assert data["isPartOf"]["@id"] == "http://testserver" + url_of(exploration)
    about = {(node["@type"], node["@id"]) for node in data["about"]}
    assert about == {
        ("Place", "http://testserver" + url_of(pasteur)),
        ("CreativeWork", "http://testserver" + url_of(commons)),
    }
    assert "mentions" not in data


def test_an_article_first_published_elsewhere_is_credited_to_its_publisher(client, study):
    exploration = study[0]
    source = make_source("Entretien original", publisher="Le Lab", url="https://example.org/entretien")
    article = make_article(exploration, "Un entretien repris", original_source=source)

    data = linked_data(get_page(client, article))

    assert data["author"] == {"@type": "Organization", "name": "Le Lab"}
    assert data["isBasedOn"]["url"] == "https://example.org/entretien"


def test_an_essay_first_published_here_is_credited_to_the_organisation_of_the_study(client, study):
    essay = make_article(study[0], "Un essai", kind="essay")

    data = linked_data(get_page(client, essay))

    assert data["author"] == {"@type": "Organization", "name": "Le Lab Ouishare x Chronos"}


def test_a_report_names_the_people_it_met_without_making_them_its_authors(client, study):
    report = make_article(
        study[0], "Un reportage", kind="report", interviewees=[{"name": "Camille Martin", "role": "gérante"}]
    )

    data = linked_data(get_page(client, report))

    assert data["author"] == {"@type": "Organization", "name": "Le Lab Ouishare x Chronos"}
    assert data["mentions"] == [{"@type": "Person", "name": "Camille Martin", "jobTitle": "gérante"}]


def test_an_article_without_author_or_organisation_names_none(client):
    exploration = make_exploration("Sans organisation", organisation="")
    article = make_article(exploration, "Un essai", kind="essay")

    data = linked_data(get_page(client, article))

    assert "author" not in data


def test_an_unpublished_place_is_not_in_what_an_article_is_about(client, study):
    exploration, pasteur, guéret, _commons, article, _event = study
    guéret.unpublish()
    article = ArticlePage.objects.get(pk=article.pk)
    article.related_places.add(guéret)
    article.save_revision().publish()

    data = linked_data(get_page(client, article))

    assert "La Quincaillerie" not in json.dumps(data, ensure_ascii=False)


def test_an_event_has_its_start_date_and_venue(client, study):
    event = study[5]

    data = linked_data(get_page(client, event))

    assert data["startDate"] == "2019-06-20"
    assert data["location"] == {"@type": "Place", "name": "La Gaîté Lyrique"}
    assert data["organizer"]["name"] == "Le Lab Ouishare x Chronos"


def test_an_impact_is_about_the_places_where_it_is_observed(client, study):
    exploration, pasteur, _guéret, commons, _article, _event = study

    data = linked_data(get_page(client, commons))

    assert [node["name"] for node in data["about"]] == ["Hôtel Pasteur"]
    assert data["isPartOf"]["@id"] == "http://testserver" + url_of(exploration)


def test_the_partners_page_lists_the_partner_organisations(client, study):
    exploration = study[0]
    make_partnership(exploration, make_partner("Brouillon", live=False))
    url = url_of(exploration) + exploration.reverse_subpage("partners")

    data = linked_data(get_page(client, url))

    assert data["@type"] == "ItemList"
    assert data["@id"] == "http://testserver" + url
    organisations = [element["item"] for element in data["itemListElement"]]
    assert [(o["@type"], o["name"]) for o in organisations] == [("Organization", "ADEME")]


def test_the_matrix_is_a_page_of_the_study_not_the_study_itself(client, study):
    exploration = study[0]
    url = url_of(exploration) + exploration.reverse_subpage("matrix")

    data = linked_data(get_page(client, url))

    assert data["@type"] == "WebPage"
    assert data["@id"] == "http://testserver" + url
    assert data["name"] == "Tableau croisé des lieux et des impacts — Mille Lieux"
    assert data["isPartOf"]["@id"] == "http://testserver" + url_of(exploration)


def test_index_pages_list_their_pages_in_order(client, study):
    exploration = study[0]

    data = linked_data(get_page(client, exploration.place_index))

    items = data["mainEntity"]["itemListElement"]
    assert [(item["position"], item["item"]["name"]) for item in items] == [
        (1, "Hôtel Pasteur"),
        (2, "La Quincaillerie"),
    ]
    assert all(item["item"]["@type"] == "Place" for item in items)


def test_a_title_with_a_closing_script_tag_stays_inside_the_script(client, study):
    exploration = study[0]
    hostile = 'Fin </script><script>alert("x")</script> & <!-- fin'
    place = make_place(exploration, hostile, commune_code="23096", summary="</SCRIPT> <b>gras</b>")

    response = get_page(client, place)
    html = response.content.decode()

    data = linked_data(response)
    assert data["name"] == hostile
    assert data["description"] == "</SCRIPT> <b>gras</b>"
    assert "<script>alert" not in html
    assert html.count('<script type="application/ld+json">') == 1


def test_script_json_escapes_what_could_end_the_script_or_open_a_comment():
    text = script_json({"name": "</script><!-- & \u2028"})

    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": "</script><!-- & \u2028"}


def test_pages_carry_an_opengraph_card_with_absolute_addresses(client, study):
    exploration, pasteur, _guéret, _commons, article, _event = study
    for page, og_type in ((exploration, "website"), (pasteur, "place"), (article, "article")):
        card = opengraph(get_page(client, page))
        assert card["og:title"] == escape(page.title)
        assert card["og:url"] == "http://testserver" + url_of(page)
        assert card["og:type"] == og_type
        assert card["og:locale"] == "fr_FR"
        assert card["og:locale:alternate"] == "en_GB"
        assert card["og:site_name"]
        assert card["og:description"] == escape(page.summary)


def test_a_page_with_a_picture_shows_it_in_its_card_at_an_absolute_address(client, study):
    exploration = study[0]
    image = make_image("Carte des terrains", size=(1600, 900), description="La carte des huit terrains")
    ExplorationPage.objects.filter(pk=exploration.pk).update(image=image)

    response = get_page(client, exploration)
    card = opengraph(response)

    assert card["og:image"].startswith("http://testserver/media/")
    assert card["og:image:width"] == "1200"
    assert card["og:image:alt"] == "La carte des huit terrains"
    assert client.get(card["og:image"].removeprefix("http://testserver")).status_code == 200
    assert linked_data(response)["image"]["contentUrl"] == card["og:image"]


def test_the_english_interface_gives_english_locale_and_addresses_under_en(client, study):
    exploration, pasteur, _guéret, _commons, article, _event = study

    response = get_page(client, article, language="en")
    card = opengraph(response)
    data = linked_data(response)

    assert card["og:locale"] == "en_GB"
    assert card["og:locale:alternate"] == "fr_FR"
    assert card["og:url"] == "http://testserver/en" + url_of(article)
    assert data["@id"] == "http://testserver/en" + url_of(article)
    assert data["isPartOf"]["@id"] == "http://testserver/en" + url_of(exploration)
    assert {node["@id"] for node in data["about"]} >= {"http://testserver/en" + url_of(pasteur)}
    assert data["inLanguage"] == "fr"  # the study's text, not translated


def test_the_demo_pages_all_carry_valid_linked_data(client):
    call_command("load_demo", verbosity=0)

    exploration = ExplorationPage.objects.get(slug="mille-lieux", locale__language_code="fr")
    for model, schema_type in (
        (PlacePage, "Place"),
        (ImpactPage, "CreativeWork"),
        (ArticlePage, "Article"),
        (EventPage, "Event"),
    ):
        for page in model.objects.descendant_of(exploration).live():
            data = linked_data(get_page(client, page))
            assert data["@type"] == schema_type
    assert exploration.content_licence == "CC-BY-SA-4.0"
