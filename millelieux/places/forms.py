from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from millelieux.census.models import CensusEntry
from millelieux.explorations.forms import ExplorationContentForm

SUGGESTIONS = 5


def census_suggestions(name, commune_code):
    """Census entries that may be this place, best first: census.matching.suggest_census_entries when the census
    app provides it (it may return entries or (entry, score) pairs)."""
    try:
        from millelieux.census.matching import suggest_census_entries
    except ImportError:  # the matching module is not there yet: no suggestion, the chooser still works
        return []
    found = []
    for item in suggest_census_entries(name, commune_code) or []:
        entry = item[0] if isinstance(item, (tuple, list)) else item
        if isinstance(entry, CensusEntry):
            found.append(entry)
    return found[:SUGGESTIONS]


class CensusSuggestionField(forms.ModelChoiceField):
    def label_from_instance(self, entry):
        commune = entry.commune.name if entry.commune_id else entry.commune_label
        return f"{entry.name} — {commune} ({entry.census})"


class PlacePageForm(ExplorationContentForm):
    """Adds the rule that the revenue mix of a place cannot exceed 100 %, the census entries that may be this
    place (an editor confirms one), and taking the coordinates of the census entry when the editor asks."""

    census_suggestion = CensusSuggestionField(
        label=gettext_lazy("Lieux recensés qui lui ressemblent"),
        queryset=CensusEntry.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=gettext_lazy("Choisir une suggestion la retient comme lieu recensé de cette monographie."),
    )
    take_census_coordinates = forms.BooleanField(
        label=gettext_lazy("Reprendre les coordonnées du lieu recensé"),
        required=False,
        help_text=gettext_lazy("Remplace la latitude et la longitude par celles du recensement."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "commune" in self.fields:
            # in the admin, the commune is always chosen (a page built from data may name it by code instead)
            self.fields["commune"].required = True
        field = self.fields.get("census_suggestion")
        if field is None:
            return
        instance = self.instance
        suggestions = (
            census_suggestions(instance.title, instance.commune_code)
            if instance.pk and instance.commune_code
            else []
        )
        field.queryset = CensusEntry.objects.filter(
            pk__in=[entry.pk for entry in suggestions]
        ).select_related("commune", "census")
        if not suggestions:
            field.help_text = (
                _("Aucune suggestion : cherchez le lieu avec le bouton ci-dessous.")
                if instance.pk
                else _("Les suggestions apparaissent une fois la monographie enregistrée avec sa commune.")
            )

    def clean(self):
        cleaned_data = super().clean()
        rows = self._live_inline_forms("revenue_shares")
        total = sum(form.cleaned_data.get("percent") or 0 for form in rows)
        if total > 100:
            for form in rows:
                if form.cleaned_data.get("percent"):
                    form.add_error(
                        "percent",
                        _(
                            "Les parts des recettes totalisent %(total)s %% ; leur somme ne peut dépasser 100 %%."
                        )
                        % {"total": total},
                    )
        self._clean_census_entry(cleaned_data)
        return cleaned_data

    def _clean_census_entry(self, cleaned_data):
        suggestion = cleaned_data.get("census_suggestion")
        if suggestion is not None:
            cleaned_data["census_entry"] = suggestion
        if not cleaned_data.get("take_census_coordinates"):
            return
        entry = cleaned_data.get("census_entry")
        if entry is None:
            self.add_error("take_census_coordinates", _("Choisissez d'abord le lieu recensé."))
        elif not entry.has_coordinates:
            self.add_error("take_census_coordinates", _("Ce lieu recensé n'a pas de coordonnées."))
        else:
            cleaned_data["latitude"] = Decimal(f"{entry.latitude:.6f}")
            cleaned_data["longitude"] = Decimal(f"{entry.longitude:.6f}")
