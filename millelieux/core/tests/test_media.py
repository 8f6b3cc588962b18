"""Uploaded images and their renditions are served at /media/ by the application, with DEBUG off as in production.

The test settings have DEBUG off, so every request here goes through what production runs.
"""

from io import BytesIO

import PIL.Image
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import override_settings
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from millelieux.core.factories import make_image
from millelieux.core.serving import MEDIA_CACHE_CONTROL, media_path

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30), colour="teal"):
    buffer = BytesIO()
    PIL.Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_settings_run_these_tests_with_debug_off_and_media_served_by_the_application():
    assert settings.DEBUG is False
    assert settings.SERVE_MEDIA is True


def test_an_image_uploaded_in_the_admin_is_served_at_its_file_url(client):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "secret-password")
    client.force_login(admin)
    uploaded = png_bytes()

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Façade de la Quincaillerie",
            "file": SimpleUploadedFile("facade.png", uploaded, content_type="image/png"),
            "description": "La façade de la Quincaillerie, rue de l'Église à Guéret.",
            "credit": "Mille Lieux",
            "licence": "CC BY-SA 4.0",
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Façade de la Quincaillerie")
    client.logout()

    assert image.file.url.startswith("/media/original_images/")
    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert body_of(response) == uploaded
    assert response["Cache-Control"] == MEDIA_CACHE_CONTROL
    assert "Last-Modified" in response


def test_a_rendition_is_served_at_its_url_with_the_bytes_wagtail_made(client):
    image = make_image("Atelier partagé", size=(64, 48))
    rendition = image.get_rendition("fill-16x12")
    with rendition.file.open("rb") as file:
        expected = file.read()

    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    body = body_of(response)
    assert body == expected
    assert PIL.Image.open(BytesIO(body)).size == (16, 12)


def test_a_served_file_answers_not_modified_to_a_conditional_request(client):
    image = make_image()
    last_modified = client.get(image.file.url)["Last-Modified"]

    response = client.get(image.file.url, headers={"If-Modified-Since": last_modified})

    assert response.status_code == 304
    assert response["Cache-Control"] == MEDIA_CACHE_CONTROL


def test_a_head_request_gets_the_headers_of_the_file_and_no_body(client):
    image = make_image()

    response = client.head(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert int(response["Content-Length"]) == image.file.size
    assert response.content == b""


def test_a_post_to_a_media_url_is_not_allowed(client):
    image = make_image()

    assert client.post(image.file.url).status_code == 405


def test_served_media_cannot_run_scripts_even_if_a_file_would_try(client):
    image = make_image()

    response = client.get(image.file.url)

    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def media_beside_a_secret(tmp_path):
    """MEDIA_ROOT in tmp_path/media, with a secret file next to it and one served file inside it."""
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "ok.png").write_bytes(png_bytes())
    (media / "documents").mkdir()
    (media / "documents" / "rapport-prive.pdf").write_bytes(b"%PDF-1.4 private")
    (media / "images" / ".hidden.png").write_bytes(png_bytes())
    (media / "books" / "3" / "chapters").mkdir(parents=True)
    (media / "books" / "3" / "chapters" / "0a1b.pdf").write_bytes(b"%PDF-1.7 chapter")
    (tmp_path / "secret.txt").write_text("SECRET")
    with override_settings(MEDIA_ROOT=media):
        yield media


def test_a_file_inside_the_media_folder_is_served(client, media_beside_a_secret):
    assert client.get("/media/images/ok.png").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/media/../secret.txt",
        "/media/images/../../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/..%2fsecret.txt",
        "/media/images/..%2f..%2fsecret.txt",
        "/media/%2e%2e%2fsecret.txt",
    ],
)
def test_a_path_that_climbs_out_of_the_media_folder_is_not_found(client, media_beside_a_secret, url):
    response = client.get(url)

    assert response.status_code == 404
    assert b"SECRET" not in body_of(response)


def test_an_absolute_path_after_media_stays_inside_the_media_folder(client, media_beside_a_secret):
    assert client.get("/media//etc/passwd").status_code == 404
    assert client.get("/media/" + str(media_beside_a_secret.parent / "secret.txt")).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/media/documents/rapport-prive.pdf",
        "/media/images/../documents/rapport-prive.pdf",
        "/media/Documents/rapport-prive.pdf",
    ],
)
def test_documents_are_not_served_at_media_but_only_through_their_own_view(
    client, media_beside_a_secret, url
):
    assert client.get(url).status_code == 404


def test_the_books_cache_is_not_served_at_media_but_only_through_the_book_view(client, media_beside_a_secret):
    assert client.get("/media/books/3/chapters/0a1b.pdf").status_code == 404
    assert client.get("/media/Books/3/chapters/0a1b.pdf").status_code == 404


def test_hidden_files_and_folder_listings_are_not_served(client, media_beside_a_secret):
    assert client.get("/media/images/.hidden.png").status_code == 404
    assert client.get("/media/images/").status_code == 404
    assert client.get("/media/").status_code == 404


def test_a_missing_file_is_not_found(client, media_beside_a_secret):
    assert client.get("/media/images/absent.png").status_code == 404


@override_settings(SERVE_MEDIA=False)
def test_media_are_left_to_the_proxy_when_serve_media_is_off(client):
    image = make_image()

    assert client.get(image.file.url).status_code == 404


def test_media_path_normalises_what_it_may_serve():
    assert media_path("images/./a.png") == "images/a.png"
    assert media_path("images//a.png") == "images/a.png"
    assert media_path("original_images/sub/../a.png") == "original_images/a.png"


@pytest.mark.parametrize("path", ["../secret.txt", "images/../../secret.txt", "documents/a.pdf", ".env", ""])
def test_media_path_refuses_what_is_outside_private_or_hidden(path):
    with pytest.raises(Http404):
        media_path(path)
