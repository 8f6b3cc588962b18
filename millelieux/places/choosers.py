"""The chooser of a census entry for a monograph: the editor finds the same place in a census by its name, its
commune or its postcode (only present entries are offered).

    FieldPanel("census_entry", widget=census_entry_chooser_viewset.widget_class)
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from millelieux.census.models import CensusEntry
from millelieux.territories.choosers import SafeChooser


class CensusEntrySearchForm(BaseFilterForm):
    q = forms.CharField(label=_("Nom, commune ou code postal"), max_length=100, required=False)

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        self.is_searching = True
        self.search_query = query
        condition = Q()
        for word in query.split():
            condition &= (
                Q(name__icontains=word)
                | Q(commune__name__icontains=word)
                | Q(commune_label__icontains=word)
                | Q(postcode__startswith=word)
                | Q(commune__code=word)
            )
        return objects.filter(condition)


class CensusEntryChooserMixin:
    filter_form_class = CensusEntrySearchForm
    per_page = 20

    def get_object_list(self):
        return (
            CensusEntry.objects.filter(status=CensusEntry.Status.PRESENT)
            .select_related("commune", "census")
            .order_by("name", "pk")
        )

    def apply_object_list_ordering(self, objects):
        return objects

    @property
    def columns(self):
        return [
            self.title_column,
            Column(
                "commune",
                label=_("Commune"),
                accessor=lambda entry: str(entry.commune) if entry.commune_id else entry.commune_label,
            ),
            Column("typology", label=_("Typologie"), accessor="get_typology_display"),
            Column("census", label=_("Recensement")),
        ]


class CensusEntryChooseView(CensusEntryChooserMixin, ChooseView):
    pass


class CensusEntryChooseResultsView(CensusEntryChooserMixin, ChooseResultsView):
    pass


class CensusEntryChooserViewSet(ChooserViewSet):
    model = CensusEntry
    icon = "list-ul"
    choose_one_text = _("Choisir le lieu recensé")
    choose_another_text = _("Choisir un autre lieu recensé")
    page_title = _("Choisir un lieu recensé")
    choose_view_class = CensusEntryChooseView
    choose_results_view_class = CensusEntryChooseResultsView
    base_widget_class = SafeChooser
    # the census app may register its own chooser for entries: this one is only the monograph's widget
    register_widget = False


census_entry_chooser_viewset = CensusEntryChooserViewSet(
    "census_entry_chooser", url_prefix="recensements/choisir-un-lieu"
)
