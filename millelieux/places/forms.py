from django.utils.translation import gettext as _

from millelieux.explorations.forms import ExplorationContentForm


class PlacePageForm(ExplorationContentForm):
    """Adds the rule that the revenue mix of a place cannot exceed 100 %."""

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
        return cleaned_data
