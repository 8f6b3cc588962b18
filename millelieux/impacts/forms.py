from django.utils.translation import gettext as _

from millelieux.explorations.forms import ExplorationContentForm


class ImpactPageForm(ExplorationContentForm):
    """Offers only the fields of the impact's own exploration, and refuses any other."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        exploration = self.page_exploration()
        if exploration is not None and "exploration_fields" in self.fields:
            self.fields["exploration_fields"].queryset = exploration.fields.all()

    def clean(self):
        cleaned_data = super().clean()
        exploration = self.page_exploration()
        chosen = cleaned_data.get("exploration_fields") or []
        foreign = [f for f in chosen if exploration is not None and f.exploration_id != exploration.pk]
        if foreign:
            self.add_error(
                "exploration_fields",
                _("« %(field)s » est un champ d'une autre exploration.") % {"field": foreign[0].title},
            )
        return cleaned_data
