"""The commune chooser of the admin: an editor picks a commune of the territory data, found by its name (with or
without accents), its postcode or its INSEE code, and sees its department; nothing is typed into the page.

    from millelieux.territories.choosers import commune_chooser_viewset
    FieldPanel("commune", widget=commune_chooser_viewset.widget_class)
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets.chooser import BaseChooser

from .classes import folded
from .models import Commune


class CommuneSearchForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Nom, code postal ou code INSEE"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Par exemple : Guéret, 23000 ou 23096")}),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q") or ""
        words = folded(query).split()
        if not words:
            return objects
        self.is_searching = True
        self.search_query = query
        condition = Q()
        for word in words:
            # every word must be found; a code or postcode is matched at a word start
            condition &= Q(search_text__startswith=word) | Q(search_text__contains=f" {word}")
        return objects.filter(condition)


class CommuneChooserMixin:
    filter_form_class = CommuneSearchForm
    per_page = 20

    def get_object_list(self):
        return Commune.objects.select_related("department").order_by(
            F("population").desc(nulls_last=True), "name", "code"
        )

    def apply_object_list_ordering(self, objects):
        return objects

    @property
    def columns(self):
        return [
            self.title_column,
            Column(
                "department",
                label=_("Département"),
                accessor=lambda commune: str(commune.department) if commune.department else "—",
            ),
            Column("postcodes", label=_("Codes postaux")),
            Column("population", label=_("Population")),
        ]


class CommuneChooseView(CommuneChooserMixin, ChooseView):
    pass


class CommuneChooseResultsView(CommuneChooserMixin, ChooseResultsView):
    pass


class SafeChooser(BaseChooser):
    """A chooser widget that shows nothing chosen, rather than crashing, when the form comes back with a value
    that is not an id (Wagtail's catches only DoesNotExist)."""

    def get_instance(self, value):
        try:
            return super().get_instance(value)
        except (ValueError, TypeError, ValidationError):
            return None


class CommuneChooserWidget(SafeChooser):
    def get_display_title(self, instance):
        if instance.department_id:
            return f"{instance.name} ({instance.code}) — {instance.department.name}"
        return str(instance)


class CommuneChooserViewSet(ChooserViewSet):
    model = Commune
    icon = "site"
    choose_one_text = _("Choisir la commune")
    choose_another_text = _("Choisir une autre commune")
    page_title = _("Choisir une commune")
    choose_view_class = CommuneChooseView
    choose_results_view_class = CommuneChooseResultsView
    base_widget_class = CommuneChooserWidget


commune_chooser_viewset = CommuneChooserViewSet("commune_chooser", url_prefix="communes/choisir")
