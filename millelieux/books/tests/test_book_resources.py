"""What the book reads besides the database: static files and media from disk, nothing from the network; and
the sentence given when WeasyPrint's system libraries are missing."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from millelieux.books.book import book_fetcher, unavailable_message


def test_static_files_are_read_through_the_finders():
    response = book_fetcher().fetch("https://livre.millelieux.invalid/static/css/fonts.css")
    try:
        assert b"Source Serif 4" in response.read()
        assert response.content_type == "text/css"
    finally:
        response.close()


def test_the_self_hosted_typefaces_are_found_in_node_modules():
    url = "https://livre.millelieux.invalid/static/vendor/source-sans-3/source-sans-3-latin-400-normal.woff2"
    response = book_fetcher().fetch(url)
    try:
        assert response.read(4) == b"wOF2"
    finally:
        response.close()


def test_media_files_are_read_from_the_storage():
    name = default_storage.save("books-test/dessin.txt", ContentFile(b"un dessin"))
    try:
        response = book_fetcher().fetch(f"https://livre.millelieux.invalid/media/{name}")
        try:
            assert response.read() == b"un dessin"
        finally:
            response.close()
    finally:
        default_storage.delete(name)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/image.png",
        "https://livre.millelieux.invalid/admin/",
        "file:///etc/passwd",
    ],
)
def test_nothing_else_is_fetched(url):
    with pytest.raises(ValueError, match="nothing from the network"):
        book_fetcher().fetch(url)


def test_a_missing_static_file_is_an_error_not_a_network_request():
    with pytest.raises(ValueError, match="not found"):
        book_fetcher().fetch("https://livre.millelieux.invalid/static/../../settings.py")


def test_the_message_for_missing_libraries_names_the_library():
    error = OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")

    message = unavailable_message(error)

    assert "libpango-1.0-0" in message
    assert "Pango" in message and "apt-get install" in message
