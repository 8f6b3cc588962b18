from django import forms
from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import slug_validator


def publishable_explorations(user):
    """The live explorations `user` may publish, hence freeze (ordered by title)."""
    ExplorationPage = apps.get_model("explorations", "ExplorationPage")
    explorations = (
        ExplorationPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")
    )
    return [page for page in explorations if page.permissions_for_user(user).can_publish()]


class FreezeForm(forms.Form):
    """« Geler une édition »: which exploration, under which title, identifier, date and authors."""

    exploration = forms.TypedChoiceField(label=_("Exploration"), coerce=int)
    title = forms.CharField(
        label=_("Titre"), max_length=255, help_text=_("Par exemple « Mille Lieux — édition 2019 ».")
    )
    slug = forms.CharField(
        label=_("Identifiant"),
        max_length=80,
        required=False,
        validators=[slug_validator],
        help_text=_(
            "Dans l'adresse permanente /editions/<exploration>/<identifiant>/ ; vide : tiré du titre."
        ),
    )
    date = forms.DateField(label=_("Date de l'édition"), initial=timezone.localdate)
    authors = forms.CharField(
        label=_("Auteurs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Une personne ou une organisation par ligne (à défaut, l'organisation de l'exploration)."
        ),
    )

    def __init__(self, *args, explorations, **kwargs):
        super().__init__(*args, **kwargs)
        self.explorations = {page.pk: page for page in explorations}
        self.fields["exploration"].choices = [(page.pk, page.title) for page in explorations]

    def clean_exploration(self):
        return self.explorations[self.cleaned_data["exploration"]]
