"""The editorial rules that Wagtail's permissions alone do not express (the roles are in roles.py).

1. Publishing is approving. Wagtail lets anyone with "publish_page" publish any page, from the editor or in
   bulk; the Modérateur has that permission because approving (which publishes) and unpublishing need it.
   So a non-administrator publishes a page, or an object that can be submitted to a workflow, only while it
   awaits *their* approval in the moderation workflow; everything else is refused before it is published:
   the "Publish" button of the editor (create and edit views, pages and snippets) and the bulk action, with
   the draft pages below when "include descendants" is ticked. Approving goes through the workflow and is
   not affected. Snippets without a workflow (no way to submit them) keep their "publish" permission rule.
2. Deleting what is online (a live page, or a page with a live page below it, or a live snippet) is for
   administrators. Wagtail already refuses it for pages to users without "publish_page"; the hook keeps the
   rule whatever permissions a group is given, and applies it to the snippets with drafts.

3. Translating is for the page types whose translation is read (core/i18n.py); sub-pages are not copied along.

Each refusal puts a message in the admin and sends the user back; nothing is published, deleted or copied.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_latest_str
from wagtail.models import DraftStateMixin, Page, WorkflowMixin

from millelieux.core.i18n import is_translatable


def awaits_approval_by(user, obj):
    """True when `obj` is in moderation at a workflow task that `user` can approve."""
    task = obj.current_workflow_task
    if task is None:
        return False
    return any(name == "approve" for name, _label, _modal in task.get_actions(obj, user))


def may_publish(user, obj):
    """Administrators publish anything; others publish what awaits their approval (when it can be submitted)."""
    if user.is_superuser or not isinstance(obj, WorkflowMixin):
        return True
    return awaits_approval_by(user, obj)


def is_online(obj):
    """A live page or a page with a live page below it; a live snippet with drafts."""
    if isinstance(obj, Page):
        return obj.get_descendants(inclusive=True).live().exists()
    return isinstance(obj, DraftStateMixin) and obj.live


def _refuse_publishing(request, obj):
    messages.error(
        request,
        _(
            "« %(title)s » n'est pas en attente de votre validation : seul ce qui a été soumis à la modération "
            "peut être publié, en l'approuvant. Les modifications sont enregistrées comme brouillon."
        )
        % {"title": get_latest_str(obj)},
    )
    return redirect(AdminURLFinder(request.user).get_edit_url(obj) or reverse("wagtailadmin_home"))


def _deletion_refused_message(obj):
    return _(
        "« %(title)s » est en ligne : seul un administrateur peut le supprimer. Un modérateur peut d'abord le "
        "dépublier."
    ) % {"title": get_latest_str(obj)}


@hooks.register("before_publish_page")
def refuse_publishing_a_page_outside_moderation(request, page):
    if not may_publish(request.user, page):
        return _refuse_publishing(request, page)


@hooks.register("before_publish")
def refuse_publishing_a_snippet_outside_moderation(request, obj):
    if not may_publish(request.user, obj):
        return _refuse_publishing(request, obj)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_outside_moderation_and_bulk_deleting_what_is_online(
    request, action_type, objects, action_class_instance
):
    if request.user.is_superuser:
        return None
    if action_type == "publish":
        to_publish = list(objects)
        form = action_class_instance.cleaned_form
        if form is not None and form.cleaned_data.get("include_descendants"):
            for page in objects:
                to_publish += page.get_descendants().not_live().specific()
        refused = [obj for obj in to_publish if not may_publish(request.user, obj)]
        if refused:
            messages.error(
                request,
                _(
                    "Rien n'a été publié : « %(title)s » n'est pas en attente de votre validation. Seul ce qui a "
                    "été soumis à la modération peut être publié, en l'approuvant."
                )
                % {"title": get_latest_str(refused[0])},
            )
            return redirect(action_class_instance.next_url)
    elif action_type == "delete":
        online = [obj for obj in objects if is_online(obj)]
        if online:
            messages.error(request, _deletion_refused_message(online[0]))
            return redirect(action_class_instance.next_url)
    return None


@hooks.register("before_delete_page")
def refuse_deleting_an_online_page(request, page):
    if not request.user.is_superuser and is_online(page):
        messages.error(request, _deletion_refused_message(page))
        return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_snippet")
def refuse_deleting_an_online_snippet(request, instances):
    online = [obj for obj in instances if is_online(obj)]
    if not request.user.is_superuser and online:
        messages.error(request, _deletion_refused_message(online[0]))
        viewset = getattr(type(online[0]), "snippet_viewset", None)
        return redirect(reverse(viewset.get_url_name("list")) if viewset else reverse("wagtailadmin_home"))


def submit_page_translation(request, page_id):
    """Wagtail's "Translate" view, for the page types whose translation can be read (core/i18n.py).

    Registered before simple_translation's own URL (the core app comes first), at the same address. A page
    that points at other pages of the study (a monograph, an article, an event) is refused with a message, and
    its sub-pages are never copied along ("include_subtree"): each page is translated on its own.
    """
    from wagtail.contrib.simple_translation.views import SubmitPageTranslationView

    page = get_object_or_404(Page, id=page_id).specific
    if not is_translatable(page):
        messages.error(
            request,
            _(
                "« %(title)s » ne peut pas être traduite : seules les pages de présentation (accueil, exploration, "
                "index) se traduisent pour l'instant. Les monographies, impacts, articles et événements restent en "
                "français, signalés comme tels aux lecteurs de l'interface anglaise."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "POST" and "include_subtree" in request.POST:
        request.POST = request.POST.copy()
        del request.POST["include_subtree"]
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


@hooks.register("register_admin_urls")
def register_translation_guard():
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            submit_page_translation,
            name="millelieux_translate_page",
        )
    ]
