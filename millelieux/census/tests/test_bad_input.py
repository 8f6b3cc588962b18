"""Each kind of bad input the issue lists, in a small file: a clear one-line error before anything is written,
or the row rejected (or corrected) with its column, value and reason in the report."""

import pytest
from django.core.management import CommandError

from millelieux.census.models import Census, CensusEntry, CensusImport

from .helpers import CGET_COLUMNS, cget_row, import_file, read_report, report_path_for, write_cget

pytestmark = pytest.mark.django_db


def nothing_written():
    return not (Census.objects.exists() or CensusEntry.objects.exists() or CensusImport.objects.exists())


def test_a_semicolon_separated_windows_1252_file_imports_with_its_accents(communes, tmp_path):
    path = write_cget(
        tmp_path / "cget.csv",
        [cget_row(ID="1", NOM_TL="Le Château d'Eau — Fablab"), cget_row(ID="2", NOM_TL="Café Société")],
        delimiter=";",
        encoding="cp1252",
    )

    report, _ = import_file(path)

    assert report["created"] == 2
    assert set(CensusEntry.objects.values_list("name", flat=True)) == {
        "Le Château d'Eau — Fablab",
        "Café Société",
    }
    assert CensusEntry.objects.get(external_id="1").typology_label == "Tiers lieux à dominante coworking"


def test_a_utf8_file_with_a_byte_order_mark_finds_its_first_column(communes, tmp_path):
    path = tmp_path / "bom.csv"
    write_cget(path, [cget_row(ID="7", NOM_TL="Ébullition")], encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfID,")

    report, _ = import_file(path)

    assert report["rows"] == [{"line": 2, "id": "7", "outcome": "created", "errors": []}]
    assert CensusEntry.objects.get(external_id="7").name == "Ébullition"


def test_quoted_new_lines_stay_in_their_cell_and_lines_are_those_of_the_file(communes, tmp_path):
    path = write_cget(
        tmp_path / "multiline.csv",
        [cget_row(ID="1", ADRESSE="Bâtiment B\n2 place Pasteur"), cget_row(ID="2", LAT="nord")],
    )

    with pytest.raises(CommandError):
        import_file(path)

    rows = read_report(path)["rows"]
    assert [(r["line"], r["id"]) for r in rows] == [(2, "1"), (4, "2")]


def test_missing_required_columns_are_named_and_nothing_is_written(communes, tmp_path):
    columns = [c for c in CGET_COLUMNS if c not in ("NOM_TL", "LAT")]
    path = write_cget(tmp_path / "partial.csv", [cget_row()], columns=columns)

    with pytest.raises(CommandError, match="Colonnes obligatoires absentes.*« NOM_TL ».*« LAT »"):
        import_file(path)

    assert nothing_written()
    assert not report_path_for(path).exists()


@pytest.mark.parametrize(
    ("latitude", "longitude", "column", "reason"),
    [
        ("quarante-huit", "-1.67", "LAT", "coordonnée manquante ou non numérique"),
        ("48.11", "", "LONG", "coordonnée manquante ou non numérique"),
        ("40.4168", "-3.7038", "LAT/LONG", "coordonnées hors de France"),  # Madrid
        ("nan", "2.35", "LAT", "coordonnée manquante ou non numérique"),
    ],
)
def test_non_numeric_or_out_of_france_coordinates_reject_the_row(
    communes, tmp_path, latitude, longitude, column, reason
):
    path = write_cget(
        tmp_path / "coordinates.csv", [cget_row(ID="1"), cget_row(ID="2", LAT=latitude, LONG=longitude)]
    )

    with pytest.raises(CommandError, match="Import refusé"):
        import_file(path)

    report = read_report(path)
    assert report["refused"] is True and report["rejected"] == 1 and report["created"] == 1
    assert report["rows"][1]["outcome"] == "rejected"
    assert report["rows"][1]["errors"][0]["column"] == column
    assert report["rows"][1]["errors"][0]["reason"] == reason
    assert nothing_written()


def test_with_continue_on_error_the_bad_rows_are_skipped_and_the_others_written(communes, tmp_path):
    path = write_cget(tmp_path / "mixed.csv", [cget_row(ID="1"), cget_row(ID="2", LAT="x"), cget_row(ID="3")])

    report, output = import_file(path, continue_on_error=True)

    assert (report["created"], report["rejected"], report["refused"]) == (2, 1, False)
    assert sorted(CensusEntry.objects.values_list("external_id", flat=True)) == ["1", "3"]
    assert "1 rejetées" in output


def test_overseas_coordinates_are_in_france(communes, tmp_path):
    path = write_cget(
        tmp_path / "overseas.csv",
        [cget_row(ID="1", LAT="16.2650", LONG="-61.5510", INSEECOM="97101", CP="97139", INSEEDEP="971")],
    )

    report, _ = import_file(path)

    entry = CensusEntry.objects.get()
    assert (entry.latitude, entry.longitude, entry.commune.name) == (16.265, -61.551, "Les Abymes")


def test_swapped_coordinates_are_swapped_back_and_noted(communes, tmp_path):
    path = write_cget(tmp_path / "swapped.csv", [cget_row(ID="1", LAT="-1.67403", LONG="48.110431")])

    report, _ = import_file(path)

    entry = CensusEntry.objects.get()
    assert (entry.latitude, entry.longitude) == (48.110431, -1.67403)
    assert "inversées" in entry.location_note
    assert report["rows"][0]["outcome"] == "created"
    assert report["rows"][0]["warnings"][0]["column"] == "LAT/LONG"
    assert "inversées" in report["rows"][0]["warnings"][0]["reason"]


def test_the_second_row_with_an_id_already_seen_is_rejected(communes, tmp_path):
    path = write_cget(
        tmp_path / "twice.csv", [cget_row(ID="9", NOM_TL="Premier"), cget_row(ID="9", NOM_TL="Second")]
    )

    with pytest.raises(CommandError):
        import_file(path)

    rows = read_report(path)["rows"]
    assert [r["outcome"] for r in rows] == ["created", "rejected"]
    assert rows[1]["errors"] == [
        {"column": "ID", "value": "9", "reason": "identifiant déjà vu plus haut dans le fichier"}
    ]
    assert nothing_written()


def test_html_and_script_in_a_name_are_stored_as_text(communes, tmp_path):
    name = '<script>alert("x")</script><b>La Ruche</b>'
    path = write_cget(tmp_path / "html.csv", [cget_row(ID="1", NOM_TL=f"  {name} ")])

    import_file(path)

    assert CensusEntry.objects.get().name == name


def test_an_empty_file_with_only_its_header_is_refused_clearly(communes, tmp_path):
    path = write_cget(tmp_path / "header-only.csv", [])

    with pytest.raises(CommandError, match="aucune ligne de données"):
        import_file(path)

    assert nothing_written()


def test_a_zero_byte_file_is_refused_clearly(communes, tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")

    with pytest.raises(CommandError, match=r"vide \(0 octet\)"):
        import_file(path)

    assert nothing_written()


def test_a_binary_file_is_refused_clearly(communes, tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    with pytest.raises(CommandError, match="semble binaire"):
        import_file(path)

    assert nothing_written()


def test_a_file_that_is_not_a_workbook_is_refused_as_xlsx_clearly(communes, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"ID,NOM_TL\n1,La Ruche\n")

    with pytest.raises(CommandError, match="Classeur XLSX illisible"):
        import_file(path)


def test_a_missing_file_a_folder_and_an_unknown_format_are_refused_clearly(communes, tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        import_file(tmp_path / "nowhere.csv")
    with pytest.raises(CommandError, match="Ce n'est pas un fichier"):
        import_file(tmp_path)
    with pytest.raises(CommandError, match="Format inconnu : « ods »"):
        import_file(write_cget(tmp_path / "x.csv", [cget_row()]), format="ods")


def test_rows_with_more_or_fewer_cells_than_the_header_are_rejected(communes, tmp_path):
    path = write_cget(tmp_path / "ragged.csv", [cget_row(ID="1")])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("2,Trop court,rue\n")
        handle.write(",".join(["3"] + ["x"] * len(CGET_COLUMNS)) + "\n")

    with pytest.raises(CommandError):
        import_file(path)

    rows = read_report(path)["rows"]
    assert [(r["line"], r["id"], r["outcome"]) for r in rows] == [
        (2, "1", "created"),
        (3, "2", "rejected"),
        (4, "3", "rejected"),
    ]
    assert rows[1]["errors"][0]["reason"] == "la ligne a 3 cellules, l'en-tête 30 colonnes"
    assert rows[2]["errors"][0]["reason"] == "la ligne a 31 cellules, l'en-tête 30 colonnes"
    assert nothing_written()


def test_a_missing_insee_code_falls_back_on_the_postcode_and_then_on_the_name(communes, tmp_path):
    path = write_cget(
        tmp_path / "communes.csv",
        [
            cget_row(ID="1", INSEECOM="0", CP="35400", NOMCOM="Saint-Malo", LAT="48.649", LONG="-2.025"),
            cget_row(ID="2", INSEECOM="0", CP="0", NOMCOM="ST MALO", LAT="48.649", LONG="-2.025"),
            cget_row(
                ID="3",
                INSEECOM="99999",
                CP="0",
                NOMCOM="",
                COMINIT="",
                INSEEDEP="",
                LAT="48.649",
                LONG="-2.025",
            ),
        ],
    )

    report, _ = import_file(path)

    entries = {e.external_id: e for e in CensusEntry.objects.select_related("commune")}
    assert entries["1"].commune.name == "Saint-Malo"
    assert "code postal" in report["rows"][0]["warnings"][0]["reason"]
    assert entries["2"].commune.name == "Saint-Malo"
    assert "nom dans le département" in report["rows"][1]["warnings"][0]["reason"]
    assert entries["3"].commune is None
    assert report["rows"][2]["warnings"][0] == {
        "column": "INSEECOM",
        "value": "99999",
        "reason": "commune introuvable (code INSEE inconnu ou absent)",
    }


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("www.laruche.fr", "https://www.laruche.fr"),
        ("laruche.fr/contact", "https://laruche.fr/contact"),
        ("http://laruche.fr", "http://laruche.fr"),
        ("en cours", ""),
        ("contact@laruche.fr", ""),
        ("javascript:alert(1)", ""),
        ("https://a.fr|site web", ""),
    ],
)
def test_web_addresses_get_a_scheme_and_garbage_is_set_aside(communes, tmp_path, given, stored):
    path = write_cget(tmp_path / "web.csv", [cget_row(WEB=given)])

    report, _ = import_file(path)

    assert CensusEntry.objects.get().website == stored
    if not stored:
        assert report["rows"][0]["warnings"][0]["reason"] == "adresse web invalide, ignorée"
        assert "@" not in report["rows"][0]["warnings"][0]["value"]


def test_typology_labels_become_codes_and_an_unknown_one_is_other(communes, tmp_path):
    path = write_cget(
        tmp_path / "typology.csv",
        [
            cget_row(ID="1", TYPO="Tiers lieux à dominante fablab"),
            cget_row(ID="2", TYPO=""),
            cget_row(ID="3", TYPO="Friche culturelle"),
        ],
    )

    report, _ = import_file(path)

    typologies = dict(CensusEntry.objects.values_list("external_id", "typology"))
    assert typologies == {"1": "fablab", "2": "", "3": "other"}
    assert report["rows"][2]["warnings"][0]["value"] == "Friche culturelle"


def test_personal_columns_are_dropped_as_the_file_is_read(communes, tmp_path):
    path = write_cget(tmp_path / "personal.csv", [cget_row(FACEBOOK="écrire à camille@example.org")])

    report, _ = import_file(path)

    entry = CensusEntry.objects.get()
    assert "CONTACT" not in entry.extra and "MAIL" not in entry.extra
    assert "Camille Martin" not in str(entry.extra) and "@" not in str(entry.extra)
    assert entry.extra["METRO"] == "1"
    assert "camille" not in str(report).lower()
