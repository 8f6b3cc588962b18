"""CSV downloads: UTF-8 with BOM, one row per record, formula cells inert, each valid against its published
Table Schema (checked with frictionless), and no personal data from the real CGET file."""

import csv
import io
import re

import pytest
from django.test import RequestFactory
from frictionless import Package, Resource, Schema

from millelieux.api import params, queries
from millelieux.api.tables import CENSUS, FORMULA_STARTS
from millelieux.census.models import CensusEntry
from millelieux.census.tests.helpers import REAL_CGET
from millelieux.territories.models import Commune

from .conftest import FORMULA_TITLE

pytestmark = pytest.mark.django_db
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
FILES = {
    "places": "monographies",
    "impacts": "impacts",
    "evidence": "observations",
    "census": "lieux-recenses",
}


def download(client, name, **params):
    response = client.get(f"/api/v1/{name}.csv", params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{FILES[name]}.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    return response.content


def rows(content):
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def table_schema(client, name):
    response = client.get(f"/api/v1/schemas/{FILES[name]}.json")
    assert response.status_code == 200
    return response.json()


def test_each_csv_has_one_row_per_record_with_the_columns_of_its_schema(client, study):
    for name, expected in (("places", 3), ("impacts", 3), ("evidence", 4)):
        content = download(client, name)
        schema = table_schema(client, name)
        read = rows(content)
        assert len(read) == expected
        assert list(read[0]) == [field["name"] for field in schema["fields"]]
        assert len({row["id"] for row in read}) == expected


def test_csv_files_take_the_list_filters(client, study):
    places = rows(download(client, "places", exploration=study.shari.pk))
    evidence = rows(download(client, "evidence", strength=3))

    assert [int(row["id"]) for row in places] == [study.paris.pk]
    assert [int(row["id"]) for row in evidence] == [study.strong.pk]
    assert evidence[0]["source_url"] == "https://example.org/rapport"


def test_formula_cells_are_written_as_inert_text_and_read_back(client, study):
    places = {int(row["id"]): row for row in rows(download(client, "places"))}
    evidence = {int(row["id"]): row for row in rows(download(client, "evidence"))}

    quincaillerie = places[study.quincaillerie.pk]
    assert quincaillerie["titre"] == "'" + FORMULA_TITLE
    assert quincaillerie["resume"].startswith("'-1 : ")
    assert quincaillerie["forme_juridique"] == "'@association"
    assert evidence[study.weak.pk]["texte"] == "'=1+1 des loyers qui montent"
    # numbers stay numbers: a negative longitude is not a formula
    assert places[study.pasteur.pk]["longitude"] == "-1.674030"
    schemas = {name: table_schema(client, name) for name in ("places", "impacts", "evidence")}
    for name, schema in schemas.items():
        text_columns = [f["name"] for f in schema["fields"] if f["type"] == "string"]
        for row in rows(download(client, name)):
            for column in text_columns:
                assert not row[column].startswith(FORMULA_STARTS), (name, column, row[column])


def _validate(tmp_path, client, names):
    resources = []
    for name in names:
        path = tmp_path / f"{FILES[name]}.csv"
        path.write_bytes(download(client, name))
        resources.append(
            Resource(
                name=FILES[name],
                path=path.name,
                basepath=str(tmp_path),
                encoding="utf-8-sig",
                schema=Schema.from_descriptor(table_schema(client, name)),
            )
        )
    package = Package(resources=resources, basepath=str(tmp_path))
    report = package.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    return report


def test_the_study_csv_files_are_valid_against_their_table_schemas(client, study, tmp_path):
    report = _validate(tmp_path, client, ["places", "impacts", "evidence"])

    assert sum(task.stats["rows"] for task in report.tasks) == 3 + 3 + 4


def test_the_census_csv_of_the_real_cget_file_is_valid_against_its_table_schema(client, cget, db, tmp_path):
    report = _validate(tmp_path, client, ["census"])

    assert report.tasks[0].stats["rows"] == CensusEntry.objects.count() == cget.created


def test_the_census_csv_gives_each_entry_the_cells_its_model_instance_gives(cget, db):
    """The census CSV is written from light records (queries.census_rows), not model instances: each cell of each
    entry is the one its instance gives, entries without a commune or whose commune has no department included."""
    census = CensusEntry.objects.first().census
    lonely = Commune.objects.create(code="99998", name="Commune sans département")
    CensusEntry.objects.create(census=census, external_id="x-1", name="=Sans commune")
    CensusEntry.objects.create(census=census, external_id="x-2", name="Sans département", commune=lonely)
    request = RequestFactory().get("/api/v1/census.csv")
    context = {"request": request}
    light = list(queries.census_rows(params.CensusFilters(), request))
    instances = list(queries.ordered_census_entries(params.CensusFilters(), request))

    assert [row.pk for row in light] == [entry.pk for entry in instances]
    assert len(light) == cget.created + 2
    for row, entry in zip(light, instances, strict=True):
        for column in CENSUS.columns:
            assert column.cell(row, context) == column.cell(entry, context), (entry.name, column.name)
    name = next(column for column in CENSUS.columns if column.name == "nom")
    without_commune = next(row for row in light if row.external_id == "x-1")
    assert name.cell(without_commune, context) == "'=Sans commune"  # still inert


def test_the_table_schemas_describe_every_field_in_french_with_a_primary_key(client, db):
    for name in FILES:
        descriptor = table_schema(client, name)
        schema = Schema.from_descriptor(descriptor)
        assert schema.primary_key == ["id"]
        assert descriptor["title"] and descriptor["description"]
        for field in descriptor["fields"]:
            assert field["type"] in {"string", "integer", "number", "date", "datetime"}
            assert field["title"] and field["description"], field["name"]


def _personal_values():
    """The CONTACT and MAIL cells of the real file, except those that also appear in its other columns."""
    with REAL_CGET.open(encoding="utf-8", newline="") as handle:
        real = list(csv.DictReader(handle))
    public = "\n".join(v for row in real for k, v in row.items() if k not in ("CONTACT", "MAIL") and v)
    values = {row[k].strip() for row in real for k in ("CONTACT", "MAIL") if len(row[k].strip()) >= 6}
    return [value for value in values if value not in public]


def test_no_export_of_the_real_cget_file_holds_an_e_mail_address_or_a_contact_name(client, cget, db):
    exports = [
        download(client, "census").decode("utf-8-sig"),
        client.get("/api/v1/census.geojson").content.decode(),
    ]
    offset = 0
    while True:
        page = client.get("/api/v1/census", {"limit": 500, "offset": offset}).json()
        exports.append(str(page))
        offset += 500
        if page["next"] is None:
            break

    personal = _personal_values()
    assert len(personal) > 100  # the real file names people
    for text in exports:
        assert EMAIL.search(text) is None, EMAIL.search(text)
        assert not [value for value in personal if value in text]
