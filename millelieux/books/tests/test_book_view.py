"""/explorations/<slug>/livre.pdf: the book of a live exploration, built once per state of its content."""

from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from millelieux.books import layout
from millelieux.books.cache import live_book_files
from millelieux.explorations.factories import make_exploration
from millelieux.places.factories import make_place

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cached_books")]


def test_it_serves_the_pdf_of_a_published_exploration(small):
    response = Client().get("/explorations/petite/livre.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="petite.pdf"'
    body = b"".join(response.streaming_content)
    reader = PdfReader(BytesIO(body))
    assert "La Quincaillerie" in "\n".join(page.extract_text() for page in reader.pages)
    assert reader.metadata.title == "Petite exploration"


def test_a_second_request_serves_the_same_file_without_building_again(small):
    client = Client()
    first = client.get("/explorations/petite/livre.pdf")
    b"".join(first.streaming_content)
    [path] = live_book_files(small.pk)
    built_at = path.stat().st_mtime_ns

    second = client.get("/explorations/petite/livre.pdf")

    b"".join(second.streaming_content)
    assert live_book_files(small.pk) == [path]
    assert path.stat().st_mtime_ns == built_at
    assert second["ETag"] == first["ETag"]


def test_publishing_a_change_builds_a_new_book_and_drops_the_old_one(small):
    client = Client()
    b"".join(client.get("/explorations/petite/livre.pdf").streaming_content)
    [old] = live_book_files(small.pk)

    make_place(small, "Le Champ Commun")
    response = client.get("/explorations/petite/livre.pdf")

    body = b"".join(response.streaming_content)
    [new] = live_book_files(small.pk)
    assert new != old and not old.exists()
    assert "Le Champ Commun" in "\n".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)


def test_a_new_style_sheet_builds_a_new_book(small, tmp_path, monkeypatch):
    """A release that changes book.css (or site.css, or a typeface) is printed without raising BOOK_FORMAT."""
    client = Client()
    b"".join(client.get("/explorations/petite/livre.pdf").streaming_content)
    [old] = live_book_files(small.pk)
    changed = tmp_path / "book.css"
    changed.write_text(
        Path(finders.find("books/book.css")).read_text() + "\n.cover__title { color: #000; }\n"
    )
    find = finders.find
    monkeypatch.setattr(
        finders,
        "find",
        lambda name, *args, **kwargs: (
            str(changed) if name == "books/book.css" else find(name, *args, **kwargs)
        ),
    )

    response = client.get("/explorations/petite/livre.pdf")

    assert response.status_code == 200
    b"".join(response.streaming_content)
    [new] = live_book_files(small.pk)
    assert new != old and not old.exists()


def test_unpublishing_a_monograph_rebuilds_the_book_without_it(small):
    client = Client()
    champ = make_place(small, "Le Champ Commun")
    b"".join(client.get("/explorations/petite/livre.pdf").streaming_content)

    champ.unpublish()
    body = b"".join(client.get("/explorations/petite/livre.pdf").streaming_content)

    assert "Le Champ Commun" not in "\n".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)


def test_an_unknown_exploration_is_not_found(small):
    assert Client().get("/explorations/nulle-part/livre.pdf").status_code == 404


def test_a_draft_exploration_is_not_found(small):
    make_exploration("Brouillon", slug="brouillon", live=False)

    assert Client().get("/explorations/brouillon/livre.pdf").status_code == 404


def test_an_exploration_in_a_private_section_is_not_found(small):
    PageViewRestriction.objects.create(page=small, restriction_type=PageViewRestriction.LOGIN)

    assert Client().get("/explorations/petite/livre.pdf").status_code == 404
    assert not live_book_files(small.pk)


def test_only_reading_methods_are_allowed(small):
    assert Client().post("/explorations/petite/livre.pdf").status_code == 405


def test_the_book_has_one_address_whatever_the_interface_language(small):
    """Printed in the study's language, the book is held once by a site and its static copy: the English
    interface links to it, and its former English address leads to it."""
    with translation.override("en"):
        english_data_page = small.get_url() + small.reverse_subpage("data")
    assert english_data_page.startswith("/en/")
    client = Client()

    page = client.get(english_data_page)
    former = client.get("/en/explorations/petite/livre.pdf")

    assert page.status_code == 200
    assert 'href="/explorations/petite/livre.pdf" hreflang="fr"' in page.content.decode()
    assert former.status_code == 301
    assert former["Location"] == "/explorations/petite/livre.pdf"
    assert client.get("/en/explorations/nulle-part/livre.pdf", follow=True).status_code == 404


def test_the_english_data_page_of_a_translated_study_says_its_book_is_in_french(small):
    """The book is printed in the study's language, whatever the interface's and the page's translation."""
    from millelieux.core.builders import create_translation

    create_translation(small, "en", title="Small exploration")
    with translation.override("en"):
        english_data_page = small.get_url() + small.reverse_subpage("data")

    page = Client().get(english_data_page)

    assert page.status_code == 200
    assert 'href="/explorations/petite/livre.pdf" hreflang="fr"' in page.content.decode()


def test_a_book_whose_page_numbers_never_settle_is_a_clear_503_not_a_server_error(small, monkeypatch):
    # one round of layout only: a book laid out from nothing needs two (its page numbers are not known yet)
    monkeypatch.setattr(layout, "MAX_ROUNDS", 1)

    response = Client().get("/explorations/petite/livre.pdf")

    assert response.status_code == 503
    assert "numéros de page" in response.content.decode()
    assert live_book_files(small.pk) == []  # nothing half-written
