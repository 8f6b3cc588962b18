"""The book of a live exploration, built once per state of its content and kept in MEDIA_ROOT/books/.

    path = cached_book(exploration)     # Path of the PDF, built now if the content changed since the last one

The file is named after a digest of what the book prints: the live, public pages of the exploration with their
publication times (a page published, unpublished, moved or restricted changes it), its live fields and partners,
BOOK_FORMAT (raised when the book's templates change) and the digest of its style sheets and typefaces (a new
site.css or book.css is printed without a release of its own). Concurrent requests for a missing book wait for one
build (a lock file per exploration) and never read a half-written file (written aside, then renamed).
"""

import hashlib
from pathlib import Path

from django.conf import settings
from wagtail.models import Page

from millelieux.core.routing import private_pages_q
from millelieux.explorations.models import ExplorationPage

from .book import build_book, stylesheets
from .files import locked, write_atomically

BOOK_FORMAT = "3"


def books_folder():
    return Path(settings.MEDIA_ROOT) / "books"


def content_digest(exploration):
    """A digest that changes whenever the printed content of the exploration changes (see the module)."""
    pages = (
        Page.objects.descendant_of(exploration, inclusive=True)
        .live()
        .exclude(private_pages_q())
        .order_by("pk")
        .values_list("pk", "last_published_at", "path")
    )
    state = [BOOK_FORMAT, stylesheets()[1], [(pk, str(published), path) for pk, published, path in pages]]
    state.append(list(exploration.live_fields().values_list("pk", "last_published_at")))
    state.append(
        list(
            exploration.live_partnerships().values_list(
                "pk", "partner_id", "role", "partner__last_published_at"
            )
        )
    )
    return hashlib.sha256(repr(state).encode()).hexdigest()[:20]


def live_chapters(exploration):
    """The folder of the chapters laid out for the exploration's live book (books.layout.ChapterFolder)."""
    return books_folder() / str(exploration.pk) / "chapters"


def printed_explorations():
    """The explorations a live book is made of: live, public, in the site's language."""
    return (
        ExplorationPage.objects.live()
        .exclude(private_pages_q())
        .filter(locale__language_code=settings.LANGUAGE_CODE)
    )


def live_book(exploration):
    """The path of the exploration's current live book (cached_book), the site's own address on its cover
    whatever host asked for it: the file is shared by every request, the static export and the publications."""
    site = exploration.get_site()
    return cached_book(exploration, base_url=site.root_url if site else None)


def live_book_files(exploration_id):
    """The PDF files of the exploration's live book: one, or none before its first build."""
    return sorted((books_folder() / str(exploration_id)).glob("*.pdf"))


def has_live_book(exploration_id):
    """Whether a live book of the exploration was ever built (and not removed since)."""
    return bool(live_book_files(exploration_id))


def cached_book(exploration, *, base_url=None):
    """The path of the exploration's current book, built (once) if its content changed since the last one;
    older books of the exploration are removed. The chapters laid out are kept beside it (books.layout): the next
    build lays out again only the chapters an edit changed."""
    chapters = live_chapters(exploration)
    return cached_file(
        chapters.parent,
        f"{content_digest(exploration)}.pdf",
        lambda: build_book(exploration, base_url=base_url, chapters_folder=chapters),
    )


def cached_file(folder, name, build):
    """`folder/name`, written from `build()` (bytes) unless it exists; the other PDF files of the folder are
    removed once it is written. Callers asking at the same time wait for the first one's build."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if path.is_file():
        return path
    with locked(folder / ".lock"):
        if not path.is_file():  # another request may have built it while this one waited
            write_atomically(path, build())
            for old in folder.glob("*.pdf"):
                if old != path:
                    old.unlink(missing_ok=True)
    return path
