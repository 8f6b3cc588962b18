from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Source


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "link"
    menu_label = _("Sources")
    list_display = ["title", "publisher", "date", "url"]
    search_fields = ["title", "publisher", "url"]
    add_to_admin_menu = True
    menu_order = 230


register_snippet(SourceViewSet)
