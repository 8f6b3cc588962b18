"""Data for the book tests.

`demo_book`: the demo content (load_demo) on a small map of France — one region covering the mainland, a
department and a commune (with a square outline) for each demo commune, as in demo/tests/test_demo_pictures.py —
and its book (`pdf`, its laid-out chapters kept in the folder `chapters`), built once for the whole package
inside a transaction rolled back at the end (each test then runs in a savepoint of it), so nothing is left
behind. Building the book takes a dozen seconds: it is built once.
"""

import shutil
import tempfile
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import transaction
from pypdf import PdfReader

from millelieux.books.book import book_html, build_book
from millelieux.books.cache import books_folder
from millelieux.demo.loader import load_demo
from millelieux.explorations.factories import make_exploration
from millelieux.explorations.models import ExplorationPage
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place
from millelieux.territories import outlines
from millelieux.territories.models import Commune, Department, Region

# The communes of the demo's monographs: name, department, point.
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


def load_small_france():
    france = Region.objects.create(
        code="99",
        name="France",
        outline=outlines.encode([[(-4.8, 42.3), (8.2, 42.3), (8.2, 51.1), (-4.8, 51.1)]]),
        outline_coarse=outlines.encode([[(-4.8, 42.3), (8.2, 42.3), (8.2, 51.1), (-4.8, 51.1)]]),
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
            population=10_000,
            latitude=latitude,
            longitude=longitude,
            outline=outlines.encode([square(latitude, longitude, 0.05)]),
        )


def mille_lieux():
    return ExplorationPage.objects.get(slug="mille-lieux", locale__language_code="fr")


@pytest.fixture(scope="package")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_small_france()
            load_demo()
            exploration = mille_lieux()
            chapters = Path(tempfile.mkdtemp(prefix="millelieux-book-chapters-"))
            pdf = build_book(exploration, base_url="https://millelieux.example.org", chapters_folder=chapters)
            data = SimpleNamespace(
                exploration=exploration,
                pdf=pdf,
                chapters=chapters,
                html=book_html(exploration),
                reader=PdfReader(BytesIO(pdf)),
            )
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield data
    shutil.rmtree(data.chapters, ignore_errors=True)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_book(built, db):
    return built


@pytest.fixture
def no_cached_books():
    """The test starts and ends without live books: page ids come back from one test to the next, files would
    not."""
    shutil.rmtree(books_folder(), ignore_errors=True)
    yield
    shutil.rmtree(books_folder(), ignore_errors=True)


@pytest.fixture
def small():
    """A published exploration with one monograph and one impact (a book of a few pages, built in seconds)."""
    exploration = make_exploration("Petite exploration", slug="petite")
    place = make_place(exploration, "La Quincaillerie")
    impact = make_impact(exploration, "Créer des communs")
    make_evidence(place, impact, strength=2)
    return exploration
