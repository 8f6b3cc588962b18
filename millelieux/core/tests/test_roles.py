"""The Éditeur and Modérateur groups: created on migrate, with the permissions their role needs."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, streamfield

from millelieux.core.factories import make_editor, make_moderator
from millelieux.core.roles import EDITOR_GROUP, MODERATOR_GROUP, SNIPPET_MODELS, ensure_roles
from millelieux.core.tests.admin_helpers import edit_url, page_data, post, snippet_url
from millelieux.explorations.factories import home_page, make_exploration, make_partner
from millelieux.explorations.models import ExplorationPage, Partner
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def roles_snapshot():
    """Everything ensure_roles writes, in a comparable form."""
    groups = Group.objects.filter(name__in=[EDITOR_GROUP, MODERATOR_GROUP])
    return {
        "groups": sorted(groups.values_list("pk", "name")),
        "permissions": sorted(
            Permission.objects.filter(group__in=groups).values_list(
                "group__name", "content_type__app_label", "codename"
            )
        ),
        "pages": sorted(
            GroupPagePermission.objects.filter(group__in=groups).values_list(
                "group__name", "page_id", "permission__codename"
            )
        ),
        "collections": sorted(
            GroupCollectionPermission.objects.filter(group__in=groups).values_list(
                "group__name", "collection_id", "permission__codename"
            )
        ),
        "tasks": sorted(
            GroupApprovalTask.objects.filter(groups__in=groups).values_list("pk", "groups__name")
        ),
    }


def test_both_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {EDITOR_GROUP, MODERATOR_GROUP}


def test_running_ensure_roles_twice_changes_nothing():
    before = roles_snapshot()
    assert before["permissions"] and before["pages"] and before["collections"]

    ensure_roles()
    ensure_roles()

    assert roles_snapshot() == before


def test_ensure_roles_waits_for_the_last_app_of_migrate_before_writing():
    configs = [config for config in apps.get_app_configs() if config.models_module is not None]
    editor_group = Group.objects.get(name=EDITOR_GROUP)
    editor_group.permissions.remove(Permission.objects.get(codename="change_partner"))

    ensure_roles(sender=configs[0])
    assert not editor_group.permissions.filter(codename="change_partner").exists()

    ensure_roles(sender=configs[-1])
    assert editor_group.permissions.filter(codename="change_partner").exists()


def test_ensure_roles_restores_a_permission_removed_by_hand():
    editor_group = Group.objects.get(name=EDITOR_GROUP)
    before = roles_snapshot()
    editor_group.permissions.remove(Permission.objects.get(codename="change_partner"))
    GroupPagePermission.objects.filter(group=editor_group, permission__codename="publish_page").delete()
    assert roles_snapshot() != before

    ensure_roles()

    assert roles_snapshot() == before


def test_ensure_roles_takes_back_a_page_permission_dropped_from_a_role():
    # Databases set up when moderators still had "change_page" (which lets them delete pages) lose it.
    moderator_group = Group.objects.get(name=MODERATOR_GROUP)
    root = GroupPagePermission.objects.filter(group=moderator_group).first().page
    GroupPagePermission.objects.create(
        group=moderator_group, page=root, permission=Permission.objects.get(codename="change_page")
    )

    ensure_roles()

    codenames = set(
        GroupPagePermission.objects.filter(group=moderator_group).values_list(
            "permission__codename", flat=True
        )
    )
    assert "change_page" not in codenames and "publish_page" in codenames


def test_an_editor_can_add_edit_and_publish_pages_but_is_no_superuser():
    editor = make_editor()
    assert not editor.is_superuser and not editor.is_staff
    # Before the exploration index exists (there may be only one), the home page accepts it.
    assert home_page().permissions_for_user(editor).can_add_subpage()
    exploration = make_exploration()
    place = make_place(exploration)

    assert exploration.permissions_for_user(editor).can_add_subpage()
    assert place.get_parent().permissions_for_user(editor).can_publish_subpage()
    place_permissions = place.permissions_for_user(editor)
    assert place_permissions.can_edit() and place_permissions.can_publish()
    assert place_permissions.can_unpublish()
    assert place_permissions.can_lock() and place_permissions.can_unlock()


@pytest.mark.parametrize("app_label, model", SNIPPET_MODELS)
def test_an_editor_manages_every_snippet(app_label, model):
    editor = make_editor()

    for action in ("add", "change", "delete"):
        assert editor.has_perm(f"{app_label}.{action}_{model}")


def test_an_editor_publishes_the_snippets_that_have_drafts():
    editor = make_editor()

    assert editor.has_perm("explorations.publish_partner")
    assert editor.has_perm("explorations.publish_explorationfield")


def test_an_editor_uploads_and_chooses_images_and_documents():
    editor = make_editor()
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    document_policy = policy_registry.get_by_type(get_document_model())
    image_policy = policy_registry.get_by_type(get_image_model())

    assert image_policy.user_has_any_permission(editor, ["add", "choose"])
    assert image_policy.user_has_permission(editor, "add")
    assert document_policy.user_has_permission(editor, "add")
    assert document_policy.user_has_permission(editor, "choose")


def test_a_moderator_publishes_but_does_not_add_pages():
    moderator = make_moderator()
    exploration = make_exploration()
    place = make_place(exploration)

    assert place.permissions_for_user(moderator).can_publish()
    assert not exploration.permissions_for_user(moderator).can_add_subpage()
    assert not place.get_parent().permissions_for_user(moderator).can_add_subpage()


def test_a_moderator_may_not_delete_a_page():
    moderator = make_moderator()
    place = make_place()

    assert not place.permissions_for_user(moderator).can_delete()


def test_a_moderator_publishes_partners_and_fields_but_does_not_delete_them():
    moderator = make_moderator()

    assert moderator.has_perm("explorations.publish_partner")
    assert moderator.has_perm("explorations.change_explorationfield")
    assert not moderator.has_perm("explorations.delete_partner")
    assert not moderator.has_perm("explorations.delete_explorationfield")
    assert not moderator.has_perm("explorations.add_partner")


def test_the_moderation_workflow_is_assigned_to_the_moderators():
    tasks = GroupApprovalTask.objects.all()

    assert tasks.exists()
    for task in tasks:
        assert task.groups.filter(name=MODERATOR_GROUP).exists()


def test_an_anonymous_visitor_is_sent_from_the_admin_to_the_login_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_user_in_no_group_cannot_enter_the_admin(client):
    user = get_user_model().objects.create_user("visitor", password="mot-de-passe-de-test")
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("make_user", [make_editor, make_moderator])
def test_editors_and_moderators_reach_the_admin_dashboard(client, make_user):
    client.force_login(make_user())

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "wagtailadmin/home.html" in [template.name for template in response.templates]


def test_a_moderator_approves_and_so_publishes_a_page_an_editor_submitted(client):
    exploration = make_exploration(title="Mille Lieux", summary="Avant.")
    client.force_login(make_editor())
    submitted = post(
        client,
        edit_url(exploration),
        page_data(
            "Mille Lieux",
            slug=exploration.slug,
            subtitle="",
            organisation="",
            period_start="2019",
            period_end="",
            summary="Après.",
            foreword=streamfield([]),
            method=streamfield([]),
            partnerships=inline_formset([]),
            **{"action-submit": "action-submit"},
        ),
    )
    assert submitted.status_code == 302
    exploration = ExplorationPage.objects.get(pk=exploration.pk)
    task_state = exploration.current_workflow_task_state
    assert task_state is not None and exploration.summary == "Avant."

    client.force_login(make_moderator())
    response = client.post(
        f"/admin/pages/workflow/action/{exploration.pk}/approve/{task_state.pk}/", {"comment": ""}
    )

    assert response.status_code in (200, 302)
    exploration = ExplorationPage.objects.get(pk=exploration.pk)
    assert exploration.live and exploration.summary == "Après."
    assert exploration.current_workflow_task_state is None


def test_a_moderator_cannot_delete_a_page_through_the_admin(client):
    client.force_login(make_moderator())
    place = make_place()

    response = client.post(f"/admin/pages/{place.pk}/delete/")

    assert response.status_code in (302, 403)
    assert type(place).objects.filter(pk=place.pk).exists()


def test_a_moderator_cannot_delete_a_partner_through_the_admin(client):
    client.force_login(make_moderator())
    partner = make_partner()

    response = client.post(snippet_url(Partner, "delete", partner.pk))

    assert response.status_code in (302, 403)
    assert Partner.objects.filter(pk=partner.pk).exists()
