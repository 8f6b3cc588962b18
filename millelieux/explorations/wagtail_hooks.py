from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExplorationField, Partner


class ExplorationFieldViewSet(SnippetViewSet):
    model = ExplorationField
    icon = "tag"
    menu_label = _("Champs d'exploration")
    list_display = ["title", "exploration", "sort_order"]
    list_filter = ["exploration"]
    search_fields = ["title", "description"]
    add_to_admin_menu = True
    menu_order = 210


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    list_display = ["name", "url"]
    search_fields = ["name", "description"]
    add_to_admin_menu = True
    menu_order = 220


register_snippet(ExplorationFieldViewSet)
register_snippet(PartnerViewSet)
