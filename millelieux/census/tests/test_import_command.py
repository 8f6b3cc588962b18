"""`millelieux import-census`: its report file, its counts, its exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections

from millelieux.census.models import CensusEntry
from millelieux.cli import main

from .helpers import cget_row, import_file, write_cget

pytestmark = pytest.mark.django_db


def test_the_report_file_has_the_shape_the_issue_gives(communes, tmp_path):
    path = write_cget(
        tmp_path / "c.csv", [cget_row(ID="1"), cget_row(ID="2", LAT="x"), cget_row(ID="3", WEB="n/a")]
    )
    report_path = tmp_path / "report.json"

    import_file(path, report=str(report_path), continue_on_error=True)

    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert {
        "source",
        "total",
        "created",
        "updated",
        "unchanged",
        "rejected",
        "gone",
        "duplicates",
        "rows",
    } <= set(report)
    assert (report["source"], report["total"], report["created"], report["rejected"]) == (
        "cget-2019",
        3,
        2,
        1,
    )
    assert report["rows"][0] == {"line": 2, "id": "1", "outcome": "created", "errors": []}
    assert report["rows"][1] == {
        "line": 3,
        "id": "2",
        "outcome": "rejected",
        "errors": [{"column": "LAT", "value": "x", "reason": "coordonnée manquante ou non numérique"}],
    }
    assert report["rows"][2]["warnings"] == [
        {"column": "WEB", "value": "n/a", "reason": "adresse web invalide, ignorée"}
    ]


def test_the_command_prints_the_counts(communes, tmp_path):
    _report, output = import_file(write_cget(tmp_path / "c.csv", [cget_row()]))

    assert (
        "cget-2019 : 1 lignes lues, 1 créées, 0 mises à jour, 0 inchangées, 0 rejetées, 0 disparues" in output
    )


def run_cli(monkeypatch, *args):
    """The `millelieux` entry point as a shell runs it; returns its exit status. Django closes the database
    connections when a command run from the command line ends: kept open here, inside the test's transaction."""
    monkeypatch.setattr(connections, "close_all", lambda: None)
    try:
        main(["millelieux", *args])
    except SystemExit as exit_info:
        return exit_info.code
    return 0


def test_the_dashed_command_exits_zero_on_success_and_one_when_refused(
    communes, tmp_path, capsys, monkeypatch
):
    good = write_cget(tmp_path / "good.csv", [cget_row(ID="1")])
    bad = write_cget(tmp_path / "bad.csv", [cget_row(ID="1"), cget_row(ID="2", LAT="x")])

    assert run_cli(monkeypatch, "import-census", str(good)) == 0
    assert run_cli(monkeypatch, "import-census", str(bad), "--report", str(tmp_path / "r.json")) == 1

    err = capsys.readouterr().err
    assert "Import refusé : 1 ligne(s) rejetée(s)" in err
    assert "Traceback" not in err
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["refused"] is True
    assert list(CensusEntry.objects.values_list("external_id", flat=True)) == ["1"]


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"ID,NOM_TL\n"])
def test_bad_files_exit_one_with_a_one_line_error(communes, tmp_path, capsys, monkeypatch, content):
    path = tmp_path / "f.csv"
    path.write_bytes(content)

    assert run_cli(monkeypatch, "import-census", str(path)) == 1

    err = capsys.readouterr().err.strip()
    assert err.startswith("CommandError:") and len(err.splitlines()) == 1


def test_no_progress_bar_when_the_output_is_not_a_terminal(communes, tmp_path):
    """Run as a real process with its output in a pipe: the counts only, no bar."""
    path = write_cget(tmp_path / "c.csv", [cget_row()])
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="millelieux.settings.test")
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{Path(database['NAME'])}"
    result = subprocess.run(
        [sys.executable, "-m", "millelieux.cli", "import-census", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        timeout=120,
    )

    assert "[" not in result.stderr and "\r" not in result.stdout + result.stderr
