"""The two editorial roles, kept in step with the code on every migrate.

- Éditeur: creates and edits pages (explorations, monographs, impacts, articles, events) and snippets (fields,
  partners, activities, series, sources), saves drafts and submits them for moderation; uploads images and
  documents. Publishes nothing, unpublishes nothing, deletes only what is not online (Wagtail lets a user
  with "change" but without "publish" delete a page only when nothing below it is live; a hook does the same
  for snippets with drafts).
- Modérateur: approves (and so publishes) or rejects, with a comment sent back to the editor, what was
  submitted to moderation; unpublishes pages and snippets; publishes the drafts of fields and partners
  (these snippets have no workflow, see below). Adds and deletes nothing.
- Administrators (superusers) alone publish directly and delete what is published.

Wagtail ties "approve" to the "publish_page" permission (approving the last task publishes the page as the
approver), and the same permission lets one publish any page, directly or through the bulk action. The
Modérateur keeps it, for approving and unpublishing; `wagtail_hooks.py` in this app refuses every other
publication by a non-administrator: a page is published only while it awaits that user's approval.

ensure_roles runs after every migrate (once all permissions exist) and sets each group's permissions to
exactly the ones below, so that a permission dropped from a role is taken back. It also takes in the
"Editors" and "Moderators" groups that Wagtail's migrations create (renamed into ours, or merged into them:
their members join our group), and makes the moderation workflow of the site ask the Modérateur group, and
only it, for approval. The snippets that can be submitted to a workflow (models with WorkflowMixin) get that
workflow too; today the draft snippets (fields, partners) cannot, so the Modérateur publishes their drafts.

Models are named by "app_label.model" strings: core imports no other app of the project.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

EDITOR_GROUP = "Éditeur"
MODERATOR_GROUP = "Modérateur"
# The groups Wagtail's own migrations create, and the name its migration gives the default workflow and task.
WAGTAIL_GROUPS = {EDITOR_GROUP: "Editors", MODERATOR_GROUP: "Moderators"}
WAGTAIL_MODERATION_NAME = "Moderators approval"
MODERATION_WORKFLOW = "Modération"
MODERATION_TASK = "Validation par un modérateur"

# The snippets editors manage; those with drafts (DraftStateMixin) are published by moderators.
SNIPPET_MODELS = [
    ("explorations", "explorationfield"),
    ("explorations", "partner"),
    ("places", "activity"),
    ("articles", "articleseries"),
    ("sources", "source"),
]
# "change_page" without "publish_page": Wagtail then lets editors delete only pages with nothing live below.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
# No "change_page" nor "add_page": moderators reach a page through the workflow task that awaits them (it opens
# the editor to its group). "publish_page" is what approving and unpublishing need in Wagtail.
MODERATOR_PAGE_PERMISSIONS = ["publish_page", "lock_page", "unlock_page"]
EDITOR_MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
MODERATOR_MEDIA_PERMISSIONS = {"wagtailimages": ["choose_image"], "wagtaildocs": ["choose_document"]}


def _permissions(app_label, codenames):
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def snippet_models():
    """The snippet model classes of SNIPPET_MODELS that are installed."""
    from django.apps import apps

    models = []
    for app_label, model_name in SNIPPET_MODELS:
        try:
            models.append(apps.get_model(app_label, model_name))
        except LookupError:
            continue
    return models


def draft_snippet_models():
    from wagtail.models import DraftStateMixin

    return [model for model in snippet_models() if issubclass(model, DraftStateMixin)]


def editor_permissions():
    permissions = _permissions("wagtailadmin", ["access_admin"])
    # Translating a page makes a draft in the other language, published through the same workflow.
    permissions += _permissions("simple_translation", ["submit_translation"])
    for model in snippet_models():
        meta = model._meta
        permissions += _permissions(
            meta.app_label, [f"{action}_{meta.model_name}" for action in ("add", "change", "delete")]
        )
    return permissions


def moderator_permissions():
    permissions = _permissions("wagtailadmin", ["access_admin"])
    for model in draft_snippet_models():
        meta = model._meta
        permissions += _permissions(
            meta.app_label, [f"change_{meta.model_name}", f"publish_{meta.model_name}"]
        )
    return permissions


def ensure_roles(sender=None, **kwargs):
    """Create or update the groups, their permissions and the moderation workflow; safe to run any number of
    times."""
    from django.apps import apps

    # post_migrate is sent once per app with models; every app's permissions exist only at the last one.
    last_app = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is not None and sender.label != last_app.label:
        return
    from django.db import connection
    from wagtail.models import Collection, Page, WorkflowContentType

    # A partial migrate (`migrate contenttypes`) ends before Wagtail's tables exist: nothing to set up yet.
    tables = set(connection.introspection.table_names())
    needed = (Page, Collection, WorkflowContentType, Group)
    if not all(model._meta.db_table in tables for model in needed):
        return
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return
    with transaction.atomic():
        editor = _take_in_wagtail_group(EDITOR_GROUP)
        moderator = _take_in_wagtail_group(MODERATOR_GROUP)

        editor.permissions.set(editor_permissions())
        moderator.permissions.set(moderator_permissions())
        _set_page_permissions(editor, root_page, EDITOR_PAGE_PERMISSIONS)
        _set_page_permissions(moderator, root_page, MODERATOR_PAGE_PERMISSIONS)
        _set_collection_permissions(editor, root_collection, EDITOR_MEDIA_PERMISSIONS)
        _set_collection_permissions(moderator, root_collection, MODERATOR_MEDIA_PERMISSIONS)
        _ensure_moderation_workflow(editor, moderator, root_page)


def _take_in_wagtail_group(name):
    """Our group `name`; Wagtail's group of the same role is renamed into it, or merged into it and deleted."""
    from wagtail.models import GroupApprovalTask

    ours = Group.objects.filter(name=name).first()
    theirs = Group.objects.filter(name=WAGTAIL_GROUPS[name]).first()
    if theirs is None:
        return ours or Group.objects.create(name=name)
    if ours is None:
        theirs.name = name
        theirs.save(update_fields=["name"])
        return theirs
    ours.user_set.add(*theirs.user_set.all())
    for task in GroupApprovalTask.objects.filter(groups=theirs):
        task.groups.add(ours)
    theirs.delete()  # with its page and collection permissions
    return ours


def _set_page_permissions(group, root_page, codenames):
    """Exactly `codenames` on the whole tree: any other page permission of the group is taken back."""
    from wagtail.models import GroupPagePermission

    permissions = _permissions("wagtailcore", codenames)
    GroupPagePermission.objects.filter(group=group).exclude(
        page=root_page, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)


def _set_collection_permissions(group, root_collection, codenames_by_app):
    from wagtail.models import GroupCollectionPermission

    permissions = []
    for app_label, codenames in codenames_by_app.items():
        permissions += _permissions(app_label, codenames)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root_collection, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission
        )


def _ensure_moderation_workflow(editor, moderator, root_page):
    """What is submitted lands with the Modérateur group, and never with the Éditeur (no approving oneself).

    The task is the first active group approval task of the Modérateur group (Wagtail's default one, renamed,
    on a new database); the site's root page gets a workflow with it if it has none.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import (
        GroupApprovalTask,
        Workflow,
        WorkflowContentType,
        WorkflowMixin,
        WorkflowPage,
        WorkflowTask,
    )

    GroupApprovalTask.groups.through.objects.filter(group=editor).delete()
    task = GroupApprovalTask.objects.filter(groups=moderator, active=True).order_by("pk").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
        task.groups.add(moderator)
    if task.name == WAGTAIL_MODERATION_NAME:
        task.name = MODERATION_TASK
        task.save(update_fields=["name"])

    workflow_page = WorkflowPage.objects.filter(page=root_page).select_related("workflow").first()
    if workflow_page is not None:
        workflow = workflow_page.workflow
    else:
        workflow = Workflow.objects.filter(active=True, workflow_tasks__task=task).order_by("pk").first()
        if workflow is None:
            workflow = Workflow.objects.create(name=MODERATION_WORKFLOW, active=True)
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=root_page, workflow=workflow)
    if workflow.name == WAGTAIL_MODERATION_NAME:
        workflow.name = MODERATION_WORKFLOW
        workflow.save(update_fields=["name"])

    for model in snippet_models():
        if issubclass(model, WorkflowMixin):
            WorkflowContentType.objects.get_or_create(
                content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
            )
