"""GeoJSON and XLSX inputs, user mapping files (TOML, JSON) for a census other than the CGET's."""

import json

import openpyxl
import pytest
from django.core.management import CommandError

from millelieux.census.models import Census, CensusEntry

from .helpers import CGET_COLUMNS, cget_row, import_file

pytestmark = pytest.mark.django_db

NETWORK_MAPPING = """
id = "uid"
personal = ["responsable", "courriel"]
missing = ["", "NC"]

[columns]
name = "nom"
commune_code = "insee"
postcode = "code_postal"
commune_name = "commune"
latitude = "lat"
longitude = "lon"
typology = "famille"
website = "site"

[typologies]
"Espace de coworking" = "coworking"
"Atelier de fabrication" = "fablab"
"Friche" = "other"

[census]
name = "Réseau breton des tiers-lieux (2024)"
publisher = "Réseau breton"
licence = "ODbL"
"""


def network_rows():
    header = [
        "uid",
        "nom",
        "insee",
        "code_postal",
        "commune",
        "lat",
        "lon",
        "famille",
        "site",
        "responsable",
        "courriel",
    ]
    return header, [
        [
            "RB-1",
            "La Cantine",
            "35238",
            "35000",
            "Rennes",
            48.1105,
            -1.6790,
            "Espace de coworking",
            "lacantine.bzh",
            "Lou Kermarrec",
            "lou@example.org",
        ],
        [
            "RB-2",
            "Makerspace",
            "NC",
            "35400",
            "Saint-Malo",
            48.6490,
            -2.0260,
            "Atelier de fabrication",
            "",
            "",
            "",
        ],
    ]


def test_a_geojson_feature_collection_imports_with_its_point_coordinates(communes, tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [-1.67403, 48.110431]},
            "properties": {
                k: v for k, v in cget_row(ID=str(i), NOM_TL=f"Lieu {i}").items() if k not in ("LAT", "LONG")
            },
        }
        for i in (1, 2)
    ]
    features.append({"type": "Feature", "geometry": None, "properties": None})
    path = tmp_path / "census.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")

    report, _ = import_file(path, continue_on_error=True)

    assert report["format"] == "geojson"
    assert [(r["line"], r["outcome"]) for r in report["rows"]] == [
        (1, "created"),
        (2, "created"),
        (3, "rejected"),
    ]
    entry = CensusEntry.objects.get(external_id="1")
    assert (entry.latitude, entry.longitude, entry.commune.code) == (48.110431, -1.67403, "35238")
    assert "MAIL" not in entry.extra


def test_a_geojson_file_that_is_not_a_feature_collection_is_refused_clearly(communes, tmp_path):
    path = tmp_path / "point.geojson"
    path.write_text('{"type": "Point", "coordinates": [2, 48]}', encoding="utf-8")

    with pytest.raises(CommandError, match="FeatureCollection"):
        import_file(path)


def _workbook(path, sheets):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_an_xlsx_workbook_imports_its_first_sheet_with_numbers_as_text(communes, tmp_path):
    rows = [cget_row(ID=str(i), NOM_TL=f"Lieu {i}") for i in (1, 2)]
    values = [[int(r[c]) if c in ("ID", "INSEECOM", "CP") else r[c] for c in CGET_COLUMNS] for r in rows]
    path = _workbook(tmp_path / "census.xlsx", {"Lieux": [CGET_COLUMNS, *values], "Notes": [["rien"]]})

    report, _ = import_file(path)

    assert report["format"] == "xlsx"
    assert [(r["line"], r["id"]) for r in report["rows"]] == [(2, "1"), (3, "2")]
    assert CensusEntry.objects.get(external_id="2").commune.code == "35238"


def test_an_xlsx_sheet_is_chosen_by_name_and_a_missing_one_is_named(communes, tmp_path):
    header, rows = network_rows()
    mapping = tmp_path / "reseau.toml"
    mapping.write_text(NETWORK_MAPPING, encoding="utf-8")
    path = _workbook(
        tmp_path / "reseau.xlsx", {"Lisez-moi": [["voir l'autre feuille"]], "Lieux": [header, *rows]}
    )

    report, _ = import_file(path, mapping=str(mapping), sheet="Lieux", source="reseau-breton")
    with pytest.raises(CommandError, match="Feuille « Autre » absente.*Lisez-moi, Lieux"):
        import_file(path, mapping=str(mapping), sheet="Autre")

    assert report["created"] == 2


def test_a_toml_mapping_imports_another_census_without_code(communes, tmp_path):
    header, rows = network_rows()
    path = tmp_path / "reseau.csv"
    path.write_text(
        "\n".join(";".join(str(v) for v in row) for row in [header, *rows]) + "\n", encoding="utf-8"
    )
    mapping = tmp_path / "reseau.toml"
    mapping.write_text(NETWORK_MAPPING, encoding="utf-8")

    report, _ = import_file(path, mapping=str(mapping), source="reseau-breton")

    census = Census.objects.get(slug="reseau-breton")
    assert (census.name, census.licence) == ("Réseau breton des tiers-lieux (2024)", "ODbL")
    cantine = CensusEntry.objects.get(external_id="RB-1")
    assert (cantine.typology, cantine.website, cantine.commune.code) == (
        "coworking",
        "https://lacantine.bzh",
        "35238",
    )
    assert cantine.extra == {}
    maker = CensusEntry.objects.get(external_id="RB-2")
    assert (maker.typology, maker.commune.name) == ("fablab", "Saint-Malo")
    assert "lou" not in json.dumps(report).lower()


def test_a_json_mapping_works_like_a_toml_one(communes, tmp_path):
    path = tmp_path / "mini.csv"
    path.write_text("code,titre,y,x\nA1,Le Local,48.11,-1.68\n", encoding="utf-8")
    mapping = tmp_path / "mini.json"
    mapping.write_text(
        json.dumps({"id": "code", "columns": {"name": "titre", "latitude": "y", "longitude": "x"}}),
        encoding="utf-8",
    )

    report, _ = import_file(path, mapping=str(mapping), source="Petit recensement")

    assert report["source"] == "petit-recensement"
    assert CensusEntry.objects.get().name == "Le Local"


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("id = \n", ".toml", "illisible"),
        ('{"id": "x"', ".json", "illisible"),
        ('id = "x"\n', ".toml", "« columns »"),
        ('id = "x"\n[columns]\nname = "n"\nheight = "h"\n', ".toml", "champs inconnus.*height"),
        ('id = "x"\n[columns]\nname = "n"\n[typologies]\nFriche = "friche"\n', ".toml", "typologies"),
        ('[columns]\nname = "n"\n', ".toml", "« id »"),
    ],
)
def test_a_bad_mapping_file_is_refused_in_one_line(communes, tmp_path, content, suffix, message):
    mapping = tmp_path / f"bad{suffix}"
    mapping.write_text(content, encoding="utf-8")
    path = tmp_path / "mini.csv"
    path.write_text("x,n\n1,A\n", encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        import_file(path, mapping=str(mapping))

    assert not CensusEntry.objects.exists()


def test_an_unknown_profile_is_refused_clearly(communes, tmp_path):
    path = tmp_path / "mini.csv"
    path.write_text("x,n\n1,A\n", encoding="utf-8")

    with pytest.raises(CommandError, match="Correspondance inconnue.*cget-2019"):
        import_file(path, mapping="ftl-2023")
