"""Impacts (positive externalities and limits) and the evidence that ties each one to places."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from millelieux.core import linked_data
from millelieux.core.blocks import NarrativeBlock
from millelieux.core.choices import ChoiceLabelsMixin
from millelieux.core.i18n import ReadingLocaleMixin
from millelieux.core.routing import private_pages_q
from millelieux.explorations.models import ExplorationField, InExplorationMixin, exploration_of
from millelieux.sources.models import SourcedMixin, source_field

from .forms import ImpactPageForm


class ImpactIndexPage(ReadingLocaleMixin, InExplorationMixin, Page):
    """The impacts of an exploration, grouped by field, positives and limits."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = ["title", "seo_title", "search_description", "intro"]
    parent_page_types = ["explorations.ExplorationPage"]
    subpage_types = ["impacts.ImpactPage"]

    class Meta:
        verbose_name = _("index des impacts")
        verbose_name_plural = _("index des impacts")

    def impacts(self):
        return (
            ImpactPage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .order_by("title")
            .prefetch_related("exploration_fields")
        )

    def impacts_by_kind(self):
        impacts = self._impacts_list()
        return [
            (
                ImpactPage.POSITIVE,
                _("Externalités positives"),
                [i for i in impacts if i.kind == ImpactPage.POSITIVE],
            ),
            (ImpactPage.LIMIT, _("Limites"), [i for i in impacts if i.kind == ImpactPage.LIMIT]),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["impact_groups"] = self.impacts_by_kind()
        return context

    def linked_data(self, request):
        """A CollectionPage of the impacts (the list the page shows, read once)."""
        exploration = self.exploration
        return linked_data.page_node(
            "CollectionPage",
            self,
            request,
            description=self.search_description,
            inLanguage=linked_data.content_language(self),
            isPartOf=exploration.reference_node(request) if exploration else None,
            mainEntity=linked_data.item_list(self._impacts_list(), request, "CreativeWork"),
        )

    def _impacts_list(self):
        if not hasattr(self, "_impacts_cache"):
            self._impacts_cache = list(self.impacts())
        return self._impacts_cache


class ImpactPage(ChoiceLabelsMixin, ReadingLocaleMixin, InExplorationMixin, Page):
    """What tiers-lieux create, or fail to create, on their territory."""

    POSITIVE = "positive"
    LIMIT = "limit"
    KIND_CHOICES = [(POSITIVE, _("Externalité positive")), (LIMIT, _("Limite"))]

    kind = models.CharField(_("nature"), max_length=10, choices=KIND_CHOICES, default=POSITIVE)
    exploration_fields = ParentalManyToManyField(
        ExplorationField, verbose_name=_("champs d'exploration"), blank=True, related_name="impacts"
    )
    summary = models.TextField(
        _("résumé"), max_length=600, help_text=_("Deux ou trois phrases pour les listes.")
    )
    body = StreamField(NarrativeBlock(), verbose_name=_("texte"), blank=True)
    source = source_field(help_text=_("La publication où l'impact est décrit."))

    base_form_class = ImpactPageForm
    content_panels = Page.content_panels + [
        FieldPanel("kind", widget=forms.RadioSelect),
        FieldPanel("exploration_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("source"),
        # Evidence is edited on the monograph that owns it; here it is listed with links to those pages.
        HelpPanel(template="impacts/admin/impact_evidence_panel.html", heading=_("Observé dans ces lieux")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["impacts.ImpactIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("impact")
        verbose_name_plural = _("impacts")

    @property
    def is_limit(self):
        return self.kind == self.LIMIT

    def evidence_for_admin(self):
        """Every published evidence row citing this impact, for the read-only list of its admin page."""
        if not self.pk:
            return []
        return self.evidence.select_related("place").order_by("place__title")

    def linked_data(self, request):
        """The impact as a text of the study (CreativeWork) about the places where it is observed."""
        exploration = self.exploration
        places = [evidence.place for evidence in self.live_evidence()] if self.pk else []
        return linked_data.page_node(
            "CreativeWork",
            self,
            request,
            description=self.search_description or self.summary,
            genre=str(self.get_kind_display()),
            inLanguage=linked_data.content_language(self),
            about=[linked_data.page_node("Place", place, request) for place in places],
            isPartOf=exploration.reference_node(request) if exploration else None,
            license=exploration.licence.url if exploration else None,
        )

    def live_evidence(self):
        """The published evidence of this impact. The same queryset for the life of the instance (a page being
        rendered), so that the page and its linked data read it in one query."""
        if not self.pk:  # a new impact previewed before its first save
            return Evidence.objects.none()
        if getattr(self, "_live_evidence", None) is None:
            self._live_evidence = (
                self.evidence.filter(place__live=True)
                .select_related("place", "source")
                .order_by("-strength", "place__title")
            )
        return self._live_evidence


class Evidence(ChoiceLabelsMixin, SourcedMixin, Orderable):
    """How an impact shows at one place: the bridge between the two entry keys.

    A row belongs to the monograph (a parental key): it is written, revised and published with the place's
    page, and the impact's page only reads it. A place and an impact share at most one row.
    """

    WEAK, MEDIUM, STRONG = 1, 2, 3
    STRENGTH_CHOICES = [(WEAK, _("Faible")), (MEDIUM, _("Marquée")), (STRONG, _("Forte"))]

    place = ParentalKey(
        "places.PlacePage", verbose_name=_("lieu"), on_delete=models.CASCADE, related_name="evidence"
    )
    impact = models.ForeignKey(
        ImpactPage, verbose_name=_("impact"), on_delete=models.CASCADE, related_name="evidence"
    )
    text = models.TextField(_("ce qui s'observe"))
    quote = models.TextField(
        _("citation"), blank=True, help_text=_("Seulement une citation publiée, dont la source est indiquée.")
    )
    strength = models.PositiveSmallIntegerField(_("intensité"), choices=STRENGTH_CHOICES, default=MEDIUM)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)

    panels = [
        FieldPanel("impact"),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("strength"), FieldPanel("source")]),
        FieldPanel("quote"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(fields=["place", "impact"], name="unique_evidence_per_place_and_impact")
        ]

    def __str__(self):
        return f"{self.place} × {self.impact}"

    def clean(self):
        super().clean()
        place = self.place if self.place_id else None
        impact = self.impact if self.impact_id else None
        if place is not None and impact is not None and place.pk and impact.pk:
            place_exploration, impact_exploration = exploration_of(place), exploration_of(impact)
            if place_exploration and impact_exploration and place_exploration != impact_exploration:
                raise ValidationError(
                    _(
                        "Le lieu « %(place)s » et l'impact « %(impact)s » appartiennent à deux explorations "
                        "différentes."
                    )
                    % {"place": place.title, "impact": impact.title}
                )
