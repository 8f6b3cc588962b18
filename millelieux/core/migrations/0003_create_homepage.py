"""Replace Wagtail's welcome page with the Mille Lieux home page, and point the default site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("core.HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    locale = Locale.objects.order_by("pk").first()
    root = Page.objects.get(depth=1)
    sibling_paths = Page.objects.filter(depth=2).values_list("path", flat=True)
    next_number = max((int(p[4:8], 36) for p in sibling_paths), default=0) + 1
    home = HomePage.objects.create(
        title="Mille Lieux",
        draft_title="Mille Lieux",
        slug="accueil",
        content_type=content_type,
        path=root.path + _base36(next_number),
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale_id=locale.pk if locale else None,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
                        site_name="Mille Lieux")


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
    return out.rjust(4, "0")


def remove_homepage(apps, schema_editor):
    apps.get_model("core.HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
