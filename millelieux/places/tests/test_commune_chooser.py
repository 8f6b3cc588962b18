"""The commune of a monograph is chosen among the territory data, not typed; a census entry may be matched to
it and lend it its coordinates when the editor says so."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from millelieux.census.models import Census, CensusEntry
from millelieux.core.tests.admin_helpers import edit_url, field_errors, login_administrator, post
from millelieux.places.factories import make_place
from millelieux.places.models import PlacePage
from millelieux.places.tests.test_admin_edit import place_data
from millelieux.territories.classes import search_text
from millelieux.territories.models import Commune, Department, Region

pytestmark = pytest.mark.django_db


def commune(code, name, department, postcodes="", population=None):
    return Commune.objects.create(
        code=code,
        name=name,
        department=department,
        postcodes=postcodes,
        population=population,
        search_text=search_text(name, code, postcodes),
    )


@pytest.fixture
def communes():
    brittany = Region.objects.create(code="53", name="Bretagne")
    provence = Region.objects.create(code="93", name="Provence-Alpes-Côte d'Azur")
    corsica = Region.objects.create(code="94", name="Corse")
    creuse = Department.objects.create(code="23", name="Creuse", region=Region.objects.create(code="75"))
    return {
        "gueret": commune("23096", "Guéret", creuse, "23000", 12926),
        "rennes": commune(
            "35238",
            "Rennes",
            Department.objects.create(code="35", name="Ille-et-Vilaine", region=brittany),
            "35000 35200 35700",
            222485,
        ),
        "marseille": commune(
            "13055",
            "Marseille",
            Department.objects.create(code="13", name="Bouches-du-Rhône", region=provence),
            "13001 13002",
            873076,
        ),
        "ajaccio": commune(
            "2A004",
            "Ajaccio",
            Department.objects.create(code="2A", name="Corse-du-Sud", region=corsica),
            "20000 20090",
            73000,
        ),
    }


def choose(client, query):
    response = client.get(reverse("commune_chooser:choose_results"), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_finds_a_commune_by_its_name_without_accents_and_sees_its_department(client, communes):
    login_administrator(client)

    html = choose(client, "gueret")

    assert "Guéret (23096)" in html and "Creuse (23)" in html
    assert "Rennes" not in html


@pytest.mark.parametrize(("query", "found"), [("35200", "Rennes"), ("2A004", "Ajaccio"), ("13", "Marseille")])
def test_an_editor_finds_a_commune_by_its_postcode_or_its_insee_code(client, communes, query, found):
    login_administrator(client)

    html = choose(client, query)

    assert found in html
    assert "Guéret" not in html


def test_the_commune_chooser_is_for_editors_only(client, communes):
    response = client.get(reverse("commune_chooser:choose"), {"q": "rennes"})

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_chosen_commune_gives_the_monograph_its_code_and_name(client, communes):
    login_administrator(client)
    place = make_place()

    response = post(
        client,
        edit_url(place),
        place_data(place.title, slug=place.slug, commune=str(communes["ajaccio"].pk)),
        publish=True,
    )

    assert response.status_code == 302
    place = PlacePage.objects.get(pk=place.pk)
    assert (place.commune_id, place.commune_code, place.commune_name) == (
        communes["ajaccio"].pk,
        "2A004",
        "Ajaccio",
    )


def test_a_typed_code_and_name_are_not_part_of_the_form_anymore(client, communes):
    login_administrator(client)
    place = make_place()

    post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            commune=str(communes["rennes"].pk),
            commune_code="13055",
            commune_name="Marseille",
        ),
        publish=True,
    )

    place = PlacePage.objects.get(pk=place.pk)
    assert (place.commune_code, place.commune_name) == ("35238", "Rennes")


@pytest.mark.parametrize("value", ["999999", "abc", ""])
def test_an_unknown_or_missing_commune_is_refused_and_nothing_changes(client, communes, value):
    login_administrator(client)
    place = make_place()

    response = post(
        client, edit_url(place), place_data(place.title, slug=place.slug, commune=value), publish=True
    )

    assert "commune" in field_errors(response)
    assert PlacePage.objects.get(pk=place.pk).commune_code == "23096"


def test_a_code_with_the_name_of_another_commune_is_refused(communes):
    page = PlacePage(title="Lieu", slug="lieu", summary="s", commune_code="35238", commune_name="Marseille")

    with pytest.raises(ValidationError) as error:
        page.clean()

    assert "Rennes" in str(error.value.message_dict["commune"])


def test_a_page_built_from_data_finds_its_commune_by_code(communes):
    page = PlacePage(title="Lieu", slug="lieu", summary="s", commune_code="35238", commune_name="rennes")

    page.clean()

    assert page.commune == communes["rennes"] and page.commune_name == "Rennes"


# -- the census entry ------------------------------------------------------------------------------------------


@pytest.fixture
def entry(communes):
    census = Census.objects.create(slug="cget-2019", name="Base CGET 2019")
    return CensusEntry.objects.create(
        census=census,
        external_id="12",
        name="Hôtel Pasteur",
        commune=communes["rennes"],
        latitude=48.1143,
        longitude=-1.6731,
        typology="other",
    )


def test_an_editor_matches_a_census_entry_and_takes_its_coordinates_when_asking(client, entry):
    login_administrator(client)
    place = make_place(title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")

    response = post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            commune=str(entry.commune_id),
            census_entry=str(entry.pk),
            take_census_coordinates="on",
        ),
        publish=True,
    )

    assert response.status_code == 302
    place = PlacePage.objects.get(pk=place.pk)
    assert place.census_entry == entry
    assert (place.latitude, place.longitude) == (Decimal("48.114300"), Decimal("-1.673100"))


def test_matching_a_census_entry_keeps_the_coordinates_unless_the_editor_asks(client, entry):
    login_administrator(client)
    place = make_place(title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")

    post(
        client,
        edit_url(place),
        place_data(place.title, slug=place.slug, commune=str(entry.commune_id), census_entry=str(entry.pk)),
        publish=True,
    )

    place = PlacePage.objects.get(pk=place.pk)
    assert place.census_entry == entry and place.latitude == Decimal("46.171")


def test_taking_coordinates_without_a_census_entry_is_refused(client, entry):
    login_administrator(client)
    place = make_place()

    response = post(
        client,
        edit_url(place),
        place_data(place.title, slug=place.slug, take_census_coordinates="on"),
        publish=True,
    )

    assert "take_census_coordinates" in field_errors(response)


def test_taking_coordinates_from_a_census_entry_without_any_is_refused(client, entry):
    login_administrator(client)
    entry.latitude = entry.longitude = None
    entry.save()
    place = make_place()

    response = post(
        client,
        edit_url(place),
        place_data(place.title, slug=place.slug, census_entry=str(entry.pk), take_census_coordinates="on"),
        publish=True,
    )

    assert "take_census_coordinates" in field_errors(response)
    assert PlacePage.objects.get(pk=place.pk).latitude == Decimal("46.171")


def test_the_census_entry_chooser_finds_an_entry_by_name_or_commune(client, entry):
    login_administrator(client)

    by_name = client.get(reverse("census_entry_chooser:choose_results"), {"q": "pasteur"}).content.decode()
    by_commune = client.get(reverse("census_entry_chooser:choose_results"), {"q": "rennes"}).content.decode()
    nothing = client.get(reverse("census_entry_chooser:choose_results"), {"q": "guéret"}).content.decode()

    assert "Hôtel Pasteur" in by_name and "Hôtel Pasteur" in by_commune
    assert "Hôtel Pasteur" not in nothing


def test_the_form_suggests_census_entries_like_the_monograph_and_the_editor_confirms_one(client, entry):
    login_administrator(client)
    place = make_place(title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")

    form = client.get(edit_url(place)).content.decode()
    response = post(
        client,
        edit_url(place),
        place_data(
            place.title, slug=place.slug, commune=str(entry.commune_id), census_suggestion=str(entry.pk)
        ),
        publish=True,
    )

    assert 'name="census_suggestion"' in form and f'value="{entry.pk}"' in form
    assert response.status_code == 302
    assert PlacePage.objects.get(pk=place.pk).census_entry == entry
