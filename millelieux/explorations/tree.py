"""Where a page stands in the tree of explorations: the exploration it belongs to.

A module of its own, below models and forms, so that both can use it without importing each other.
"""

from django.apps import apps
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
