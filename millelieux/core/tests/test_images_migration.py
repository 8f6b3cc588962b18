"""Switching to core.Picture loses nothing: Wagtail's images become pictures with the same ids, files,
collections and tags, and the partners and articles that showed them still do."""

from io import BytesIO

import PIL.Image
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.images import get_image_model
from wagtail.models import Collection

from millelieux.articles.factories import make_article
from millelieux.core.factories import make_image
from millelieux.explorations.factories import make_partner

# The migrations that bring core.Picture in; the test starts from just before them, whatever their numbers.
PICTURE_MIGRATIONS = [
    ("core", "0005_picture"),
    ("explorations", "0004_images"),
    ("articles", "0005_image_on_pictures"),
    ("places", "0004_placepage_image"),
]


def before_pictures():
    """For each app, its migration just before the ones above."""
    graph = MigrationExecutor(connection).loader.graph
    return [
        parent
        for key in PICTURE_MIGRATIONS
        for parent in graph.node_map[key].parents
        if parent.key[0] == key[0]
    ]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def png(colour):
    buffer = BytesIO()
    PIL.Image.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wagtail_images_become_pictures_with_their_ids_files_tags_and_the_pages_that_use_them():
    partner = make_partner("ADEME")
    article = make_article()
    collection = Collection.get_first_root_node().add_child(name="Logos")
    old_apps = migrate([parent.key for parent in before_pictures()])
    try:
        Image = old_apps.get_model("wagtailimages", "Image")
        # (a historical model has no upload_to of its own: the files are put in the media folder first)
        logo = Image.objects.create(
            title="Logo ADEME",
            description="Logo de l'ADEME",
            file=default_storage.save("original_images/ademe.png", ContentFile(png("green"))),
            width=40,
            height=30,
            collection_id=collection.pk,
            focal_point_x=10,
            focal_point_y=5,
            focal_point_width=4,
            focal_point_height=4,
        )
        photo = Image.objects.create(
            title="Façade",
            file=default_storage.save("original_images/facade.png", ContentFile(png("red"))),
            width=40,
            height=30,
            collection_id=collection.pk,
        )
        Tag, TaggedItem = old_apps.get_model("taggit", "Tag"), old_apps.get_model("taggit", "TaggedItem")
        ContentType = old_apps.get_model("contenttypes", "ContentType")
        image_type = ContentType.objects.get(app_label="wagtailimages", model="image")
        TaggedItem.objects.create(
            tag=Tag.objects.create(name="logo", slug="logo"), content_type=image_type, object_id=logo.pk
        )
        old_apps.get_model("explorations", "Partner").objects.filter(pk=partner.pk).update(logo_id=logo.pk)
        old_apps.get_model("articles", "ArticlePage").objects.filter(pk=article.pk).update(image_id=photo.pk)
        logo_file, photo_file, created = logo.file.name, photo.file.name, logo.created_at
    finally:
        migrate(leaves())

    Picture = get_image_model()
    pictures = {picture.pk: picture for picture in Picture.objects.all()}
    assert set(pictures) == {logo.pk, photo.pk}
    copied = pictures[logo.pk]
    assert (copied.title, copied.description, copied.file.name) == (
        "Logo ADEME",
        "Logo de l'ADEME",
        logo_file,
    )
    assert copied.collection_id == collection.pk
    assert (copied.focal_point_x, copied.focal_point_width) == (10, 4)
    assert copied.created_at == created
    assert list(copied.tags.names()) == ["logo"]
    assert (copied.credit, copied.licence) == ("", "")  # nobody recorded them: asked at the next edit
    with copied.file.open("rb") as file:
        assert file.read() == png("green")
    assert pictures[photo.pk].file.name == photo_file

    from millelieux.articles.models import ArticlePage
    from millelieux.explorations.models import Partner

    assert Partner.objects.get(pk=partner.pk).logo == copied
    assert ArticlePage.objects.get(pk=article.pk).image == pictures[photo.pk]
    # A new picture takes an id after the copied ones (the sequence was moved on PostgreSQL).
    fresh = make_image("Nouvelle", size=(40, 30))
    assert fresh.pk > max(logo.pk, photo.pk)
    assert copied.get_rendition("width-20").width == 20
