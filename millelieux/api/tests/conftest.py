"""Data for the API tests.

Built once for the whole api test package inside one transaction that is rolled back at the end (as Django's
TestCase.setUpTestData does for a class; each test then runs in a savepoint of it), so nothing is left behind:
`cget`: the communes of France and the real CGET 2019 file from ../shared (with its CONTACT and MAIL columns)
imported by the project's importer, which drops the personal columns.
`study`: two explorations with fields, places, impacts, evidence, an article, an event and a partner, built
with the apps' factories; some texts start like spreadsheet formulas.
"""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.test import Client

from millelieux.articles.factories import make_article
from millelieux.census.importing import import_census, load_mapping
from millelieux.census.models import CensusEntry
from millelieux.census.tests.conftest import load_france
from millelieux.census.tests.helpers import REAL_CGET
from millelieux.explorations.factories import (
    make_event,
    make_exploration,
    make_field,
    make_partner,
    make_partnership,
)
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place
from millelieux.sources.factories import make_source
from millelieux.territories.models import Commune

FORMULA_TITLE = '=HYPERLINK("http://example.org","clic")'


@pytest.fixture(scope="package")
def dataset(django_db_setup, django_db_blocker):
    if not REAL_CGET.is_file():
        pytest.skip("the CGET 2019 file is not in ../shared")
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_france()
            report = import_census(REAL_CGET, load_mapping("cget-2019"), continue_on_error=True)
            data = build_study()
            data.cget = report
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield data
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def cget(dataset, db):
    return dataset.cget


@pytest.fixture
def study(dataset, db):
    return dataset


@pytest.fixture
def client():
    return Client()


def build_study():
    """Two explorations; the places are in Rennes (Bretagne), Guéret (Creuse) and Paris 11e."""
    sizes = {"35238": "100000 et plus", "23096": "5000-20000", "75111": "100000 et plus"}
    for code, size_class in sizes.items():
        Commune.objects.filter(code=code).update(size_class=size_class)
    rennes_entry = (
        CensusEntry.objects.filter(commune__code="35238", typology="coworking").order_by("pk").first()
    )

    mille = make_exploration("Mille Lieux", slug="mille-lieux")
    shari = make_exploration("Sharitories", slug="sharitories", period_start=2017)
    ecology = make_field(mille, "Transition écologique")
    work = make_field(mille, "Travail")
    commons = make_impact(mille, "Créer des communs", kind="positive", exploration_fields=[ecology])
    gentrification = make_impact(
        mille, "Une gentrification possible", kind="limit", exploration_fields=[work]
    )
    sharing = make_impact(shari, "Partager les équipements", kind="positive")
    source = make_source("Rapport Mille Lieux", url="https://example.org/rapport")
    pasteur = make_place(
        mille,
        "Hôtel Pasteur",
        commune_code="35238",
        latitude=Decimal("48.110431"),
        longitude=Decimal("-1.674030"),
        opening_year=2012,
        census_entry=rennes_entry,
        activities=["Coworking", "Fablab"],
        surface_m2=1200,
    )
    quincaillerie = make_place(
        mille,
        FORMULA_TITLE,
        commune_code="23096",
        latitude=None,
        longitude=None,
        summary="-1 : un lieu qui commence par un signe moins, +33 et @mention.",
        legal_form="@association",
    )
    paris = make_place(
        shari,
        "La Base",
        commune_code="75111",
        latitude=Decimal("48.858900"),
        longitude=Decimal("2.379000"),
    )
    draft = make_place(mille, "Brouillon", live=False, commune_code="35238")
    strong = make_evidence(pasteur, commons, text="Un atelier partagé.", strength=3, source=source)
    weak = make_evidence(pasteur, gentrification, text="=1+1 des loyers qui montent", strength=1)
    medium = make_evidence(quincaillerie, commons, text="Des outils prêtés.", strength=2)
    shared = make_evidence(paris, sharing, text="Une matériauthèque.", strength=2)
    article = make_article(
        mille,
        "Entretien à l'Hôtel Pasteur",
        related_places=[pasteur],
        related_impacts=[commons],
        date=datetime.date(2019, 5, 2),
    )
    essay = make_article(shari, "Essai sur le partage", kind="essay", date=datetime.date(2018, 1, 10))
    event = make_event(mille, "Restitution à Guéret", date=datetime.date(2019, 6, 20))
    partner = make_partner("Fondation des territoires", url="https://example.org/fondation")
    make_partnership(mille, partner)
    hidden_partner = make_partner("Partenaire en brouillon", live=False)
    make_partnership(mille, hidden_partner)
    return SimpleNamespace(**locals())
