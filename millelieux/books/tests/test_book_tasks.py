"""A publication brings an existing live book up to date (books.tasks); it never builds one nobody asked for, and
a book that cannot be made never stops a publication."""

import logging
from io import BytesIO

import pytest
from django.test import Client
from pypdf import PdfReader

from millelieux.books import tasks
from millelieux.books.book import BookUnavailable
from millelieux.books.cache import books_folder, content_digest, live_book_files
from millelieux.explorations.factories import make_exploration, make_field, make_partner, make_partnership
from millelieux.places.factories import make_place

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cached_books")]


def download(client=None):
    response = (client or Client()).get("/explorations/petite/livre.pdf")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def text_of(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_publishing_a_page_brings_the_existing_book_up_to_date(small, django_capture_on_commit_callbacks):
    download()
    [old] = live_book_files(small.pk)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_place(small, "Le Champ Commun")

    assert callbacks, "the publication asked for the book"
    [current] = live_book_files(small.pk)
    assert current != old and not old.exists()
    assert current.name == f"{content_digest(small)}.pdf"
    assert "Le Champ Commun" in text_of(current.read_bytes())
    # the next reader is served that file as it is, not a book built for them
    built_at = current.stat().st_mtime_ns
    body = download()
    assert live_book_files(small.pk) == [current] and current.stat().st_mtime_ns == built_at
    assert body == current.read_bytes()


def test_unpublishing_a_page_brings_the_book_up_to_date(small, django_capture_on_commit_callbacks):
    champ = make_place(small, "Le Champ Commun")
    download()

    with django_capture_on_commit_callbacks(execute=True):
        champ.unpublish()

    [current] = live_book_files(small.pk)
    assert current.name == f"{content_digest(small)}.pdf"
    assert "Le Champ Commun" not in text_of(current.read_bytes())


def test_publishing_a_field_or_a_partner_brings_the_book_up_to_date(
    small, django_capture_on_commit_callbacks
):
    partner = make_partner("Fondation des communs", live=False)
    make_partnership(small, partner)
    download()

    with django_capture_on_commit_callbacks(execute=True):
        make_field(small, "La transition écologique")
    [after_field] = live_book_files(small.pk)
    assert after_field.name == f"{content_digest(small)}.pdf"

    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    [after_partner] = live_book_files(small.pk)
    assert after_partner != after_field
    assert after_partner.name == f"{content_digest(small)}.pdf"
    assert "Fondation des communs" in text_of(after_partner.read_bytes())


def test_no_book_is_built_for_an_exploration_nobody_asked_for(small, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_place(small, "Le Champ Commun")

    assert not callbacks
    assert not (books_folder() / str(small.pk)).exists()


def test_a_publication_elsewhere_leaves_the_book_alone(small, django_capture_on_commit_callbacks):
    download()
    [book] = live_book_files(small.pk)
    other = make_exploration("Autre exploration", slug="autre")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_place(other, "Ailleurs")

    assert not callbacks
    assert live_book_files(small.pk) == [book]


def test_a_rolled_back_publication_asks_for_nothing(small, django_capture_on_commit_callbacks):
    download()
    [book] = live_book_files(small.pk)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_place(small, "Le Champ Commun")

    # the transaction of this test is rolled back: the callbacks it registered never run
    assert len(callbacks) >= 1
    assert live_book_files(small.pk) == [book]


def test_a_book_that_cannot_be_made_does_not_stop_the_publication(
    small, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    download()
    [book] = live_book_files(small.pk)

    def unavailable(exploration):
        raise BookUnavailable("WeasyPrint ne trouve pas la bibliothèque Pango.")

    monkeypatch.setattr(tasks, "live_book", unavailable)
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        champ = make_place(small, "Le Champ Commun")

    champ.refresh_from_db()
    assert champ.live
    assert live_book_files(small.pk) == [book]  # the old book stays until a request can make the new one
    assert "Pango" in caplog.text


def test_a_failing_build_is_recorded_and_the_publication_stands(
    small, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    download()

    def full_disk(exploration):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tasks, "live_book", full_disk)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        champ = make_place(small, "Le Champ Commun")

    champ.refresh_from_db()
    assert champ.live
    assert "No space left on device" in caplog.text
    # the next reader gets the current book, built then
    monkeypatch.undo()
    assert "Le Champ Commun" in text_of(download())
