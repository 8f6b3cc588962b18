"""The book laid out chapter by chapter by WeasyPrint, then joined into one PDF by pikepdf (qpdf).

    pdf = compose(chapters, printer, store=ChapterFolder(folder))   # chapters: HTML documents, in book order

WeasyPrint lays a document out in one piece, some 80 ms a page here: 7 to 9 s for the demo's book of 86 pages, for
any edit of any page. So the book is cut into chapters (the cover, the contents, a part's opening page, each
monograph, impact and article, the matrix, the bibliography), each laid out as a document of its own from its
first page number, and their PDFs are joined. A laid-out chapter is kept (`ChapterFolder`) under a digest of its
HTML, its first page number and the style sheets: after an edit, only the chapters whose text or first page
changed are laid out again.

Page numbers across chapters: a link inside the book (the contents, « voir l'impact, p. 34 ») carries its
target's page number in data-page, which book.css prints. The numbers are those of the previous layout (kept with
the chapters); the layout is repeated until every number printed is the page found, which takes one more round
when the book is laid out for the first time or when an edit moves chapters to other pages.

WeasyPrint's links, bookmarks and named destinations only see their own chapter, so they are read from each
chapter's layout and written by the join for the whole book: each link to its page, the outline of parts and
entries, a named destination per anchor (livre.pdf#monographie-12).
"""

import atexit
import hashlib
import json
import logging
import os
import re
import threading
from dataclasses import asdict, dataclass
from importlib import import_module
from io import BytesIO
from pathlib import Path

from .files import write_atomically

# Raised when what a laid-out chapter keeps changes: chapters kept by an earlier version are then laid out again.
LAYOUT_FORMAT = "1"
# Rounds of layout before the page numbers must agree; the second round settles them, a third only if a number's
# width moved a line to the next page.
MAX_ROUNDS = 4
# A number not known yet (first layout): as wide as most page numbers of a book, so the lines break alike.
UNKNOWN_PAGE = "00"
# CSS pixels to PDF points: WeasyPrint draws at 96 px an inch, PDF counts 72 points.
POINTS_PER_PIXEL = 0.75

INTERNAL_LINK = re.compile(r'<a\b([^>]*?)\shref="#([^"]+)"')


class _ReadSheets(threading.local):
    """The style sheets read for the last book of this thread (see ChapterPrinter.sheets): Pango's font map is not
    shared between threads."""

    key = value = None


_read_sheets = _ReadSheets()


def _read_sheets_inherited():
    """In a forked process (the export's rendering processes), the sheets read by the parent are used as they are,
    but the temporary folder of their typefaces is the parent's: this process must never remove it, which
    WeasyPrint does when a FontConfiguration is collected (its `_folder`)."""
    if _read_sheets.value is not None:
        _read_sheets.value[0]._folder = None


@atexit.register
def _forget_read_sheets():
    # collected while WeasyPrint can still clean up after it, not during the interpreter's shutdown
    _read_sheets.key = _read_sheets.value = None


os.register_at_fork(after_in_child=_read_sheets_inherited)

logger = logging.getLogger(__name__)


class LayoutDidNotSettle(Exception):
    """The page numbers kept changing the layout (a page number moving its own target): the book is not written."""


@dataclass
class LaidOutChapter:
    """A chapter's PDF and what the join needs from its layout, page indexes counted from the chapter's first
    page and positions in PDF points from the page's bottom left.

    anchors: {name: [page, x, y]}; links: [[page, [x1, y1, x2, y2], anchor name]];
    bookmarks: [[page, level, label, x, y]].
    """

    pdf: bytes | None  # None when only measured
    page_count: int
    anchors: dict
    links: list
    bookmarks: list

    def facts(self):
        facts = asdict(self)
        del facts["pdf"]
        return facts


class ChapterMemory:
    """Laid-out chapters kept for one composition only (a citable edition's book, the command-line build).

    `reused`: the ChapterFolder of another book (the live book, for an edition), read and never written: a
    chapter laid out the same there is taken from it, and its page numbers are the first round's."""

    def __init__(self, reused=None):
        self.chapters = {}
        self.reused = reused
        self.numbers = dict(reused.numbers) if reused is not None else {}

    def get(self, key):
        chapter = self.chapters.get(key)
        if chapter is None and self.reused is not None:
            chapter = self.reused.get(key)
        return chapter

    def put(self, key, chapter):
        self.chapters[key] = chapter

    def finish(self, keys, numbers):
        self.numbers = numbers


class ChapterFolder:
    """Laid-out chapters kept in a folder from one composition to the next: `<key>.pdf` and `<key>.json` per
    chapter, `numbers.json` for the page numbers of the last book. Only the last book's chapters are kept. A file
    that cannot be read is laid out again, never trusted. Callers hold the book's lock (books.cache)."""

    NUMBERS = "numbers.json"

    def __init__(self, folder):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.numbers = read_json(self.folder / self.NUMBERS) or {}
        if not isinstance(self.numbers, dict):
            self.numbers = {}

    def get(self, key):
        facts = read_json(self.folder / f"{key}.json")
        try:
            pdf = (self.folder / f"{key}.pdf").read_bytes()
            chapter = LaidOutChapter(pdf=pdf, **facts)
        except (OSError, TypeError):
            return None
        return chapter if pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:] else None

    def put(self, key, chapter):
        write_atomically(self.folder / f"{key}.pdf", chapter.pdf)
        write_atomically(self.folder / f"{key}.json", json.dumps(chapter.facts()).encode())

    def finish(self, keys, numbers):
        write_atomically(self.folder / self.NUMBERS, json.dumps(numbers, sort_keys=True).encode())
        kept = {f"{key}{suffix}" for key in keys for suffix in (".pdf", ".json")} | {self.NUMBERS}
        for path in self.folder.iterdir():
            if path.is_file() and path.name not in kept and not path.name.startswith("."):
                path.unlink(missing_ok=True)


def read_json(path):
    try:
        return json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return None


class ChapterPrinter:
    """Lays chapters out with WeasyPrint: the style sheets are read once (with their typefaces) for every chapter.

    `weasyprint` is the module, `stylesheets` the addresses of the sheets, `fetcher` the URL fetcher reading
    them, `base_url` where the chapters' relative addresses resolve."""

    def __init__(self, weasyprint, stylesheets, fetcher, base_url, *, stylesheet_digest):
        self.weasyprint = weasyprint
        self.stylesheet_urls = stylesheets
        self.fetcher = fetcher
        self.base_url = base_url
        self.stylesheet_digest = stylesheet_digest
        self._sheets = None

    def sheets(self):
        """(font configuration, parsed sheets), read only when a chapter is laid out: a book kept whole reads no
        style sheet. Reading them costs about 0.2 s, as much as laying out a chapter: they are kept for the next
        book this thread lays out, as long as their digest (their text and the files they read) is the same."""
        if self._sheets is None:
            key = (self.weasyprint.__version__, tuple(self.stylesheet_urls), self.stylesheet_digest)
            if _read_sheets.key != key:
                fonts = import_module("weasyprint.text.fonts").FontConfiguration()
                sheets = [
                    self.weasyprint.CSS(url=url, url_fetcher=self.fetcher, font_config=fonts)
                    for url in self.stylesheet_urls
                ]
                _read_sheets.key, _read_sheets.value = key, (fonts, sheets)
            self._sheets = _read_sheets.value
        return self._sheets

    def lay_out(self, html, first_page, *, write=True):
        """The chapter laid out from page `first_page`; without `write`, only measured (no PDF)."""
        fonts, sheets = self.sheets()
        numbering = self.weasyprint.CSS(string=f"@page :first {{ counter-reset: page {first_page} }}")
        document = self.weasyprint.HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher).render(
            font_config=fonts, stylesheets=[*sheets, numbering]
        )
        anchors, links, bookmarks = {}, [], []
        for index, page in enumerate(document.pages):
            height = page.height
            for name, (x, y, *_rest) in page.anchors.items():
                anchors.setdefault(name, [index, *pdf_point(x, y, height)])
            for level, label, (x, y), _state in page.bookmarks:
                bookmarks.append([index, level, label, *pdf_point(x, y, height)])
            kept = []
            for link in page.links:
                link_type, target, (x1, y1, x2, y2), _box = link
                if link_type == "internal":  # written by the join, which sees every chapter
                    links.append([index, [*pdf_point(x1, y2, height), *pdf_point(x2, y1, height)], target])
                else:
                    kept.append(link)
            page.links[:] = kept
            page.bookmarks[:] = []  # the join writes the whole book's outline
        pdf = document.write_pdf(uncompressed_pdf=False) if write else None
        return LaidOutChapter(
            pdf=pdf, page_count=len(document.pages), anchors=anchors, links=links, bookmarks=bookmarks
        )


def pdf_point(x, y, page_height):
    """A point of WeasyPrint's page (CSS pixels from the top left) in PDF points from the bottom left."""
    return [round(x * POINTS_PER_PIXEL, 2), round((page_height - y) * POINTS_PER_PIXEL, 2)]


def with_page_numbers(html, numbers):
    """Every link inside the book given its target's page number (data-page), for book.css to print."""

    def number(match):
        return f'<a{match[1]} href="#{match[2]}" data-page="{numbers.get(match[2], UNKNOWN_PAGE)}"'

    return INTERNAL_LINK.sub(number, html)


def linked_anchors(html):
    return set(match[2] for match in INTERNAL_LINK.finditer(html))


def chapter_key(html, first_page, printer):
    digest = hashlib.sha256()
    for part in (LAYOUT_FORMAT, printer.stylesheet_digest, str(first_page), html):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def lay_out_book(chapters, printer, store):
    """[(first page, LaidOutChapter)] of `chapters` (HTML documents in book order), with the page numbers of
    the links settled; chapters are taken from `store` when laid out before, and put in it otherwise.

    In a round, a link to an earlier chapter gets the number just found, a link further on the number of the
    previous round (or of the previous book). A chapter whose links lead to anchors not known yet (the first
    layout of a book) is only measured, not written: the next round lays it out with its numbers."""
    numbers = dict(store.numbers)
    links = [linked_anchors(html) for html in chapters]
    for round_number in range(MAX_ROUNDS):
        laid_out, keys, used, found, first_page = [], [], [], {}, 1
        for html, anchors in zip(chapters, links, strict=True):
            known = {**numbers, **found}
            numbered = with_page_numbers(html, known)
            key = chapter_key(numbered, first_page, printer)
            chapter = store.get(key)
            if chapter is None:
                final = round_number > 0 or anchors <= known.keys()
                chapter = printer.lay_out(numbered, first_page, write=final)
                if final:
                    store.put(key, chapter)
            for name, (page, _x, _y) in chapter.anchors.items():
                found.setdefault(name, str(first_page + page))
            laid_out.append((first_page, chapter))
            keys.append(key)
            used.append(numbered)
            first_page += chapter.page_count
        if all(
            chapter.pdf is not None and with_page_numbers(html, found) == numbered
            for html, numbered, (_first, chapter) in zip(chapters, used, laid_out, strict=True)
        ):
            wanted = set().union(*links)
            store.finish(keys, {name: found[name] for name in sorted(wanted) if name in found})
            return laid_out
        numbers = found
    raise LayoutDidNotSettle("the page numbers of the book's links did not settle")


def join(laid_out, *, metadata=None):
    """One PDF of the laid-out chapters: their pages, each link inside the book, the outline, a named
    destination per anchor, and the document's metadata (the first chapter's, updated by `metadata`)."""
    pikepdf = import_module("pikepdf")
    Name, Array, Dictionary = pikepdf.Name, pikepdf.Array, pikepdf.Dictionary
    book = pikepdf.new()
    sources = []  # open until the book is saved: its pages are copied from them
    anchors = {}
    for first_page, chapter in laid_out:
        source = pikepdf.open(BytesIO(chapter.pdf))
        sources.append(source)
        book.pages.extend(source.pages)
        for name, (page, x, y) in chapter.anchors.items():
            anchors.setdefault(name, (first_page - 1 + page, x, y))
    pages = book.pages

    def destination(name):
        page, x, y = anchors[name]
        return Array([pages[page].obj, Name.XYZ, x, y, 0])

    for first_page, chapter in laid_out:
        for page, rectangle, target in chapter.links:
            if target not in anchors:
                continue  # an anchor left out of the book: no link rather than a link to nowhere
            link = Dictionary(
                Type=Name.Annot, Subtype=Name.Link, Rect=rectangle, Border=[0, 0, 0], Dest=destination(target)
            )
            page_object = pages[first_page - 1 + page].obj
            if Name.Annots not in page_object:
                page_object.Annots = Array()
            page_object.Annots.append(book.make_indirect(link))
    with book.open_outline() as outline:
        add_outline(outline.root, laid_out, pikepdf)
    destinations = pikepdf.NameTree.new(book)
    for name in anchors:
        destinations[name] = destination(name)
    book.Root.Names = Dictionary(Dests=destinations.obj)
    if sources:
        first = sources[0]
        for key, value in first.docinfo.items():
            book.docinfo[key] = value
        if Name.Lang in first.Root:
            book.Root.Lang = first.Root.Lang
    for key, value in (metadata or {}).items():
        book.docinfo[key] = value
    output = BytesIO()
    book.save(output)
    return output.getvalue()


def add_outline(root, laid_out, pikepdf):
    """The bookmarks of every chapter as one outline, each under the last bookmark of a lower level before it."""
    parents = []  # (level, outline item) of the open branch
    for first_page, chapter in laid_out:
        for page, level, label, x, y in chapter.bookmarks:
            while parents and parents[-1][0] >= level:
                parents.pop()
            item = pikepdf.OutlineItem(label, first_page - 1 + page, pikepdf.PageLocation.XYZ, left=x, top=y)
            (parents[-1][1].children if parents else root).append(item)
            parents.append((level, item))


def compose(chapters, printer, store=None, *, metadata=None):
    """The PDF (bytes) of the book whose chapters are `chapters` (HTML documents, in order)."""
    laid_out = lay_out_book(chapters, printer, store or ChapterMemory())
    return join(laid_out, metadata=metadata)
