"""Where a page stands in the tree of explorations: the exploration it belongs to.

A module of its own, below models and forms, so that both can use it without importing each other.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from wagtail.models import Page


def exploration_of(page):
    """The exploration a page belongs to: itself, or its nearest ExplorationPage ancestor (None outside one)."""
    if page is None:
        return None
    exploration_model = apps.get_model("explorations", "ExplorationPage")
    page = page.specific_deferred if type(page) is Page else page
    if isinstance(page, exploration_model):
        return page
    if not page.pk or not page.path:
        return None
    found = getattr(page, "_route_ancestors", None)
    if found is not None:
        # The routing read the ancestors (core/routing.py): the exploration is one of them. Its own fields are
        # loaded on first use; the navigation only needs its title and address, which the page row holds.
        content_type = ContentType.objects.get_for_model(exploration_model)
        for ancestor in reversed(found):
            if ancestor.content_type_id == content_type.pk:
                return ancestor.specific_deferred
        return None
    return exploration_model.objects.ancestor_of(page).order_by("-depth").first()


class InExplorationMixin:
    """For pages that live inside an exploration: `page.exploration` finds it once per instance."""

    @cached_property
    def exploration(self):
        return exploration_of(self)

    def exploration_links(self):
        """Choosers that must stay within the exploration; see explorations.forms.ExplorationContentForm."""
        return []

    def unique_inline_choices(self):
        """Inline choosers that must not repeat; see explorations.forms.ExplorationContentForm."""
        return []
