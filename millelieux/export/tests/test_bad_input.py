"""What the export refuses, with a clear message, and what a failure leaves behind: the previous export,
untouched, and no temporary folder."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from millelieux.explorations.factories import make_exploration
from millelieux.explorations.models import ExplorationPage
from millelieux.export.site import MARKER, ExportError, Writer, export_site

from .conftest import export

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return make_exploration(title="Mille Lieux")


def leftovers(folder):
    return sorted(path.name for path in folder.iterdir() if path.name.startswith("."))


def test_an_unknown_exploration_is_refused_with_the_known_ones(site, tmp_path):
    with pytest.raises(
        CommandError,
        match=r"Aucune exploration publiée n'a pour identifiant 'nulle-part' \(connues : mille-lieux\)",
    ):
        export(tmp_path / "site", "--exploration", "nulle-part")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "base_url", ["ftp://example.org", "example.org/etudes", "https://", "https://e.org/?a=1"]
)
def test_a_base_url_that_is_not_http_is_refused(site, tmp_path, base_url):
    with pytest.raises(CommandError, match="L'adresse de base doit être une adresse http ou https"):
        export(tmp_path / "site", "--base-url", base_url)
    assert list(tmp_path.iterdir()) == []


def test_an_outdir_that_is_a_file_is_refused_and_kept(site, tmp_path):
    outdir = tmp_path / "site"
    outdir.write_text("mes notes", encoding="utf-8")

    with pytest.raises(CommandError, match="est un fichier, pas un dossier"):
        export(outdir)
    assert outdir.read_text(encoding="utf-8") == "mes notes"


def test_a_folder_that_is_not_an_export_is_never_replaced(site, tmp_path):
    outdir = tmp_path / "documents"
    outdir.mkdir()
    (outdir / "thèse.odt").write_bytes(b"precious")

    with pytest.raises(CommandError, match="ne contient pas d'export précédent"):
        export(outdir)
    assert [path.name for path in outdir.iterdir()] == ["thèse.odt"]
    assert leftovers(tmp_path) == []


def test_an_empty_folder_is_filled(site, tmp_path):
    outdir = tmp_path / "site"
    outdir.mkdir()

    export(outdir)
    assert (outdir / "index.html").is_file() and (outdir / MARKER).is_file()


def test_an_outdir_whose_parent_is_missing_or_not_writable_is_refused(site, tmp_path):
    with pytest.raises(CommandError, match="Le dossier parent .* n'existe pas"):
        export(tmp_path / "nulle-part" / "site")
    # /proc refuses new folders, even to root
    with pytest.raises(CommandError, match=r"(Impossible d'écrire dans|Export impossible).*"):
        export("/proc/millelieux-export")


def test_a_page_answering_500_fails_the_export_and_keeps_the_previous_one(site, tmp_path, monkeypatch):
    outdir = tmp_path / "site"
    export(outdir)
    before = {path: path.read_bytes() for path in outdir.rglob("*") if path.is_file()}

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a template bug")

    monkeypatch.setattr(ExplorationPage, "get_context", broken)
    with pytest.raises(CommandError, match=r"/explorations/mille-lieux/ a répondu 500 : l'export est annulé"):
        export(outdir)
    assert {path: path.read_bytes() for path in outdir.rglob("*") if path.is_file()} == before
    assert leftovers(tmp_path) == []


def test_a_failure_while_writing_leaves_the_previous_export_whole(site, tmp_path, monkeypatch):
    outdir = tmp_path / "site"
    export_site(outdir)
    before = {path: path.read_bytes() for path in outdir.rglob("*") if path.is_file()}
    written = []
    real_write = Writer.write

    def disk_full_after_three(self, name, data):
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(name)
        real_write(self, name, data)

    monkeypatch.setattr(Writer, "write", disk_full_after_three)
    with pytest.raises(
        CommandError, match="Export impossible : .*No space left on device.*L'export précédent est intact"
    ):
        export(outdir)
    assert {path: path.read_bytes() for path in outdir.rglob("*") if path.is_file()} == before
    assert leftovers(tmp_path) == []


def test_export_site_raises_export_error_for_the_other_helpers_to_catch(site, tmp_path):
    with pytest.raises(ExportError):
        export_site(tmp_path / "x", exploration="absente")


def test_an_unknown_language_is_refused(site, tmp_path):
    with pytest.raises(ExportError, match=r"Langue inconnue : de \(langues du site : fr, en\)"):
        export_site(tmp_path / "x", languages=["fr", "de"])
    assert list(tmp_path.iterdir()) == []


def test_the_french_pages_alone_link_to_the_english_ones_on_the_live_site(site, tmp_path):
    export_site(tmp_path / "site", languages=["fr"])

    assert (tmp_path / "site" / "index.html").is_file()
    assert not (tmp_path / "site" / "en").exists()
    live = Site.objects.get(is_default_site=True).root_url
    assert f'href="{live}/en/' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--workers", "0"], "--workers doit être compris entre 1 et 64 (reçu : 0)."),
        (["--repeat", "0"], "--repeat doit être compris entre 1 et 100 (reçu : 0)."),
        (["--repeat", "1000"], "--repeat doit être compris entre 1 et 100 (reçu : 1000)."),
    ],
)
def test_the_export_benchmark_refuses_counts_out_of_range_before_building_anything(arguments, message):
    with pytest.raises(CommandError) as error:
        call_command("benchmark_export", *arguments, stdout=StringIO())
    assert str(error.value) == message
