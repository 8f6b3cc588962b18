"""Sources: the publications that facts of a study are drawn from, cited on the pages that use them."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class Source(index.Indexed, models.Model):
    """A publication (article, report, web page, dataset) cited for one or more facts.

    One row per publication, shared by every fact that cites it, so a corrected URL or date is corrected
    everywhere and the sources of a study can be listed as a bibliography.
    """

    title = models.CharField(_("titre"), max_length=300)
    publisher = models.CharField(
        _("éditeur ou auteur"),
        max_length=200,
        blank=True,
        help_text=_("Le journal, l'institution, l'auteur."),
    )
    date = models.DateField(_("date de publication"), null=True, blank=True)
    url = models.URLField(_("adresse web"), max_length=500, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("date")]),
        FieldPanel("url"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("publisher"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title"]

    def __str__(self):
        return ", ".join(part for part in (self.title, self.publisher, self.date_label) if part)

    @property
    def date_label(self):
        return date_format(self.date, "j F Y") if self.date else ""


def source_field(**kwargs):
    """A link from a page or a row to the source of what it states (optional, kept if the source goes)."""
    options = {
        "verbose_name": _("source"),
        "null": True,
        "blank": True,
        "on_delete": models.SET_NULL,
        "related_name": "+",
        "help_text": _("La publication d'où vient ce fait."),
    }
    options.update(kwargs)
    return models.ForeignKey(Source, **options)


class SourcedMixin(models.Model):
    """A row that can cite the source of what it states."""

    source = source_field()

    class Meta:
        abstract = True
