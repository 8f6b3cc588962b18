"""Test and demo helpers: users in the editorial groups, images, and adding a page under its parent.

from millelieux.core.factories import make_editor, make_image, make_moderator

editor = make_editor()                      # user "editor" in the Éditeur group, not a superuser
client.force_login(editor)
moderator = make_moderator("camille")       # user "camille" in the Modérateur group
image = make_image("Façade")                # a small PNG in the root collection
page = add_page(parent, page)               # see core.builders: add a page, publish its first revision
"""

from io import BytesIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile

from .builders import add_page  # noqa: F401  (re-exported: factories of every app add pages with it)
from .roles import EDITOR_GROUP, MODERATOR_GROUP, ensure_roles

PASSWORD = "mille-lieux-test-password"


def _user_in_group(group_name, username, **fields):
    if not Group.objects.filter(name=group_name).exists():
        # The groups come from post_migrate; a flushed database (transactional tests) may have lost them.
        ensure_roles()
    user = get_user_model().objects.create_user(
        username=username,
        password=fields.pop("password", PASSWORD),
        email=fields.pop("email", f"{username}@example.org"),
        **fields,
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def make_editor(username="editor", **fields):
    """A user of the Éditeur group (not staff, not superuser); log in with client.force_login(user)."""
    return _user_in_group(EDITOR_GROUP, username, **fields)


def make_moderator(username="moderator", **fields):
    """A user of the Modérateur group (not staff, not superuser)."""
    return _user_in_group(MODERATOR_GROUP, username, **fields)


def make_image(title="Image de test", colour="white", size=(64, 48), **fields):
    """A small PNG image stored in the media folder, in the root collection, with an alternative text, a credit
    and a licence (any field of the image model may be given).

    image = make_image("Façade de la Quincaillerie", size=(1600, 900), credit="Camille Martin")
    """
    import PIL.Image
    from wagtail.images import get_image_model

    buffer = BytesIO()
    PIL.Image.new("RGB", size, colour).save(buffer, "PNG")
    fields = {
        "description": f"{title} (image de test)",
        "credit": "Mille Lieux",
        "licence": "CC BY-SA 4.0",
        **fields,
    }
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="test.png"), **fields)
