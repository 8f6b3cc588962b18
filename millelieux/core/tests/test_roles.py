"""The Éditeur and Modérateur roles, driven through the admin's own URLs (editor, workflow, bulk actions).

Éditeur: writes and submits, publishes nothing, unpublishes nothing, deletes nothing that is online.
Modérateur: approves (publishes) or rejects with a comment what was submitted, unpublishes, publishes nothing
that was not submitted. Administrators publish and delete anything. Every test checks the database (live,
revisions, workflow state), not only the answer of the view.
"""

import html
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from millelieux.core.factories import make_editor, make_moderator
from millelieux.core.roles import (
    EDITOR_GROUP,
    MODERATION_TASK,
    MODERATION_WORKFLOW,
    MODERATOR_GROUP,
    SNIPPET_MODELS,
    WAGTAIL_MODERATION_NAME,
    ensure_roles,
)
from millelieux.core.tests.admin_helpers import edit_url, page_data, snippet_url
from millelieux.explorations.factories import home_page, make_exploration, make_partner
from millelieux.explorations.models import ExplorationPage, Partner
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db

User = get_user_model()


# -- helpers: the admin's URLs and the state of a page -------------------------------------------------------


def make_admin(username="admin"):
    return User.objects.create_superuser(username, f"{username}@example.org", "mot-de-passe-de-test")


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def exploration_form(page=None, **changes):
    """The POST data of the exploration form: the current values of `page` (or a new one's), with `changes`."""
    page = page or ExplorationPage(
        title="Sharitories", slug="sharitories", period_start=2017, summary="Nouvelle."
    )
    values = {
        "title": page.title,
        "slug": page.slug,
        "subtitle": page.subtitle,
        "organisation": page.organisation,
        "period_start": str(page.period_start),
        "period_end": str(page.period_end or ""),
        "summary": page.summary,
        "content_licence": page.content_licence,
        "foreword": streamfield([]),
        "method": streamfield([]),
        "partnerships": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(page_data(**values))


def press(client, page, button, **changes):
    """Press `button` ("publish", "submit", "restart-workflow", or None to save a draft) in the page editor."""
    data = exploration_form(fresh(page), **changes)
    if button:
        data[f"action-{button}"] = f"action-{button}"
    return client.post(edit_url(page), data)


def workflow_action(client, page, action, comment=""):
    """Approve or reject ("approve", "reject") the task that the page awaits, as the moderation dialog does."""
    task_state = fresh(page).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def bulk(client, action, *objects, model="wagtailcore/page", **form):
    query = urlencode([("id", obj.pk) for obj in objects])
    return client.post(f"/admin/bulk/{model}/{action}/?{query}", form)


def unpublish(client, page):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))


def delete(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))


def exists(obj):
    return type(obj).objects.filter(pk=obj.pk).exists()


def submitted_exploration(client, summary="Après relecture.", live=True):
    """An exploration (published unless live=False) whose summary an editor, logged in on `client`, changed from
    "Avant." to `summary` before submitting it for moderation."""
    exploration = make_exploration(title="Mille Lieux", summary="Avant.", live=live)
    client.force_login(make_editor())
    response = press(client, exploration, "submit", summary=summary)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert fresh(exploration).workflow_in_progress
    return fresh(exploration)


def messages_of(response):
    """The texts of the admin messages the request queued (Wagtail renders them as escaped HTML)."""
    return [html.unescape(str(message)) for message in response.wsgi_request._messages]


def roles_snapshot():
    """Everything ensure_roles writes, in a comparable form."""
    groups = Group.objects.all()
    return {
        "groups": sorted(groups.values_list("pk", "name")),
        "permissions": sorted(
            Permission.objects.filter(group__in=groups).values_list(
                "group__name", "content_type__app_label", "codename"
            )
        ),
        "pages": sorted(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission__codename")
        ),
        "collections": sorted(
            GroupCollectionPermission.objects.values_list(
                "group__name", "collection_id", "permission__codename"
            )
        ),
        "tasks": sorted(GroupApprovalTask.objects.values_list("pk", "name", "active", "groups__name")),
        "workflows": sorted(Workflow.objects.values_list("pk", "name", "active", "workflow_tasks__task")),
        "workflow_pages": sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
    }


def page_codenames(group_name):
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "permission__codename", flat=True
        )
    )


# -- the groups, their permissions and the moderation workflow, as migrate leaves them ----------------------


def test_only_the_editor_and_moderator_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) == {EDITOR_GROUP, MODERATOR_GROUP}


def test_the_editor_adds_and_changes_pages_but_does_not_publish_them():
    assert page_codenames(EDITOR_GROUP) == {"add_page", "change_page", "lock_page", "unlock_page"}


def test_the_moderator_publishes_and_locks_pages_but_neither_adds_nor_changes_them():
    assert page_codenames(MODERATOR_GROUP) == {"publish_page", "lock_page", "unlock_page"}


def test_the_site_is_moderated_by_the_moderators_and_by_them_only():
    workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    tasks = [workflow_task.task.specific for workflow_task in workflow.workflow_tasks.all()]

    assert workflow.name == MODERATION_WORKFLOW and workflow.active
    assert [task.name for task in tasks] == [MODERATION_TASK]
    assert list(tasks[0].groups.values_list("name", flat=True)) == [MODERATOR_GROUP]
    assert not GroupApprovalTask.objects.filter(groups__name=EDITOR_GROUP).exists()


def test_running_ensure_roles_twice_changes_nothing():
    before = roles_snapshot()
    assert before["permissions"] and before["pages"] and before["collections"] and before["workflow_pages"]

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
    GroupPagePermission.objects.filter(group=editor_group, permission__codename="change_page").delete()
    assert roles_snapshot() != before

    ensure_roles()

    assert roles_snapshot() == before


def test_ensure_roles_takes_back_what_earlier_versions_of_the_roles_gave():
    # Databases set up when editors published (pages and snippets) and moderators had "change_page".
    before = roles_snapshot()
    editor_group = Group.objects.get(name=EDITOR_GROUP)
    moderator_group = Group.objects.get(name=MODERATOR_GROUP)
    root = Page.get_first_root_node()
    for group, codename in ((editor_group, "publish_page"), (moderator_group, "change_page")):
        GroupPagePermission.objects.create(
            group=group, page=root, permission=Permission.objects.get(codename=codename)
        )
    editor_group.permissions.add(Permission.objects.get(codename="publish_partner"))
    GroupApprovalTask.objects.get(name=MODERATION_TASK).groups.add(editor_group)

    ensure_roles()

    assert roles_snapshot() == before
    assert "publish_page" not in page_codenames(EDITOR_GROUP)
    assert "change_page" not in page_codenames(MODERATOR_GROUP)


def test_ensure_roles_merges_wagtails_editors_and_moderators_groups_into_ours():
    # What Wagtail's migrations create: two English groups, and an approval task for "Moderators".
    wagtail_editors = Group.objects.create(name="Editors")
    wagtail_moderators = Group.objects.create(name="Moderators")
    camille = User.objects.create_user("camille")
    dominique = User.objects.create_user("dominique")
    wagtail_editors.user_set.add(camille)
    wagtail_moderators.user_set.add(dominique)
    GroupPagePermission.objects.create(
        group=wagtail_editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    task = GroupApprovalTask.objects.get(name=MODERATION_TASK)
    task.groups.set([wagtail_moderators])

    ensure_roles()

    assert set(Group.objects.values_list("name", flat=True)) == {EDITOR_GROUP, MODERATOR_GROUP}
    assert list(camille.groups.values_list("name", flat=True)) == [EDITOR_GROUP]
    assert list(dominique.groups.values_list("name", flat=True)) == [MODERATOR_GROUP]
    assert list(task.groups.values_list("name", flat=True)) == [MODERATOR_GROUP]
    assert "publish_page" not in page_codenames(EDITOR_GROUP)


def test_ensure_roles_renames_wagtails_groups_and_default_workflow_when_ours_do_not_exist_yet():
    # A database where only Wagtail's migrations ran: its groups, task and workflow, named in English.
    Group.objects.filter(name__in=[EDITOR_GROUP, MODERATOR_GROUP]).delete()
    wagtail_editors = Group.objects.create(name="Editors")
    wagtail_moderators = Group.objects.create(name="Moderators")
    task = GroupApprovalTask.objects.get(name=MODERATION_TASK)
    task.name = WAGTAIL_MODERATION_NAME
    task.save()
    task.groups.set([wagtail_moderators])
    Workflow.objects.filter(name=MODERATION_WORKFLOW).update(name=WAGTAIL_MODERATION_NAME)
    tasks_before = GroupApprovalTask.objects.count()

    ensure_roles()

    assert Group.objects.get(pk=wagtail_editors.pk).name == EDITOR_GROUP
    assert Group.objects.get(pk=wagtail_moderators.pk).name == MODERATOR_GROUP
    assert set(Group.objects.values_list("name", flat=True)) == {EDITOR_GROUP, MODERATOR_GROUP}
    assert GroupApprovalTask.objects.count() == tasks_before
    assert GroupApprovalTask.objects.get(pk=task.pk).name == MODERATION_TASK
    assert not Workflow.objects.filter(name=WAGTAIL_MODERATION_NAME).exists()
    assert page_codenames(EDITOR_GROUP) == {"add_page", "change_page", "lock_page", "unlock_page"}


def test_ensure_roles_gives_the_site_a_moderation_workflow_when_it_has_none():
    WorkflowPage.objects.all().delete()
    WorkflowTask.objects.all().delete()
    Workflow.objects.all().delete()
    GroupApprovalTask.objects.all().delete()

    ensure_roles()

    test_the_site_is_moderated_by_the_moderators_and_by_them_only()


# -- the admin: who gets in ----------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_from_the_admin_to_the_login_page(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_user_in_no_group_cannot_enter_the_admin(client):
    user = User.objects.create_user("visitor", password="mot-de-passe-de-test")
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("make_user", [make_editor, make_moderator])
def test_editors_and_moderators_reach_the_admin_dashboard_but_are_no_superusers(client, make_user):
    user = make_user()
    assert not user.is_superuser and not user.is_staff
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "wagtailadmin/home.html" in [template.name for template in response.templates]


# -- the editor ----------------------------------------------------------------------------------------------


def test_an_editor_adds_a_page_as_a_draft_even_when_pressing_publish(client):
    client.force_login(make_editor())
    index = make_exploration().get_parent()
    data = {**exploration_form(), "action-publish": "action-publish"}

    response = client.post(f"/admin/pages/add/explorations/explorationpage/{index.pk}/", data)

    assert response.status_code == 302
    page = ExplorationPage.objects.get(slug="sharitories")
    assert not page.live and page.live_revision is None
    assert page.revisions.count() == 1


def test_an_editor_saves_changes_to_a_published_page_as_a_draft_even_when_pressing_publish(client):
    exploration = make_exploration(summary="En ligne.")
    client.force_login(make_editor())

    response = press(client, exploration, "publish", summary="Brouillon de l'éditeur.")

    assert response.status_code == 302
    exploration = fresh(exploration)
    assert exploration.live and exploration.summary == "En ligne."
    assert exploration.has_unpublished_changes
    assert exploration.get_latest_revision_as_object().summary == "Brouillon de l'éditeur."
    assert exploration.live_revision != exploration.latest_revision


def test_an_editor_submits_a_page_for_moderation_and_the_published_version_stays_as_it_was(client):
    exploration = submitted_exploration(client, summary="Proposé.")

    assert exploration.live and exploration.summary == "Avant." and exploration.has_unpublished_changes
    task_state = exploration.current_workflow_task_state
    assert task_state.task.name == MODERATION_TASK and task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.revision.as_object().summary == "Proposé."
    assert exploration.current_workflow_state.requested_by.username == "editor"


def test_the_moderator_finds_on_the_dashboard_what_awaits_review_and_the_editor_cannot_approve_it(client):
    exploration = submitted_exploration(client)
    task_state = exploration.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(exploration.pk, "approve", task_state.pk)
    )
    editor, moderator = User.objects.get(username="editor"), make_moderator()

    client.force_login(moderator)
    moderator_dashboard = client.get("/admin/").content.decode()
    client.force_login(editor)
    editor_dashboard = client.get("/admin/").content.decode()

    assert approve_url in moderator_dashboard
    assert approve_url not in editor_dashboard
    assert edit_url(exploration) in editor_dashboard  # in the editor's own "in moderation" list
    assert list(TaskState.objects.reviewable_by(moderator)) == [task_state]
    assert not TaskState.objects.reviewable_by(editor).exists()


def test_an_editor_cannot_approve_their_own_submission(client):
    exploration = submitted_exploration(client)

    workflow_action(client, exploration, "approve")

    exploration = fresh(exploration)
    assert exploration.summary == "Avant."
    assert exploration.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_an_editor_cannot_bulk_publish_a_draft(client):
    draft = make_exploration(live=False)
    client.force_login(make_editor())

    bulk(client, "publish", draft)

    assert not fresh(draft).live and fresh(draft).live_revision is None


def test_an_editor_cannot_unpublish_a_page(client):
    exploration = make_exploration()
    client.force_login(make_editor())

    unpublish(client, exploration)
    bulk(client, "unpublish", exploration)

    assert fresh(exploration).live


def test_an_editor_cannot_delete_a_published_monograph(client):
    place = make_place(timeline_events=[{"start_year": 2012, "title": "Ouverture", "kind": "opening"}])
    client.force_login(make_editor())

    response = delete(client, place)

    assert response.status_code in (302, 403)
    assert exists(place) and fresh(place).live
    assert fresh(place).timeline_events.count() == 1


def test_an_editor_cannot_bulk_delete_a_published_monograph(client):
    place = make_place()
    client.force_login(make_editor())

    bulk(client, "delete", place)

    assert exists(place) and fresh(place).live


def test_an_editor_cannot_delete_a_draft_with_a_published_page_below_it(client):
    place = make_place()
    index = place.get_parent()
    index.unpublish()
    client.force_login(make_editor())

    delete(client, index)
    bulk(client, "delete", index)

    assert exists(index) and exists(place)


def test_an_editor_deletes_a_draft_that_was_never_published(client):
    draft = make_exploration("Brouillon", live=False)
    client.force_login(make_editor())

    response = delete(client, draft)

    assert response.status_code == 302
    assert not exists(draft)


def test_an_editor_bulk_deletes_drafts_that_were_never_published(client):
    draft = make_exploration("Brouillon", live=False)
    client.force_login(make_editor())

    bulk(client, "delete", draft)

    assert not exists(draft)


# -- the moderator -------------------------------------------------------------------------------------------


def test_a_moderator_approves_and_so_publishes_a_page_an_editor_submitted(client):
    exploration = submitted_exploration(client, summary="Après.")
    submitted_revision = exploration.current_workflow_task_state.revision
    client.force_login(make_moderator())

    response = workflow_action(client, exploration, "approve", comment="Très bien.")

    assert response.status_code == 302
    exploration = fresh(exploration)
    assert exploration.live and exploration.summary == "Après."
    assert exploration.live_revision == submitted_revision
    assert exploration.current_workflow_state is None
    workflow_state = WorkflowState.objects.for_instance(exploration).get()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    task_state = workflow_state.task_states.get()
    assert task_state.status == TaskState.STATUS_APPROVED and task_state.comment == "Très bien."
    assert task_state.finished_by.username == "moderator"


def test_a_moderator_rejects_a_submission_and_it_goes_back_to_the_editor_with_a_comment(client):
    exploration = submitted_exploration(client, summary="Premier jet.", live=False)
    client.force_login(make_moderator())

    response = workflow_action(client, exploration, "reject", comment="Préciser la période.")

    assert response.status_code == 302
    exploration = fresh(exploration)
    assert not exploration.live and exploration.live_revision is None
    workflow_state = exploration.current_workflow_state
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = workflow_state.task_states.get()
    assert task_state.status == TaskState.STATUS_REJECTED and task_state.comment == "Préciser la période."

    # The editor finds the comment in the editor of the page, changes it and submits it again.
    client.force_login(User.objects.get(username="editor"))
    assert "Préciser la période." in client.get(edit_url(exploration)).content.decode()
    response = press(client, exploration, "restart-workflow", summary="Deuxième jet.")
    assert response.status_code == 302
    exploration = fresh(exploration)
    assert not exploration.live
    task_state = exploration.current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert task_state.revision.as_object().summary == "Deuxième jet."


def test_a_moderator_cannot_open_the_editor_of_a_page_nobody_submitted_to_publish_it(client):
    draft = make_exploration(live=False)
    client.force_login(make_moderator())

    response = press(client, draft, "publish", summary="Publié sans relecture.")

    assert response.status_code in (302, 403)
    draft = fresh(draft)
    assert not draft.live and draft.revisions.count() == 1


def test_a_moderator_cannot_bulk_publish_a_draft_nobody_submitted(client):
    draft = make_exploration(live=False)
    client.force_login(make_moderator())

    response = bulk(client, "publish", draft)

    assert response.status_code == 302
    assert not fresh(draft).live and fresh(draft).live_revision is None
    assert any("n'est pas en attente de votre validation" in message for message in messages_of(response))


def test_a_moderator_cannot_bulk_publish_a_submitted_page_with_the_unsubmitted_drafts_below_it(client):
    exploration = submitted_exploration(client, live=False)
    draft_below = make_place(exploration, live=False)
    client.force_login(make_moderator())

    bulk(client, "publish", exploration, include_descendants="on")

    assert not fresh(exploration).live and not fresh(draft_below).live
    assert fresh(exploration).workflow_in_progress


def test_a_moderator_cannot_bulk_publish_changes_nobody_submitted_to_a_published_page(client):
    exploration = make_exploration(summary="En ligne.")
    client.force_login(make_editor())
    press(client, exploration, None, summary="Brouillon non soumis.")
    client.force_login(make_moderator())

    bulk(client, "publish", exploration)

    assert fresh(exploration).summary == "En ligne."


def test_a_moderator_may_bulk_publish_a_page_submitted_to_them(client):
    exploration = submitted_exploration(client, summary="Soumis.")
    client.force_login(make_moderator())

    bulk(client, "publish", exploration)

    exploration = fresh(exploration)
    assert exploration.live and exploration.summary == "Soumis."
    assert not exploration.workflow_in_progress


def test_a_moderator_unpublishes_a_published_page(client):
    exploration = make_exploration()
    client.force_login(make_moderator())

    response = unpublish(client, exploration)

    assert response.status_code == 302
    assert not fresh(exploration).live and exists(exploration)


def test_a_moderator_bulk_unpublishes_published_pages(client):
    first, second = make_exploration("Premier"), make_exploration("Second")
    client.force_login(make_moderator())

    bulk(client, "unpublish", first, second)

    assert not fresh(first).live and not fresh(second).live


def test_a_moderator_cannot_delete_a_published_monograph(client):
    place = make_place()
    client.force_login(make_moderator())

    delete(client, place)
    bulk(client, "delete", place)

    assert exists(place) and fresh(place).live


def test_a_moderator_cannot_delete_a_draft_either(client):
    draft = make_exploration("Brouillon", live=False)
    client.force_login(make_moderator())

    delete(client, draft)
    bulk(client, "delete", draft)

    assert exists(draft)


# -- administrators, and any other group ---------------------------------------------------------------------


def test_an_administrator_publishes_directly_and_in_bulk(client):
    exploration, draft = make_exploration(summary="Avant."), make_exploration("Brouillon", live=False)
    client.force_login(make_admin())

    press(client, exploration, "publish", summary="Publié par l'administrateur.")
    bulk(client, "publish", draft)

    assert fresh(exploration).summary == "Publié par l'administrateur."
    assert fresh(draft).live


def test_an_administrator_deletes_a_published_monograph(client):
    place = make_place(timeline_events=[{"start_year": 2012, "title": "Ouverture", "kind": "opening"}])
    client.force_login(make_admin())

    response = delete(client, place)

    assert response.status_code == 302
    assert not exists(place)


def test_an_administrator_bulk_deletes_a_published_monograph(client):
    place = make_place()
    client.force_login(make_admin())

    bulk(client, "delete", place)

    assert not exists(place)


def publisher_outside_our_roles(client):
    """A user of a group given "change" and "publish" on every page (as editors once were), logged in."""
    group = Group.objects.create(name="Rédaction en chef")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=Page.get_first_root_node(), permission=Permission.objects.get(codename=codename)
        )
    user = User.objects.create_user("chef")
    user.groups.add(group)
    client.force_login(user)
    return user


def test_no_group_permission_lets_a_non_administrator_publish_what_was_not_submitted(client):
    exploration, draft = make_exploration(summary="En ligne."), make_exploration("Brouillon", live=False)
    publisher_outside_our_roles(client)

    response = press(client, exploration, "publish", summary="Publié sans relecture.")
    bulk(client, "publish", draft)

    assert response.status_code == 302
    assert fresh(exploration).summary == "En ligne."
    assert fresh(exploration).get_latest_revision_as_object().summary == "Publié sans relecture."
    assert not fresh(draft).live


def test_no_group_permission_lets_a_non_administrator_delete_a_published_page(client):
    place = make_place()
    publisher_outside_our_roles(client)

    response = delete(client, place)
    bulk(client, "delete", place)

    assert response.status_code == 302
    assert exists(place)


# -- snippets ------------------------------------------------------------------------------------------------


def partner_form(partner, **changes):
    data = {
        "name": partner.name,
        "logo": "",
        "url": partner.url,
        "description": partner.description,
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("app_label, model", SNIPPET_MODELS)
def test_an_editor_adds_changes_and_deletes_every_snippet(app_label, model):
    editor = make_editor()

    for action in ("add", "change", "delete"):
        assert editor.has_perm(f"{app_label}.{action}_{model}")
    assert not editor.has_perm(f"{app_label}.publish_{model}")


def test_an_editor_submits_a_partner_and_a_moderator_approves_it(client):
    partner = make_partner("ADEME")
    client.force_login(make_editor())

    client.post(
        snippet_url(Partner, "edit", partner.pk),
        {**partner_form(partner, name="ADEME (Agence de la transition écologique)"), "action-submit": "1"},
    )

    partner = Partner.objects.get(pk=partner.pk)
    assert partner.live and partner.name == "ADEME" and partner.workflow_in_progress
    assert partner.latest_revision.as_object().name == "ADEME (Agence de la transition écologique)"

    client.force_login(make_moderator())
    task_state = partner.current_workflow_task_state
    client.post(
        snippet_url(Partner, "workflow_action", partner.pk, "approve", task_state.pk), {"comment": ""}
    )

    partner = Partner.objects.get(pk=partner.pk)
    assert partner.name == "ADEME (Agence de la transition écologique)"
    assert not partner.has_unpublished_changes and partner.live_revision == partner.latest_revision


def test_a_moderator_cannot_publish_a_partner_draft_nobody_submitted(client):
    partner = make_partner("ADEME")
    client.force_login(make_editor())
    client.post(snippet_url(Partner, "edit", partner.pk), partner_form(partner, name="ADEME modifiée"))
    client.force_login(make_moderator())

    client.post(
        snippet_url(Partner, "edit", partner.pk),
        {
            **partner_form(Partner.objects.get(pk=partner.pk).latest_revision.as_object()),
            "action-publish": "1",
        },
    )

    assert Partner.objects.get(pk=partner.pk).name == "ADEME"


def test_an_editor_cannot_unpublish_a_partner_and_a_moderator_can(client):
    partner = make_partner()
    url = snippet_url(Partner, "unpublish", partner.pk)
    client.force_login(make_editor())

    client.post(url)
    assert Partner.objects.get(pk=partner.pk).live

    client.force_login(make_moderator())
    client.post(url)
    assert not Partner.objects.get(pk=partner.pk).live


def test_an_editor_cannot_delete_a_published_partner(client):
    partner = make_partner()
    client.force_login(make_editor())

    response = client.post(snippet_url(Partner, "delete", partner.pk))
    bulk(client, "delete", partner, model="explorations/partner")

    assert response.status_code == 302
    assert Partner.objects.filter(pk=partner.pk).exists()
    assert any("seul un administrateur peut le supprimer" in message for message in messages_of(response))


def test_an_editor_deletes_a_partner_that_is_not_online(client):
    draft, unpublished = make_partner("Brouillon", live=False), make_partner("Retiré")
    unpublished.unpublish()
    client.force_login(make_editor())

    client.post(snippet_url(Partner, "delete", draft.pk))
    bulk(client, "delete", unpublished, model="explorations/partner")

    assert not Partner.objects.filter(pk__in=[draft.pk, unpublished.pk]).exists()


def test_a_moderator_cannot_delete_a_partner(client):
    partner = make_partner(live=False)
    client.force_login(make_moderator())

    response = client.post(snippet_url(Partner, "delete", partner.pk))
    bulk(client, "delete", partner, model="explorations/partner")

    assert response.status_code in (302, 403)
    assert Partner.objects.filter(pk=partner.pk).exists()


def test_an_administrator_deletes_a_published_partner(client):
    partner = make_partner()
    client.force_login(make_admin())

    client.post(snippet_url(Partner, "delete", partner.pk))

    assert not Partner.objects.filter(pk=partner.pk).exists()


def test_a_moderator_publishes_partners_and_fields_but_neither_adds_nor_deletes_them():
    moderator = make_moderator()

    for model in ("partner", "explorationfield"):
        assert moderator.has_perm(f"explorations.publish_{model}")
        assert moderator.has_perm(f"explorations.change_{model}")
        assert not moderator.has_perm(f"explorations.add_{model}")
        assert not moderator.has_perm(f"explorations.delete_{model}")


# -- images and documents ------------------------------------------------------------------------------------


def test_an_editor_uploads_and_chooses_images_and_documents():
    editor = make_editor()
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    document_policy = policy_registry.get_by_type(get_document_model())
    image_policy = policy_registry.get_by_type(get_image_model())

    assert image_policy.user_has_permission(editor, "add")
    assert image_policy.user_has_permission(editor, "choose")
    assert document_policy.user_has_permission(editor, "add")
    assert document_policy.user_has_permission(editor, "choose")


def test_a_moderator_chooses_images_and_documents_but_does_not_upload_them():
    moderator = make_moderator()
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(moderator, "choose")
        assert not policy.user_has_permission(moderator, "add")


def test_the_home_page_takes_an_exploration_index_from_an_editor():
    # Before the exploration index exists (there may be only one), the home page accepts it from an editor.
    assert home_page().permissions_for_user(make_editor()).can_add_subpage()


def test_a_partial_migrate_before_wagtails_tables_exist_runs_without_error(tmp_path):
    """`migrate contenttypes` on a new database ends before Wagtail's tables exist: the roles wait."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "MILLELIEUX_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "millelieux.settings.development",
    }
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "millelieux.cli", "migrate", "contenttypes", "--no-input"]

    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "millelieux.sqlite3").exists()
