"""Copy the images of Wagtail's own model into core.Picture, so that switching WAGTAILIMAGES_IMAGE_MODEL loses
nothing on an instance that already has images.

Each image keeps its id (the foreign keys of partners and articles, and the figures of the StreamFields, name
images by id: they point at the same picture once their field is altered), its file (the same file in the
media folder: nothing is copied on disk), collection, tags, focal point and uploader. Credit and licence are
left empty: nobody recorded them; the admin asks for them the next time the image is edited. Renditions are
not copied, they are made again when a page asks for them. Wagtail's rows are left where they are.
Running it again copies only what is not there yet.
"""

from django.core.management.color import no_style
from django.db import migrations

COPIED_FIELDS = (
    "title",
    "description",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "collection_id",
    "uploaded_by_user_id",
)


def copy_images(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    Picture = apps.get_model("core", "Picture")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    alias = schema_editor.connection.alias

    present = set(Picture.objects.using(alias).values_list("pk", flat=True))
    images = [image for image in Image.objects.using(alias).order_by("pk") if image.pk not in present]
    if not images:
        return
    Picture.objects.using(alias).bulk_create(
        [
            Picture(
                pk=image.pk,
                file=image.file.name,
                credit="",
                licence="",
                **{name: getattr(image, name) for name in COPIED_FIELDS},
            )
            for image in images
        ],
        batch_size=500,
    )
    # created_at is auto_now_add: bulk_create stamped it with the present time; give each its own back.
    for image in images:
        Picture.objects.using(alias).filter(pk=image.pk).update(created_at=image.created_at)

    image_type = ContentType.objects.using(alias).filter(app_label="wagtailimages", model="image").first()
    if image_type is not None:
        picture_type, _created = ContentType.objects.using(alias).get_or_create(
            app_label="core", model="picture"
        )
        TaggedItem.objects.using(alias).bulk_create(
            [
                TaggedItem(content_type=picture_type, object_id=item.object_id, tag_id=item.tag_id)
                for item in TaggedItem.objects.using(alias).filter(
                    content_type=image_type, object_id__in=[image.pk for image in images]
                )
            ],
            ignore_conflicts=True,
        )

    # Rows were written with their ids: on PostgreSQL the next id must come after them.
    with schema_editor.connection.cursor() as cursor:
        for statement in schema_editor.connection.ops.sequence_reset_sql(no_style(), [Picture]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_picture"),
        ("wagtailimages", "0027_image_description"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Backwards, the pictures go with their table (0004); Wagtail's rows were never touched.
    operations = [migrations.RunPython(copy_images, migrations.RunPython.noop)]
