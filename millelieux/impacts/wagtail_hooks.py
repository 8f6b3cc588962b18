from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

from .moves import evidence_split_by_move, refusal_message


@hooks.register("before_move_page")
def refuse_a_move_that_splits_evidence(request, page, destination):
    rows = evidence_split_by_move(page, destination)
    if rows:
        messages.error(request, refusal_message(page, rows))
        return redirect("wagtailadmin_pages:move", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_a_bulk_move_that_splits_evidence(request, action_type, objects, action):
    if action_type != "move" or not hasattr(action, "cleaned_form"):
        return None
    destination = action.cleaned_form.cleaned_data.get("chooser")
    if destination is None:
        return None
    for page in objects:
        rows = evidence_split_by_move(page, destination)
        if rows:
            messages.error(request, refusal_message(page, rows))
            return redirect(action.next_url or "wagtailadmin_explore_root")
    return None
