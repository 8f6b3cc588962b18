"""Uploading an image in the admin: alternative text, credit and licence required; type, weight and number of
pixels limited (WAGTAILIMAGES_* in settings). Real files are posted to the admin's upload pages."""

import os
from io import BytesIO

import PIL.Image
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from millelieux.core.factories import make_editor

pytestmark = pytest.mark.django_db

GOOD = {
    "title": "Atelier de la Quincaillerie",
    "description": "L'atelier partagé de la Quincaillerie : établis, imprimante 3D et découpeuse laser.",
    "credit": "Camille Martin pour Mille Lieux",
    "licence": "CC BY-SA 4.0",
    "licence_url": "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
}


def image_bytes(size=(120, 80), fmt="PNG", mode="RGB", colour="teal"):
    buffer = BytesIO()
    PIL.Image.new(mode, size, colour).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw-admin-1"))
    return client


def upload(client, name, content, content_type="image/png", **fields):
    data = {**GOOD, "collection": Collection.get_first_root_node().pk, **fields}
    data["file"] = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(reverse("wagtailimages:add"), data)


def errors_of(response):
    assert response.status_code == 200, "the form should be shown again with its errors"
    form = response.context["form"]
    return {name: " ".join(messages) for name, messages in form.errors.items()}


def test_settings_limit_uploads_to_ten_megabytes_of_raster_images_of_forty_million_pixels():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert set(settings.WAGTAILIMAGES_EXTENSIONS) == {"avif", "jpg", "jpeg", "png", "webp"}


def test_a_complete_upload_saves_the_picture_with_its_alt_text_credit_and_licence(admin_client):
    response = upload(admin_client, "atelier.png", image_bytes())

    assert response.status_code == 302, errors_of(response)
    picture = get_image_model().objects.get()
    assert picture.description == GOOD["description"]
    assert picture.credit == GOOD["credit"]
    assert picture.licence == GOOD["licence"]
    assert picture.licence_url == GOOD["licence_url"]
    assert (picture.width, picture.height) == (120, 80)
    assert os.path.isfile(os.path.join(settings.MEDIA_ROOT, picture.file.name))


@pytest.mark.parametrize(
    ("fmt", "name", "content_type"),
    [
        ("JPEG", "photo.jpg", "image/jpeg"),
        ("WEBP", "photo.webp", "image/webp"),
        ("AVIF", "photo.avif", "image/avif"),
    ],
)
def test_jpeg_webp_and_avif_files_are_accepted(admin_client, fmt, name, content_type):
    response = upload(admin_client, name, image_bytes(fmt=fmt), content_type=content_type)

    assert response.status_code == 302, errors_of(response)
    assert get_image_model().objects.get().file.name.endswith(name.rsplit(".", 1)[1])


def test_an_editor_uploads_an_image_too(client):
    client.force_login(make_editor())

    response = upload(client, "atelier.png", image_bytes())

    assert response.status_code == 302, errors_of(response)
    assert get_image_model().objects.get().uploaded_by_user.username == "editor"


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("description", "le texte alternatif est obligatoire"),
        ("credit", "Indiquez l'auteur ou le détenteur des droits de l'image."),
        ("licence", "Indiquez la licence ou l'autorisation sous laquelle l'image est publiée."),
    ],
)
def test_an_image_without_alt_text_credit_or_licence_is_refused_and_nothing_is_saved(
    admin_client, missing, message
):
    response = upload(admin_client, "atelier.png", image_bytes(), **{missing: "  "})

    assert message in errors_of(response)[missing]
    assert not get_image_model().objects.exists()


def test_a_file_heavier_than_ten_megabytes_is_refused(admin_client):
    # Noise does not compress: a real PNG of about 11 MB.
    noise = PIL.Image.frombytes("RGB", (1920, 1920), os.urandom(1920 * 1920 * 3))
    buffer = BytesIO()
    noise.save(buffer, "PNG", compress_level=1)
    assert buffer.tell() > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = upload(admin_client, "bruit.png", buffer.getvalue())

    assert "Ce fichier est trop gros" in errors_of(response)["file"]
    assert "10,0\xa0Mio" in errors_of(response)["file"]
    assert not get_image_model().objects.exists()


def test_a_tiny_png_claiming_a_huge_number_of_pixels_is_refused(admin_client):
    """A "decompression bomb": a few kilobytes that would take gigabytes once decoded for a rendition."""
    bomb = image_bytes(size=(20_000, 20_000), mode="1", colour=0)
    assert len(bomb) < 200_000

    response = upload(admin_client, "bombe.png", bomb)

    assert "trop grand nombre de pixels" in errors_of(response)["file"]
    assert not get_image_model().objects.exists()


def test_an_image_just_under_the_pixel_limit_is_accepted(admin_client):
    response = upload(admin_client, "grande.png", image_bytes(size=(8000, 5000), mode="1", colour=1))

    assert response.status_code == 302, errors_of(response)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "rapport.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
            "application/pdf",
        ),
        ("photo.jpg", b"Ceci est un texte, pas une photo.\n", "image/jpeg"),
    ],
)
def test_a_file_that_is_not_an_image_is_refused(admin_client, name, content, content_type):
    response = upload(admin_client, name, content, content_type=content_type)

    assert "Téléversez une image valide" in errors_of(response)["file"]
    assert not get_image_model().objects.exists()


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert("x")</script><rect width="100" height="100"/></svg>'
)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("logo.svg", SVG, "image/svg+xml"),
        ("anime.gif", image_bytes(fmt="GIF", mode="P", colour=1), "image/gif"),
    ],
)
def test_svg_and_gif_images_are_refused_with_the_list_of_accepted_formats(
    admin_client, name, content, content_type
):
    response = upload(admin_client, name, content, content_type=content_type)

    message = errors_of(response)["file"]
    assert "Format d'image non supporté" in message
    assert "AVIF, JPG, JPEG, PNG, WEBP" in message
    assert not get_image_model().objects.exists()


def test_a_png_named_jpg_is_refused_as_the_extension_lies(admin_client):
    response = upload(admin_client, "photo.jpg", image_bytes(fmt="PNG"), content_type="image/jpeg")

    assert "L'extension de fichier ne correspond pas" in errors_of(response)["file"]
    assert not get_image_model().objects.exists()


def test_the_multiple_upload_keeps_an_image_without_alt_text_aside_until_it_is_completed(admin_client):
    """Dropped files get a title from their name only: they wait as uploads, not as images of the site."""
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("atelier.png", image_bytes(), content_type="image/png")},
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    assert not get_image_model().objects.exists()
    upload_id = response.json()["uploaded_file_id"]
    assert UploadedFile.objects.filter(pk=upload_id).exists()

    completed = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload_id,)),
        {f"uploaded-image-{upload_id}-{name}": value for name, value in GOOD.items()}
        | {f"uploaded-image-{upload_id}-collection": Collection.get_first_root_node().pk},
    )

    assert completed.json()["success"] is True, completed.json()
    picture = get_image_model().objects.get()
    assert (picture.description, picture.credit, picture.licence) == (
        GOOD["description"],
        GOOD["credit"],
        GOOD["licence"],
    )


def test_the_upload_page_says_what_is_required_in_french(admin_client):
    response = admin_client.get(reverse("wagtailimages:add"))

    content = response.content.decode()
    assert "Texte alternatif" in content
    assert "Crédit" in content or "crédit" in content
    assert "Formats supportés : AVIF, JPG, JPEG, PNG, WEBP" in content
