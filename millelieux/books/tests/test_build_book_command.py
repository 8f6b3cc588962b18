"""`millelieux build-book SLUG OUTPUT.pdf`: the book of a published exploration, written whole or not at all."""

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def small():
    """A published exploration with one monograph and one impact (a book of a few pages, built in seconds)."""
    exploration = make_exploration("Petite exploration", slug="petite")
    place = make_place(
        exploration,
        "La Quincaillerie",
        timeline_events=[{"start_year": 2015, "title": "Ouverture", "kind": "opening"}],
        stakeholders=[{"name": "La mairie", "kind": "public_authority", "scale": "local"}],
    )
    impact = make_impact(exploration, "Créer des communs")
    make_evidence(place, impact, strength=3)
    return exploration


def build(*args):
    out = StringIO()
    call_command("build_book", *args, stdout=out)
    return out.getvalue()


def test_it_writes_the_book_of_a_published_exploration(small, tmp_path):
    output = tmp_path / "livre.pdf"

    message = build("petite", str(output), "--edition-title", "Édition de test")

    reader = PdfReader(BytesIO(output.read_bytes()))
    assert len(reader.pages) >= 4
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "La Quincaillerie" in text and "Créer des communs" in text and "Édition de test" in text
    assert "Petite exploration" in message and str(output) in message
    assert [path.name for path in tmp_path.iterdir()] == ["livre.pdf"]  # no temporary file left beside it


def test_it_replaces_an_existing_file_only_with_a_whole_book(small, tmp_path):
    output = tmp_path / "livre.pdf"
    output.write_bytes(b"ancien livre")

    build("petite", str(output))

    assert output.read_bytes().startswith(b"%PDF-")


def test_an_unknown_slug_is_refused_with_the_published_ones(small, tmp_path):
    make_exploration("Brouillon", slug="brouillon", live=False)

    with pytest.raises(CommandError) as error:
        build("nulle-part", str(tmp_path / "livre.pdf"))

    assert "« nulle-part »" in str(error.value)
    assert "petite" in str(error.value) and "brouillon" not in str(error.value)
    assert not (tmp_path / "livre.pdf").exists()


def test_a_draft_exploration_has_no_book(small, tmp_path):
    make_exploration("Brouillon", slug="brouillon", live=False)

    with pytest.raises(CommandError, match="brouillon"):
        build("brouillon", str(tmp_path / "livre.pdf"))


def test_a_missing_folder_is_refused_before_building(small, tmp_path):
    with pytest.raises(CommandError, match="n'existe pas"):
        build("petite", str(tmp_path / "absent" / "livre.pdf"))

    assert not (tmp_path / "absent").exists()


def test_a_folder_given_as_output_is_refused(small, tmp_path):
    with pytest.raises(CommandError, match="est un dossier"):
        build("petite", str(tmp_path))


def test_a_folder_that_cannot_be_written_is_refused(small, tmp_path):
    # A file standing where the folder should be: no one, root included, can create a file inside it.
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")

    with pytest.raises(CommandError, match="n'existe pas"):
        build("petite", str(blocker / "livre.pdf"))
    assert blocker.read_text() == "pas un dossier"


def test_a_read_only_folder_is_refused(small, tmp_path):
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        probe = folder / "essai"
        try:
            probe.write_text("x")
        except PermissionError:
            pass
        else:
            probe.unlink()
            pytest.skip("this user writes in read-only folders (root)")
        with pytest.raises(CommandError, match="Impossible d'écrire"):
            build("petite", str(folder / "livre.pdf"))
    finally:
        folder.chmod(0o700)


def test_a_matrix_of_many_impacts_is_printed_across_a_landscape_page(small, tmp_path):
    place = small.places().get()
    for number in range(11):
        make_evidence(place, make_impact(small, f"Impact numéro {number}"), strength=1 + number % 3)
    output = tmp_path / "livre.pdf"

    build("petite", str(output))

    reader = PdfReader(BytesIO(output.read_bytes()))
    matrix = next(page for page in reader.pages if "Impacts observés dans chaque lieu" in page.extract_text())
    assert matrix.mediabox.width > matrix.mediabox.height
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height
