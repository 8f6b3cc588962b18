"""The book laid out chapter by chapter (books.layout): a chapter is laid out again only when its text or its
first page changed, and a book joined from kept chapters is the book composed from nothing, page for page,
bookmark for bookmark and link for link."""

import datetime
import functools
import os
import shutil
from io import BytesIO

import pikepdf
import pytest
from django.contrib.staticfiles import finders
from pypdf import PdfReader

from millelieux.books import layout
from millelieux.books.book import DOCUMENT_ORIGIN, book_fetcher, build_book, stylesheets, weasyprint
from millelieux.books.tests.test_book_pdf import outline_titles

pytestmark = pytest.mark.django_db

SITE = "https://millelieux.example.org"


@functools.cache
def facts(pdf):
    """What a reader of the PDF meets: each page's text, the outline, each link and where it leads."""
    reader = PdfReader(BytesIO(pdf))
    outline = outline_titles(reader)
    document = pikepdf.open(BytesIO(pdf))
    page_of = {page.objgen: index for index, page in enumerate(document.pages)}
    links = []
    for index, page in enumerate(document.pages):
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            box = [round(float(value)) for value in annotation.Rect]
            target = page_of[annotation.Dest[0].objgen] if "/Dest" in annotation else str(annotation.A.URI)
            links.append((index, tuple(box), target))
    return {
        "pages": [page.extract_text() for page in reader.pages],
        "outline": outline,
        "links": sorted(links),
    }


@pytest.fixture
def layouts(monkeypatch):
    """The first page of every chapter WeasyPrint lays out from now on."""
    calls = []
    lay_out = layout.ChapterPrinter.lay_out

    def counted(self, html, first_page, **options):
        calls.append(first_page)
        return lay_out(self, html, first_page, **options)

    monkeypatch.setattr(layout.ChapterPrinter, "lay_out", counted)
    return calls


def lengthen(place):
    """A monograph's story made longer by some pages: every chapter after it moves to other pages."""
    paragraph = (
        "Un paragraphe ajouté pour allonger le récit de la monographie et décaler les pages suivantes. " * 8
    )
    place.body = [*((block.block_type, block.value) for block in place.body)] + [
        ("paragraph", f"<p>{paragraph}</p>") for _ in range(25)
    ]
    place.save_revision().publish()


@pytest.fixture
def kept_chapters(demo_book, tmp_path):
    """A copy of the chapters laid out for the demo's book (each test changes its own)."""
    folder = tmp_path / "chapitres"
    shutil.copytree(demo_book.chapters, folder)
    return folder


def test_chapters_are_kept_and_an_edit_lays_out_only_what_it_changed(demo_book, kept_chapters, layouts):
    exploration = demo_book.exploration
    folder = kept_chapters
    first = demo_book.pdf
    chapters = len(list(folder.glob("*.pdf")))
    assert chapters >= 30
    assert sorted(path.name for path in folder.iterdir() if path.suffix == ".json") == sorted(
        [f"{path.stem}.json" for path in folder.glob("*.pdf")] + ["numbers.json"]
    )

    layouts.clear()
    again = build_book(exploration, base_url=SITE, chapters_folder=folder)
    assert layouts == []  # nothing changed: every chapter is taken as it was
    assert facts(again) == facts(first)

    article = exploration.articles().first().specific
    article.title = "Un entretien au titre corrigé"
    article.save_revision().publish()
    layouts.clear()
    edited = build_book(exploration, base_url=SITE, chapters_folder=folder)
    assert len(layouts) == 2  # the article, and the contents that list its title
    assert "Un entretien au titre corrigé" in facts(edited)["pages"][1]
    assert len(list(folder.glob("*.pdf"))) == chapters  # the article's old chapter is gone


def test_a_book_joined_from_kept_chapters_is_the_book_composed_from_nothing(
    demo_book, kept_chapters, layouts
):
    exploration = demo_book.exploration
    folder = kept_chapters
    lengthen(exploration.places().first().specific)

    layouts.clear()
    kept = facts(build_book(exploration, base_url=SITE, chapters_folder=folder))
    laid_out_again = len(layouts)
    fresh = facts(build_book(exploration, base_url=SITE))

    assert len(kept["pages"]) > len(facts(demo_book.pdf)["pages"])  # the monograph took more pages
    assert 1 not in layouts[:laid_out_again]  # the cover stayed as it was
    assert kept == fresh
    # the contents give the monographs' new pages
    contents = kept["pages"][1]
    for level, title, page in kept["outline"]:
        if level == 2 and title in {place.title for place in exploration.places()}:
            assert f"{title}" in kept["pages"][page - 1]
            assert str(page) in contents


def test_an_editions_book_takes_the_live_books_chapters_and_lays_out_only_its_cover(
    demo_book, kept_chapters, layouts
):
    exploration = demo_book.exploration
    live = facts(demo_book.pdf)
    files = {path.name: path.read_bytes() for path in kept_chapters.iterdir()}

    layouts.clear()
    pdf = build_book(
        exploration,
        base_url=SITE,
        edition_title="Mille Lieux — édition 2019",
        edition_date=datetime.date(2019, 6, 20),
        reused_chapters=kept_chapters,
    )

    assert layouts == [1]  # the cover, which names the edition; every other chapter is the live book's
    edition = facts(pdf)
    assert "Mille Lieux — édition 2019" in edition["pages"][0] and "20 juin 2019" in edition["pages"][0]
    assert edition["pages"][1:] == live["pages"][1:]
    assert edition["outline"] == live["outline"] and edition["links"] == live["links"]
    assert "édition 2019" in PdfReader(BytesIO(pdf)).metadata.title
    # the live book's chapters are read, never written nor removed
    assert {path.name: path.read_bytes() for path in kept_chapters.iterdir()} == files


def test_a_book_reusing_a_folder_of_chapters_writes_nothing_there(tmp_path):
    chapter = layout.LaidOutChapter(
        pdf=b"%PDF-1.7 un chapitre\n%%EOF", page_count=1, anchors={}, links=[], bookmarks=[]
    )
    folder = layout.ChapterFolder(tmp_path / "livre")
    folder.put("kept", chapter)
    folder.finish(["kept"], {"impact-3": "12"})
    memory = layout.ChapterMemory(reused=layout.ChapterFolder(tmp_path / "livre"))

    assert memory.numbers == {"impact-3": "12"}  # the first round's page numbers are the other book's
    assert memory.get("kept") == chapter
    assert memory.get("other") is None
    memory.put("other", chapter)
    memory.finish(["other"], {})
    assert memory.get("other") == chapter
    assert sorted(path.name for path in (tmp_path / "livre").iterdir()) == [
        "kept.json",
        "kept.pdf",
        "numbers.json",
    ]
    (tmp_path / "livre" / "kept.json").write_text("{abîmé")  # damaged: laid out again, not trusted
    assert layout.ChapterMemory(reused=layout.ChapterFolder(tmp_path / "livre")).get("kept") is None


def test_a_damaged_chapter_file_is_laid_out_again_not_trusted(demo_book, kept_chapters, layouts):
    exploration = demo_book.exploration
    folder = kept_chapters
    first = demo_book.pdf
    damaged = sorted(folder.glob("*.pdf"))[0]
    damaged.write_bytes(b"pas un PDF")
    (folder / "numbers.json").write_text("{pas du JSON")

    layouts.clear()
    again = build_book(exploration, base_url=SITE, chapters_folder=folder)

    assert len(layouts) >= 1
    assert damaged.read_bytes().startswith(b"%PDF-")
    assert facts(again) == facts(first)


def test_each_link_inside_the_book_is_given_its_page_number():
    html = (
        '<p><a href="#impact-3">voir</a> <a class="page-ref" href="#monographie-2">ici</a> '
        '<a href="https://example.org/#x">dehors</a> <a href="#inconnue">là</a></p>'
    )
    numbered = layout.with_page_numbers(html, {"impact-3": "41", "monographie-2": "7"})
    assert '<a href="#impact-3" data-page="41">' in numbered
    assert '<a class="page-ref" href="#monographie-2" data-page="7">' in numbered
    assert '<a href="https://example.org/#x">' in numbered  # not a link inside the book
    assert f'<a href="#inconnue" data-page="{layout.UNKNOWN_PAGE}">' in numbered
    assert layout.linked_anchors(html) == {"impact-3", "monographie-2", "inconnue"}


def test_a_point_of_the_page_in_pdf_points_from_the_bottom():
    # A4 is 793.7 CSS pixels tall: its top left corner is 595.28 points above the bottom
    assert layout.pdf_point(0, 0, 793.7) == [0, 595.28]
    assert layout.pdf_point(96, 793.7, 793.7) == [72, 0]


def test_kept_chapters_are_laid_out_again_when_a_typeface_of_the_style_sheets_changes(tmp_path, monkeypatch):
    urls, digest = stylesheets()
    assert [url.rsplit("/static/", 1)[1] for url in urls] == [
        "css/fonts.css",
        "css/site.css",
        "books/book.css",
    ]
    assert stylesheets()[1] == digest
    other_version = tmp_path / "source-sans-3-latin-400-normal.woff2"
    other_version.write_bytes(b"wOF2 une autre version de la fonte")
    find = finders.find

    def find_other_version(name, *args, **kwargs):
        return str(other_version) if name.endswith(other_version.name) else find(name, *args, **kwargs)

    monkeypatch.setattr(finders, "find", find_other_version)
    assert stylesheets()[1] != digest


def printer(digest):
    urls, _digest = stylesheets()
    return layout.ChapterPrinter(
        weasyprint(), urls, book_fetcher(), DOCUMENT_ORIGIN, stylesheet_digest=digest
    )


def test_the_style_sheets_are_read_once_for_the_books_of_a_thread_while_their_digest_holds():
    digest = stylesheets()[1]
    fonts, sheets = printer(digest).sheets()

    assert printer(digest).sheets() == (fonts, sheets)  # the next book: the same sheets, not read again
    other_fonts, other_sheets = printer(f"{digest}-changed").sheets()
    assert other_fonts is not fonts and other_sheets is not sheets
    chapter = printer(f"{digest}-changed").lay_out("<html><body><h1>Un chapitre</h1></body></html>", 7)
    assert chapter.page_count == 1 and chapter.pdf.startswith(b"%PDF")


def test_a_forked_process_never_removes_the_typefaces_of_the_sheets_its_parent_read():
    """The export's rendering processes are forked: they use the sheets their parent read, and the typefaces'
    temporary folder stays the parent's."""
    fonts, _sheets = printer(stylesheets()[1]).sheets()
    folder = fonts._folder
    assert folder is not None and any(folder.iterdir())  # the typefaces of fonts.css, written there
    child = os.fork()
    if child == 0:
        try:  # what collecting the sheets' fonts does: when the process ends, or reads other sheets
            fonts.__del__()
        finally:
            os._exit(0)
    _pid, status = os.waitpid(child, 0)

    assert os.waitstatus_to_exitcode(status) == 0
    assert folder.is_dir() and any(folder.iterdir())
