"""The CGET 2019 base, real and messy, from ../shared: every row accounted for, idempotent, versioned."""

import csv
import re
from collections import Counter

import pytest
from django.core.management import CommandError

from millelieux.census.models import Census, CensusEntry, CensusImport, DuplicateCandidate

from .helpers import REAL_CGET, import_file, read_report, write_cget

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not REAL_CGET.is_file(), reason="the CGET 2019 file is not in ../shared"),
]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def real_rows():
    with REAL_CGET.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_real_file_imports_with_every_row_accounted_for_once(france):
    report, output = import_file(REAL_CGET)

    assert report["source"] == "cget-2019"
    assert report["total"] == 1512
    outcomes = Counter(row["outcome"] for row in report["rows"])
    assert sum(outcomes.values()) == 1512
    assert outcomes["created"] + outcomes["rejected"] == 1512
    assert report["created"] == outcomes["created"] == CensusEntry.objects.count()
    assert len({row["line"] for row in report["rows"]}) == 1512
    assert len({row["id"] for row in report["rows"]}) == 1512
    assert "1512 lignes lues" in output
    census = Census.objects.get(slug="cget-2019")
    assert census.licence == "Licence Ouverte 2.0"
    assert census.attribution == "CGET (ANCT), base des tiers-lieux 2019"
    record = CensusImport.objects.get()
    assert (record.total, record.created) == (1512, report["created"])


def test_the_real_file_finds_communes_for_rows_without_an_insee_code(france):
    report, _ = import_file(REAL_CGET)

    rows_without_code = [r for r in real_rows() if r["INSEECOM"] == "0"]
    assert len(rows_without_code) > 100
    found = CensusEntry.objects.filter(
        external_id__in=[r["ID"] for r in rows_without_code], commune__isnull=False
    )
    assert found.count() > 0.9 * len(rows_without_code)
    by_postcode = [
        row for row in report["rows"] if any("code postal" in w["reason"] for w in row.get("warnings", []))
    ]
    assert by_postcode
    hand_placed = CensusEntry.objects.filter(location_note__contains="placé à la main")
    assert hand_placed.count() == sum(1 for r in real_rows() if r["GEOCOD"] == "PLACE A LA MAIN")


def test_the_personal_columns_of_the_real_file_are_never_stored(france):
    report, _ = import_file(REAL_CGET)

    extras = list(CensusEntry.objects.values_list("extra", flat=True))
    assert all("CONTACT" not in extra and "MAIL" not in extra for extra in extras)
    stored = " ".join(str(v) for v in CensusEntry.objects.values_list("name", "address", "website", "extra"))
    assert not EMAIL.search(stored)
    assert not EMAIL.search(str(report))


def test_the_real_file_flags_the_hotel_pasteur_pair_in_rennes(france):
    report, _ = import_file(REAL_CGET)

    pasteur = {e.external_id: e.name for e in CensusEntry.objects.filter(name__icontains="tel Pasteur")}
    assert sorted(pasteur.values()) == ["Hôtel Pasteur", "L'Hôtel Pasteur"]
    assert sorted(pasteur) in [sorted(pair) for pair in report["duplicates"]]
    assert DuplicateCandidate.objects.count() == len(report["duplicates"])


def test_importing_the_same_file_again_creates_and_updates_nothing(france):
    first, _ = import_file(REAL_CGET)

    second, output = import_file(REAL_CGET)

    assert (second["created"], second["updated"], second["gone"]) == (0, 0, 0)
    assert second["unchanged"] == first["created"]
    assert "0 créées, 0 mises à jour" in output
    assert DuplicateCandidate.objects.count() == len(first["duplicates"])


def test_a_new_version_updates_changed_rows_and_marks_vanished_ones_gone(france, tmp_path):
    import_file(REAL_CGET)
    rows = real_rows()
    renamed, vanished = rows[0], rows.pop(1)
    renamed["NOM_TL"] = "ADE Coworking (nouveau nom)"

    report, _ = import_file(write_cget(tmp_path / "cget-2020.csv", rows, columns=list(rows[0])))

    assert (report["created"], report["updated"], report["gone"]) == (0, 1, 1)
    assert report["unchanged"] == 1510
    assert CensusEntry.objects.get(external_id=renamed["ID"]).name == "ADE Coworking (nouveau nom)"
    gone = CensusEntry.objects.get(external_id=vanished["ID"])
    assert gone.status == CensusEntry.Status.GONE
    assert CensusEntry.objects.count() == 1512


def test_a_dry_run_of_the_real_file_writes_nothing(france):
    report, output = import_file(REAL_CGET, dry_run=True)

    assert report["created"] == 1512 and report["dry_run"] is True and report["written"] is False
    assert "rien n'a été écrit" in output
    assert not Census.objects.exists()
    assert not CensusEntry.objects.exists()
    assert not CensusImport.objects.exists()
    assert not DuplicateCandidate.objects.exists()


def test_one_bad_row_in_a_new_version_leaves_the_previous_import_exactly_as_it_was(france, tmp_path):
    import_file(REAL_CGET)
    before = list(CensusEntry.objects.order_by("pk").values())
    imports_before = CensusImport.objects.count()
    rows = real_rows()
    rows[0]["NOM_TL"] = "Renamed"  # would be an update
    rows.pop(5)  # would be marked gone
    rows[10]["LAT"] = "quarante-huit"

    with pytest.raises(CommandError, match="1 ligne"):
        import_file(write_cget(tmp_path / "bad.csv", rows, columns=list(rows[0])))

    assert list(CensusEntry.objects.order_by("pk").values()) == before
    assert CensusImport.objects.count() == imports_before
    report = read_report(tmp_path / "bad.csv")
    assert report["refused"] is True and report["rejected"] == 1
    rejected = [r for r in report["rows"] if r["outcome"] == "rejected"]
    assert rejected[0]["id"] == rows[10]["ID"]
    assert rejected[0]["errors"][0] == {
        "column": "LAT",
        "value": "quarante-huit",
        "reason": "coordonnée manquante ou non numérique",
    }


def test_the_demo_imports_the_shipped_copy_fully_and_a_second_run_changes_nothing(france):
    from millelieux.demo.management.commands.demo import CGET_2019_FILE

    first, _ = import_file(CGET_2019_FILE)
    second, _ = import_file(CGET_2019_FILE)

    assert (first["created"], first["rejected"]) == (1512, 0)
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 0, 1512)
