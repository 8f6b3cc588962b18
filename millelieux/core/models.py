"""The home page: it presents the default exploration and lists the others."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    default_exploration = models.ForeignKey(
        "explorations.ExplorationPage",
        verbose_name=_("exploration présentée en accueil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Laisser vide pour présenter la plus récente."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("default_exploration"), FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["explorations.ExplorationIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def _explorations(self):
        # The model behind the foreign key: core imports no domain app.
        exploration_model = self._meta.get_field("default_exploration").related_model
        return exploration_model.objects.live().public().order_by("-period_start")

    def featured_exploration(self):
        chosen = self.default_exploration
        if chosen is not None and chosen.live:
            return chosen
        return self._explorations().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.featured_exploration()
        context["exploration"] = featured
        others = self._explorations()
        context["other_explorations"] = others.exclude(pk=featured.pk) if featured else others
        return context
