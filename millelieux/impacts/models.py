"""Impacts (positive externalities and limits) and the evidence that ties each one to places."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from millelieux.core.blocks import NarrativeBlock
from millelieux.explorations.models import ExplorationField, InExplorationMixin, exploration_of

from .forms import ImpactPageForm


class ImpactIndexPage(InExplorationMixin, Page):
    """The impacts of an exploration, grouped by field, positives and limits."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["explorations.ExplorationPage"]
    subpage_types = ["impacts.ImpactPage"]

    class Meta:
        verbose_name = _("index des impacts")
        verbose_name_plural = _("index des impacts")

    def impacts(self):
        return (
            ImpactPage.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .prefetch_related("exploration_fields")
        )

    def impacts_by_kind(self):
        impacts = list(self.impacts())
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


def evidence_panels(chooser):
    """Panels of an evidence row seen from one side: `chooser` is the other side ("place" or "impact")."""
    return [
        FieldPanel(chooser),
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("quote"), FieldPanel("source")]),
        FieldPanel("strength"),
    ]


class EvidenceOwnerMixin:
    """For the two pages that hold Evidence rows: publishing a revision keeps what the other side did since.

    A revision carries a snapshot of the page's evidence rows, and the time it was read. Published as such,
    it would delete the rows that the other page added after that time, and bring back rows the other page
    deleted. So, when a page built from a revision is saved, rows created after its snapshot are kept and
    rows no longer in the database are dropped; a row both sides edited follows the latest publication.
    A page read from the database (not from a revision) takes its snapshot when it is read.
    """

    evidence_side = None  # the name of Evidence's key to this page: "place" or "impact"
    SNAPSHOT_KEY = "evidence_snapshot_at"

    def serializable_data(self):
        data = super().serializable_data()
        data[self.SNAPSHOT_KEY] = (getattr(self, "_evidence_snapshot_at", None) or timezone.now()).isoformat()
        return data

    @classmethod
    def from_serializable_data(cls, data, *args, **kwargs):
        obj = super().from_serializable_data(data, *args, **kwargs)
        if obj is not None and data.get(cls.SNAPSHOT_KEY):
            obj._evidence_snapshot_at = datetime.fromisoformat(data[cls.SNAPSHOT_KEY])
        return obj

    def save(self, *args, **kwargs):
        self._merge_evidence_from_the_other_side()
        return super().save(*args, **kwargs)

    def _merge_evidence_from_the_other_side(self):
        pending = getattr(self, "_cluster_related_objects", {}).get("evidence")
        since = getattr(self, "_evidence_snapshot_at", None)
        if pending is None or since is None or not self.pk:
            return
        in_database = Evidence.objects.filter(**{self.evidence_side: self.pk})
        existing_ids = set(in_database.values_list("pk", flat=True))
        pending_ids = {item.pk for item in pending if item.pk}
        kept = [item for item in pending if item.pk is None or item.pk in existing_ids]
        added_since = in_database.filter(created_at__gt=since).exclude(pk__in=pending_ids)
        self._cluster_related_objects["evidence"] = kept + list(added_since)


class ImpactPage(EvidenceOwnerMixin, InExplorationMixin, Page):
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

    base_form_class = ImpactPageForm
    evidence_side = "impact"
    content_panels = Page.content_panels + [
        FieldPanel("kind", widget=forms.RadioSelect),
        FieldPanel("exploration_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel(
            "evidence",
            panels=evidence_panels("place"),
            label=_("Lieu où l'impact s'observe"),
            heading=_("Observé dans ces lieux"),
        ),
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

    def exploration_links(self):
        return [("evidence", "place")]

    def unique_inline_choices(self):
        return [("evidence", "place")]

    @property
    def is_limit(self):
        return self.kind == self.LIMIT

    def live_evidence(self):
        return (
            self.evidence.filter(place__live=True)
            .select_related("place")
            .order_by("-strength", "place__title")
        )


class Evidence(models.Model):
    """How an impact shows at one place: the bridge between the two entry keys, editable from either side.

    It has a parental key to both pages, so the place's editor and the impact's editor each manage the rows
    that concern their page, with drafts and revisions on both sides.
    """

    WEAK, MEDIUM, STRONG = 1, 2, 3
    STRENGTH_CHOICES = [(WEAK, _("Faible")), (MEDIUM, _("Marquée")), (STRONG, _("Forte"))]

    place = ParentalKey(
        "places.PlacePage", verbose_name=_("lieu"), on_delete=models.CASCADE, related_name="evidence"
    )
    impact = ParentalKey(
        ImpactPage, verbose_name=_("impact"), on_delete=models.CASCADE, related_name="evidence"
    )
    text = models.TextField(_("ce qui s'observe"))
    quote = models.TextField(_("citation"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=250,
        blank=True,
        help_text=_("D'où vient l'observation : entretien, visite, document."),
    )
    strength = models.PositiveSmallIntegerField(_("intensité"), choices=STRENGTH_CHOICES, default=MEDIUM)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

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
