import gzip
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.core.tests.pages import assert_accessible_page, get_page
from millelieux.places.factories import make_place, make_place_index
from millelieux.territories.models import Commune, Department, Region
from millelieux.territories.outlines import encode


def square(west, south, size):
    return [
        (west, south),
        (west + size, south),
        (west + size, south + size),
        (west, south + size),
        (west, south),
    ]


@pytest.fixture
def territories():
    """Creuse within Nouvelle-Aquitaine, Guéret in it, and Réunion: small outlines, drawn from squares."""
    region = Region.objects.create(
        code="75",
        name="Nouvelle-Aquitaine",
        outline=encode([square(-1.8, 42.8, 4)]),
        outline_coarse=encode([square(-1.8, 42.8, 4)]),
    )
    creuse = Department.objects.create(
        code="23", name="Creuse", region=region, outline=encode([square(1.4, 45.7, 1)])
    )
    Department.objects.create(
        code="87", name="Haute-Vienne", region=region, outline=encode([square(0.6, 45.4, 0.8)])
    )
    Commune.objects.create(
        code="23096",
        name="Guéret",
        department=creuse,
        latitude=46.17,
        longitude=1.87,
        outline=encode([square(1.82, 46.12, 0.1)]),
    )
    Commune.objects.create(code="23001", name="Sans-Contour", department=creuse, latitude=46.0, longitude=1.6)
    Commune.objects.create(code="23002", name="Sans-Point", department=creuse)
    reunion = Region.objects.create(
        code="04",
        name="La Réunion",
        outline=encode([square(55.2, -21.4, 0.6)]),
        outline_coarse=encode([square(55.2, -21.4, 0.6)]),
    )
    department = Department.objects.create(
        code="974", name="La Réunion", region=reunion, outline=encode([square(55.2, -21.4, 0.6)])
    )
    Commune.objects.create(
        code="97411",
        name="Saint-Denis",
        department=department,
        latitude=-20.9,
        longitude=55.45,
        outline=encode([square(55.4, -21.0, 0.1)]),
    )


def _map(html):
    return re.search(r'<figure class="location-map".*?</figure>', html, re.S).group(0)


@pytest.mark.django_db
def test_the_monograph_shows_its_location_map_with_the_commune_highlighted_and_the_place_marked(
    client, territories
):
    place = make_place(title="La Quincaillerie", latitude=Decimal("46.171"), longitude=Decimal("1.8714"))

    response = get_page(client, place)

    assert_accessible_page(response)
    figure = _map(response.content.decode())
    assert 'role="img"' in figure and "<title" in figure and "<desc" in figure
    assert 'class="lm-commune"' in figure and 'class="lm-marker"' in figure
    assert "Creuse" in figure and "Nouvelle-Aquitaine" in figure
    assert "Position approximative" not in figure
    assert len(gzip.compress(figure.encode())) < 20_000


@pytest.mark.django_db
def test_without_coordinates_the_map_says_the_position_is_approximate(client, territories):
    place = make_place(title="Sans coordonnées", latitude=None, longitude=None)

    figure = _map(get_page(client, place).content.decode())

    assert "lm-marker--approximate" in figure
    assert "Position approximative (mairie)" in figure


@pytest.mark.django_db
def test_a_commune_without_geometry_still_renders_with_a_note(client, territories):
    place = make_place(title="Sans contour", commune_code="23001", commune_name="Sans-Contour")

    figure = _map(get_page(client, place).content.decode())

    assert "lm-commune" not in figure
    assert "Le contour de la commune manque" in figure


@pytest.mark.django_db
def test_an_overseas_monograph_gets_its_own_map(client, territories):
    place = make_place(
        title="Lieu réunionnais",
        commune_code="97411",
        commune_name="Saint-Denis",
        latitude=Decimal("-20.88"),
        longitude=Decimal("55.45"),
    )

    figure = _map(get_page(client, place).content.decode())

    assert "lm-marker" in figure and "lm-inset" not in figure


@pytest.mark.django_db
def test_without_territories_the_monograph_has_no_map_and_still_renders(client):
    place = make_place()
    html = get_page(client, place).content.decode()
    assert "location-map" not in html
    assert 'id="fiche-technique"' in html


@pytest.mark.django_db
def test_the_places_map_links_to_each_monograph_in_a_bounded_number_of_queries(client, territories):
    first = make_place(title="Un")
    index = make_place_index()
    get_page(client, index)  # warm the caches (site root paths…)
    with CaptureQueriesContext(connection) as one:
        get_page(client, index)
    others = [
        make_place(title=f"Lieu {n}", latitude=None, longitude=None, commune_code=code)
        for n, code in enumerate(["23001", "97411", "23096", "23002"])
    ]
    with CaptureQueriesContext(connection) as five:
        response = get_page(client, index)

    html = response.content.decode()
    figure = re.search(r'<figure class="places-map".*?</figure>', html, re.S).group(0)
    for place in [first, *others[:3]]:
        assert f'href="{place.url}"' in figure.split("<figcaption")[0]  # a link on the map
        assert f'href="{place.url}"' in figure.split("<figcaption")[1]  # and in the list beside it
    assert "pm-overseas" in figure and "position inconnue" in figure
    assert len(five) == len(one)
    assert_accessible_page(response)
