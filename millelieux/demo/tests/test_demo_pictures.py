"""The demo's pictures are drawn by the project from open data: an exploration's cover is the map of its places,
with its alternative text, credit and licence; loading the demo again neither duplicates nor re-creates it."""

from io import BytesIO

import PIL.Image
import pytest
from django.utils.html import escape
from wagtail.images import get_image_model

from millelieux.demo.loader import load_demo
from millelieux.demo.models import DemoRecord
from millelieux.demo.pictures import CREDIT, LICENCE, CoverPlace, exploration_cover
from millelieux.explorations.models import ExplorationPage
from millelieux.territories import outlines
from millelieux.territories.models import Commune, Department, Region

pytestmark = pytest.mark.django_db

# The communes of the demo's monographs, each with a point; their outlines are small squares around it.
DEMO_COMMUNES = {
    "33063": ("Bordeaux", "33", 44.84, -0.58),
    "35238": ("Rennes", "35", 48.11, -1.68),
    "60032": ("Autrêches", "60", 49.44, 3.13),
    "59350": ("Lille", "59", 50.63, 3.06),
    "23096": ("Guéret", "23", 46.17, 1.87),
    "56006": ("Augan", "56", 47.92, -2.28),
    "89024": ("Auxerre", "89", 47.80, 3.57),
    "86133": ("Ligugé", "86", 46.52, 0.33),
}


def square(latitude, longitude, half):
    return [
        (longitude - half, latitude - half),
        (longitude + half, latitude - half),
        (longitude + half, latitude + half),
        (longitude - half, latitude + half),
    ]


@pytest.fixture
def territories():
    """One mainland "region" covering France, a department and a commune for each demo commune."""
    france = Region.objects.create(
        code="99",
        name="France",
        outline=outlines.encode([[(-4.8, 42.3), (8.2, 42.3), (8.2, 51.1), (-4.8, 51.1)]]),
    )
    for code, (name, department_code, latitude, longitude) in DEMO_COMMUNES.items():
        department, _ = Department.objects.get_or_create(
            code=department_code,
            defaults={
                "name": f"Département {department_code}",
                "region": france,
                "outline": outlines.encode([square(latitude, longitude, 0.5)]),
            },
        )
        Commune.objects.create(
            code=code,
            name=name,
            department=department,
            latitude=latitude,
            longitude=longitude,
            outline=outlines.encode([square(latitude, longitude, 0.05)]),
        )


def mille_lieux():
    return ExplorationPage.objects.get(slug="mille-lieux", locale__language_code="fr")


PLACES = [CoverPlace("La Quincaillerie", "23096"), CoverPlace("Hôtel Pasteur", "35238", 48.110431, -1.67403)]


def test_a_cover_is_a_png_map_with_an_alternative_text_that_says_what_it_shows(territories):
    cover = exploration_cover("Mille Lieux", "mille-lieux", PLACES)

    image = PIL.Image.open(BytesIO(cover.png))
    assert (image.format, image.size) == ("PNG", (1600, 900))
    assert "les 2 terrains de l'exploration « Mille Lieux »" in cover.description
    assert "Département 23, Département 35" in cover.description
    assert len(cover.description) <= 255
    assert cover.filename == "carte-des-terrains-mille-lieux.png"


def test_the_same_data_draw_the_same_picture(territories):
    first = exploration_cover("Mille Lieux", "mille-lieux", PLACES)
    again = exploration_cover("Mille Lieux", "mille-lieux", PLACES)

    assert first.png == again.png


def test_nothing_is_drawn_without_the_territory_data():
    assert exploration_cover("Mille Lieux", "mille-lieux", PLACES) is None


def test_the_demo_exploration_gets_its_cover_with_credit_and_licence_once(territories, client):
    load_demo()

    exploration = mille_lieux()
    cover = exploration.image
    assert cover.credit == CREDIT
    assert cover.licence == LICENCE
    assert "les 8 terrains" in cover.description
    assert DemoRecord.objects.get(key="picture:mille-lieux/carte-des-terrains").target() == cover
    assert cover.renditions.count() >= 6  # made with the picture, not on the first visit
    assert (
        ExplorationPage.objects.get(slug="sharitories", locale__language_code="fr").image is None
    )  # no terrain, no map
    page = client.get(exploration.url).content.decode()
    assert f'alt="{escape(cover.description)}"' in page
    assert escape(CREDIT) in page

    load_demo()

    assert get_image_model().objects.count() == 1


def test_a_cover_an_editor_deleted_is_not_drawn_again(territories):
    load_demo()
    mille_lieux().image.delete()

    load_demo()

    assert not get_image_model().objects.exists()
    assert mille_lieux().image is None
