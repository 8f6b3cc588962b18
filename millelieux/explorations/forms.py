"""Admin page forms that know which exploration a page belongs to and keep its links inside it."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from .tree import exploration_of


class ExplorationContentForm(WagtailAdminPageForm):
    """Rejects links to pages of another exploration and the same choice twice in one inline list.

    The page model (an InExplorationMixin page) declares what to check:
    - `exploration_links()` -> [(name, field)]: `name` is an inline relation and `field` the chooser in each of
      its rows, or `name` is a many-to-many field of the page itself and `field` is None;
    - `unique_inline_choices()` -> [(relation, field)]: a chooser that must not repeat within the relation.
    Works for a page being created too, through the parent page Wagtail hands to the form.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the pages of this exploration in the page's own many-to-many choosers.
        exploration = self.page_exploration()
        for name, field in self.instance.exploration_links():
            if field is None and exploration is not None and name in self.fields:
                queryset = self.fields[name].queryset
                self.fields[name].queryset = queryset.descendant_of(exploration)

    def page_exploration(self):
        if not hasattr(self, "_page_exploration"):
            in_tree = self.instance.pk and self.instance.path
            self._page_exploration = exploration_of(
                self.instance if in_tree else getattr(self, "parent_page", None)
            )
        return self._page_exploration

    def _live_inline_forms(self, relation):
        formset = self.formsets.get(relation)
        if formset is None:
            return []
        formset.is_valid()  # validates each row once; results are cached on the forms
        return [
            form
            for form in formset.forms
            if hasattr(form, "cleaned_data")
            and not (formset.can_delete and formset._should_delete_form(form))
        ]

    def clean(self):
        cleaned_data = super().clean()
        exploration = self.page_exploration()
        if exploration is not None:
            for name, field in self.instance.exploration_links():
                if field is None:
                    foreign = [p for p in cleaned_data.get(name) or [] if exploration_of(p) != exploration]
                    if foreign:
                        self.add_error(name, self._foreign_message(foreign, exploration))
                    continue
                for form in self._live_inline_forms(name):
                    target = form.cleaned_data.get(field)
                    if target is not None and exploration_of(target) != exploration:
                        form.add_error(field, self._foreign_message([target], exploration))

        for relation, field in self.instance.unique_inline_choices():
            seen = self._choices_saved_outside_the_form(relation, field)
            for form in self._live_inline_forms(relation):
                target = form.cleaned_data.get(field)
                if target is None:
                    continue
                if target.pk in seen:
                    form.add_error(
                        field,
                        _("« %(name)s » est déjà dans la liste ; gardez une seule ligne.") % {"name": target},
                    )
                seen.add(target.pk)
        return cleaned_data

    def _choices_saved_outside_the_form(self, relation, field):
        """Choices of rows saved since this form was opened: the form does not show them, and saving would
        add a second row beside them, so a new row repeating one of them is refused too."""
        formset = self.formsets.get(relation)
        if formset is None or not self.instance.pk:
            return set()
        in_form = {form.instance.pk for form in formset.forms if form.instance.pk}
        saved = formset.model.objects.filter(**{formset.fk.name: self.instance.pk}).exclude(pk__in=in_form)
        return set(saved.values_list(f"{field}_id", flat=True))

    @staticmethod
    def _foreign_message(pages, exploration):
        page = pages[0]
        other = exploration_of(page)
        return _(
            "« %(page)s » appartient à l'exploration « %(other)s », pas à « %(this)s » : "
            "choisissez une page de cette exploration."
        ) % {"page": page.title, "other": other.title if other else _("aucune"), "this": exploration.title}
