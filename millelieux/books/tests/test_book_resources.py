"""What the book reads besides the database: static files and media from disk, nothing from the network; and
the sentence given when WeasyPrint's system libraries are missing."""

from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from fontTools.ttLib import TTFont

from millelieux.books.book import book_fetcher, decompressed_typeface, typefaces_folder, unavailable_message


def test_static_files_are_read_through_the_finders():
    response = book_fetcher().fetch("https://livre.millelieux.invalid/static/css/fonts.css")
    try:
        assert b"Source Serif 4" in response.read()
        assert response.content_type == "text/css"
    finally:
        response.close()


def test_the_self_hosted_typefaces_are_found_in_node_modules_and_given_decompressed():
    url = "https://livre.millelieux.invalid/static/vendor/source-sans-3/source-sans-3-latin-400-normal.woff2"
    response = book_fetcher().fetch(url)
    try:
        font = response.read()
    finally:
        response.close()
    woff2 = Path(finders.find("vendor/source-sans-3/source-sans-3-latin-400-normal.woff2")).read_bytes()
    assert woff2[:4] == b"wOF2"
    assert font[:4] == b"\x00\x01\x00\x00"  # TrueType outlines: WeasyPrint has nothing left to decompress
    assert TTFont(BytesIO(font))["name"].getDebugName(1).startswith("Source Sans 3")
    kept = list(typefaces_folder().glob("source-sans-3-latin-400-normal-*.ttf"))
    assert len(kept) == 1 and kept[0].read_bytes() == font  # decompressed once, then read back


def test_a_new_version_of_a_typeface_is_decompressed_again(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    original = Path(finders.find("vendor/source-sans-3/source-sans-3-latin-400-normal.woff2"))
    updated = tmp_path / original.name
    updated.write_bytes(
        Path(finders.find("vendor/source-sans-3/source-sans-3-latin-700-normal.woff2")).read_bytes()
    )

    first = decompressed_typeface(original)
    second = decompressed_typeface(updated)  # same name, other file: kept apart by the digest of its content

    assert first != second
    assert len(list(typefaces_folder().glob("source-sans-3-latin-400-normal-*.ttf"))) == 2
    assert decompressed_typeface(original) == first


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
