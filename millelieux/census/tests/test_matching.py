"""Census entries suggested for a monograph: same commune or within 2 km, best name first."""

import pytest

from millelieux.census.matching import suggest_census_entries

from .helpers import cget_row, import_file, write_cget


@pytest.fixture
def rennes_entries(communes, tmp_path):
    rows = [
        cget_row(ID="1", NOM_TL="L'Hôtel Pasteur", LAT="48.1104", LONG="-1.6740"),
        cget_row(ID="2", NOM_TL="La Cantine numérique", LAT="48.1120", LONG="-1.6790"),
        # in Saint-Malo's file row but 1 km from Rennes' point: found by distance
        cget_row(ID="3", NOM_TL="Pasteur bis", INSEECOM="35288", LAT="48.1150", LONG="-1.6900"),
        cget_row(ID="4", NOM_TL="Hôtel Pasteur", INSEECOM="35288", LAT="48.6493", LONG="-2.0257"),
    ]
    import_file(write_cget(tmp_path / "rennes.csv", rows))


@pytest.mark.django_db
def test_entries_of_the_commune_and_nearby_are_ranked_by_name(rennes_entries):
    suggestions = suggest_census_entries("Hôtel Pasteur", "35238")

    assert [e.external_id for e in suggestions] == ["1", "3", "2"]
    assert suggestions[0].similarity == 1.0
    assert suggestions[1].distance_m < 2000


@pytest.mark.django_db
def test_suggestions_are_limited_and_an_unknown_commune_gives_none(rennes_entries):
    assert len(suggest_census_entries("Cantine", "35238", limit=1)) == 1
    assert suggest_census_entries("Cantine", "00000") == []
