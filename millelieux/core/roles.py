"""The two editorial roles, kept in step with the models on every migrate.

- Éditeur: writes and publishes explorations, monographs, impacts, articles and events; manages images,
  documents and the shared snippets (fields, partners, activities, series).
- Modérateur: reviews, then approves (publishes) or rejects, what others submit to moderation (pages now,
  public contributions later); may not edit or delete pages on their own.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITOR_GROUP = "Éditeur"
MODERATOR_GROUP = "Modérateur"

SNIPPET_MODELS = [
    ("explorations", "explorationfield"),
    ("explorations", "partner"),
    ("places", "activity"),
    ("articles", "articleseries"),
]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# No "change_page": in Wagtail it also lets one delete pages. Moderators reach the pages submitted to them
# through the workflow task, which opens the editor to its group, and approve (publish) or reject them.
MODERATOR_PAGE_PERMISSIONS = ["publish_page", "lock_page", "unlock_page"]


def _permissions(app_label, codenames):
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def ensure_roles(sender=None, **kwargs):
    """Create or update the groups and their permissions; safe to run any number of times."""
    from django.apps import apps

    # post_migrate is sent once per app with models; every app's permissions exist only at the last one.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is not None and sender.label != last_app.label:
        return
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return
    with transaction.atomic():
        editor, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
        moderator, _ = Group.objects.get_or_create(name=MODERATOR_GROUP)
        admin_access = _permissions("wagtailadmin", ["access_admin"])

        snippet_perms = []
        for app_label, model in SNIPPET_MODELS:
            snippet_perms += _permissions(
                app_label, [f"{action}_{model}" for action in ("add", "change", "delete")]
            )
            snippet_perms += _permissions(app_label, [f"publish_{model}"])
        editor.permissions.add(*admin_access, *snippet_perms)
        moderator.permissions.add(
            *admin_access,
            *_permissions(
                "explorations",
                ["publish_partner", "publish_explorationfield", "change_partner", "change_explorationfield"],
            ),
        )

        for group, codenames in ((editor, EDITOR_PAGE_PERMISSIONS), (moderator, MODERATOR_PAGE_PERMISSIONS)):
            for permission in _permissions("wagtailcore", codenames):
                GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
            # a permission dropped from the role is taken back from databases set up earlier
            GroupPagePermission.objects.filter(group=group).exclude(
                permission__codename__in=codenames
            ).delete()

        media = _permissions("wagtailimages", ["add_image", "change_image", "choose_image"])
        media += _permissions("wagtaildocs", ["add_document", "change_document", "choose_document"])
        for permission in media:
            GroupCollectionPermission.objects.get_or_create(
                group=editor, collection=root_collection, permission=permission
            )
        for permission in _permissions("wagtailimages", ["choose_image"]) + _permissions(
            "wagtaildocs", ["choose_document"]
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=moderator, collection=root_collection, permission=permission
            )
        _assign_moderation_workflow(moderator)


def _assign_moderation_workflow(moderator):
    """Pages submitted for moderation land with the Modérateur group (Wagtail's default workflow task)."""
    from wagtail.models import GroupApprovalTask

    for task in GroupApprovalTask.objects.all():
        task.groups.add(moderator)
