"""The data page of an exploration (`donnees/`): every file it offers answers, filtered to the study; the API and
the feed are linked; the study's licence (chosen by its editors, refused when not one of the list) and the
census's licence with its attribution line are shown, on the page and in the footer."""

import csv
import datetime
import io
import json
import re

import pytest
from django.utils.html import escape

from millelieux.articles.factories import make_article
from millelieux.census.models import Census
from millelieux.core.tests.admin_helpers import edit_url, field_errors, login_administrator, post
from millelieux.core.tests.pages import assert_accessible_page, get_page, url_of
from millelieux.explorations.factories import make_exploration
from millelieux.explorations.licences import LICENCES
from millelieux.explorations.models import ExplorationPage
from millelieux.explorations.tests.test_admin_edit import exploration_data
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db
LINK = re.compile(r'<a [^>]*?href="([^"]+)"')


@pytest.fixture
def study():
    mille = make_exploration("Mille Lieux", slug="mille-lieux", content_licence="CC-BY-4.0")
    other = make_exploration("Sharitories", slug="sharitories", period_start=2017)
    pasteur = make_place(mille, "Hôtel Pasteur", commune_code="35238", commune_name="Rennes")
    commons = make_impact(mille, "Créer des communs")
    make_evidence(pasteur, commons)
    make_place(other, "La Base", commune_code="75111", commune_name="Paris 11e Arrondissement")
    make_article(mille, "Entretien", date=datetime.date(2019, 5, 2))
    Census.objects.create(
        slug="cget-2019",
        name="Base des tiers-lieux du CGET",
        publisher="CGET (aujourd'hui ANCT)",
        licence="Licence Ouverte / Open Licence 2.0",
        attribution="CGET (ANCT), base des tiers-lieux 2019",
        published=datetime.date(2019, 1, 1),
    )
    return mille, other


def data_url(exploration, language=None):
    return url_of(exploration, language) + exploration.reverse_subpage("data")


def main_of(html):
    return html[html.index('<main id="contenu"') : html.index("</main>")]


def test_the_data_page_lists_files_that_answer_and_are_filtered_to_the_study(client, study):
    mille, _other = study

    html = assert_accessible_page(get_page(client, data_url(mille)))

    links = {link.replace("&amp;", "&") for link in LINK.findall(main_of(html))}
    files = {link for link in links if link.startswith("/api/v1/") and (".csv" in link or ".geojson" in link)}
    assert f"/api/v1/places.csv?exploration={mille.pk}" in files
    assert f"/api/v1/impacts.csv?exploration={mille.pk}" in files
    assert f"/api/v1/evidence.csv?exploration={mille.pk}" in files
    assert f"/api/v1/places.geojson?exploration={mille.pk}" in files
    assert f"/api/v1/census.csv?exploration={mille.pk}" in files
    assert {"/api/v1/census.csv", "/api/v1/census.geojson"} <= files
    for link in sorted(links):
        if link.startswith("/api/v1/"):
            response = client.get(link)
            assert response.status_code == 200, link
    places = list(
        csv.DictReader(
            io.StringIO(client.get(f"/api/v1/places.csv?exploration={mille.pk}").content.decode("utf-8-sig"))
        )
    )
    assert [row["titre"] for row in places] == ["Hôtel Pasteur"]
    schemas = [link for link in links if link.startswith("/api/v1/schemas/")]
    assert len(schemas) >= 4
    assert all(json.loads(client.get(link).content)["fields"] for link in schemas)


def test_the_data_page_links_the_api_documentation_the_openapi_document_and_the_feed(client, study):
    mille, _other = study

    html = get_page(client, data_url(mille)).content.decode()

    assert '<a href="/api/v1/docs">' in html
    assert '<a href="/api/v1/openapi.json" type="application/json">' in html
    feed = url_of(mille) + mille.reverse_subpage("feed")
    assert f'<a href="{feed}" type="application/atom+xml">S\'abonner (Atom)</a>' in html
    assert client.get(feed).status_code == 200


def test_the_data_page_shows_the_chosen_licence_and_the_census_attribution(client, study):
    mille, other = study
    licence = LICENCES["CC-BY-4.0"]

    html = get_page(client, data_url(mille)).content.decode()

    assert f'<a href="{licence.url}" rel="license">{licence.name}</a>' in html
    assert escape("« CGET (ANCT), base des tiers-lieux 2019 »") in html
    assert "Licence Ouverte / Open Licence 2.0" in html
    default = get_page(client, data_url(other)).content.decode()
    assert LICENCES["CC-BY-SA-4.0"].name in default  # the default licence


def test_the_footer_and_navigation_of_the_exploration_pages_name_the_licence_and_the_data_page(client, study):
    mille, _other = study
    place = mille.places().get()

    for page in (mille, place):
        html = get_page(client, page).content.decode()
        assert f'<a href="{LICENCES["CC-BY-4.0"].url}" rel="license">CC BY 4.0</a>' in html, page
        assert f'<a href="{data_url(mille)}">Données ouvertes</a>' in html
        assert f'<a href="{data_url(mille)}">Données</a>' in html
    data_page = get_page(client, data_url(mille)).content.decode()
    assert f'<a href="{data_url(mille)}" aria-current="page">Données</a>' in data_page


def test_the_data_page_is_described_as_a_dataset_with_its_downloads(client, study):
    mille, _other = study

    html = get_page(client, data_url(mille)).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))

    assert data["@type"] == "Dataset"
    assert data["license"] == LICENCES["CC-BY-4.0"].url
    formats = {download["encodingFormat"] for download in data["distribution"]}
    assert formats == {"text/csv", "application/geo+json"}
    census = [d for d in data["distribution"] if "census" in d["contentUrl"]]
    assert census and all(d["license"] == LICENCES["etalab-2.0"].url for d in census)
    assert all(d["contentUrl"].startswith("http://testserver/api/v1/") for d in data["distribution"])


def test_the_data_page_is_in_the_sitemap(client, study):
    mille, _other = study

    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"<loc>http://localhost{data_url(mille)}</loc>" in sitemap  # the Site's address


def test_the_english_data_page_keeps_its_links_under_en(client, study):
    mille, _other = study

    html = get_page(client, data_url(mille, "en")).content.decode()

    assert '<html lang="en"' in html
    assert f'href="/en{url_of(mille)}flux/"' in html
    assert '<meta property="og:locale" content="en_GB">' in html


def test_an_editor_chooses_the_licence_in_the_admin(client, study):
    mille, _other = study
    login_administrator(client)

    response = post(
        client,
        edit_url(mille),
        exploration_data("Mille Lieux", slug=mille.slug, content_licence="CC0-1.0"),
        publish=True,
    )

    assert response.status_code == 302
    assert ExplorationPage.objects.get(pk=mille.pk).content_licence == "CC0-1.0"


@pytest.mark.parametrize("value", ["GPL-3.0", "", "cc-by-4.0"])
def test_a_licence_not_in_the_list_is_refused_with_a_clear_error_and_nothing_changes(client, study, value):
    mille, _other = study
    login_administrator(client)

    response = post(
        client,
        edit_url(mille),
        exploration_data("Mille Lieux changé", slug=mille.slug, content_licence=value),
        publish=True,
    )

    errors = field_errors(response)
    assert list(errors) == ["content_licence"]
    expected = (
        "Champ requis." if not value else f"Sélectionnez un choix valide. {value} n’en fait pas partie."
    )
    assert errors["content_licence"] == [expected]
    mille = ExplorationPage.objects.get(pk=mille.pk)
    assert (mille.title, mille.content_licence) == ("Mille Lieux", "CC-BY-4.0")


def test_an_unknown_sub_address_of_the_exploration_is_not_found(client, study):
    mille, _other = study

    assert client.get(url_of(mille) + "donnees/inconnue/").status_code == 404
