"""The live book kept current by the publications that change it, not by its next reader.

Once an exploration's live book exists (someone downloaded it, or a static export included it), publishing or
unpublishing a page of the exploration, one of its fields or one of its partners brings it up to date, once the
publication's transaction has committed: the next reader and the next static export find it current instead of
waiting for it. A book nobody asked for is not built here.

The work is a task of Django's task framework (the `django_tasks` backport that Wagtail itself uses). With the
default backend (settings.TASKS) it runs at once, in the process that published: after an edit, a publication
waits for the chapters it changed to be laid out again (under a second for an article here, some ten seconds
after a new title of the exploration, which every running head prints). A deployment with a worker moves that
wait out of the request by naming another backend; nothing here changes. A book that cannot be made is logged
and left to the next request, which says why (BookUnavailable): a publication never fails because of its book.
"""

import logging
from functools import partial

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from millelieux.explorations.models import ExplorationField, ExplorationPartnership, Partner
from millelieux.explorations.tree import exploration_of

from .book import BookUnavailable
from .cache import has_live_book, live_book, printed_explorations

logger = logging.getLogger(__name__)


@task()
def refresh_live_book(exploration_id):
    """Bring the exploration's live book up to date if it has one; the name of its file, or None."""
    if not has_live_book(exploration_id):
        return None
    exploration = printed_explorations().filter(pk=exploration_id).first()
    if exploration is None:  # unpublished or restricted since: the book is no longer served
        return None
    try:
        return live_book(exploration).name
    except BookUnavailable as error:
        logger.warning("The live book of %s was not brought up to date: %s", exploration.slug, error.message)
        return None


def explorations_printing(instance):
    """The ids of the explorations whose book prints `instance` (a page, a field or a partner)."""
    if isinstance(instance, Page):
        exploration = exploration_of(instance)
        return [exploration.pk] if exploration is not None else []
    if isinstance(instance, ExplorationField):
        return [instance.exploration_id]
    if isinstance(instance, Partner):
        partnerships = ExplorationPartnership.objects.filter(partner=instance)
        return sorted(set(partnerships.values_list("exploration_id", flat=True)))
    return []


def refresh_after_publication(sender, instance, **kwargs):
    """Receiver of Wagtail's published and unpublished signals (pages and snippets alike)."""
    for exploration_id in explorations_printing(instance):
        if has_live_book(exploration_id):
            # After the commit: the task must read what was published (and a rolled-back edit changes nothing).
            # Several publications in one transaction each ask; all but the first find the book current.
            transaction.on_commit(partial(refresh_live_book.enqueue, exploration_id))
