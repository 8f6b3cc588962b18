"""Places (monographs): technical sheet, narrative, timeline, stakeholders and revenue mix."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from millelieux.census import statistics as census_statistics
from millelieux.core import linked_data
from millelieux.core.blocks import NarrativeBlock
from millelieux.core.choices import ChoiceLabelsMixin
from millelieux.core.i18n import ReadingLocaleMixin
from millelieux.core.routing import private_pages_q
from millelieux.core.validators import (
    latitude_validators,
    longitude_validators,
    validate_insee_code,
    validate_past_year,
)
from millelieux.explorations.models import InExplorationMixin, exploration_of
from millelieux.sources.models import SourcedMixin
from millelieux.territories.choosers import commune_chooser_viewset
from millelieux.territories.classes import folded
from millelieux.territories.models import Commune

from . import reading
from .choosers import census_entry_chooser_viewset
from .forms import PlacePageForm


@register_snippet
class Activity(models.Model):
    """An activity a place hosts (coworking, fablab, café, résidences…): a shared vocabulary for filters."""

    name = models.CharField(_("nom"), max_length=80, unique=True)

    panels = [FieldPanel("name")]

    class Meta:
        verbose_name = _("activité")
        verbose_name_plural = _("activités")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PlaceIndexPage(ReadingLocaleMixin, InExplorationMixin, Page):
    """The "terrains" of an exploration: the list of its monographs."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = ["title", "seo_title", "search_description", "intro"]
    parent_page_types = ["explorations.ExplorationPage"]
    subpage_types = ["places.PlacePage"]

    class Meta:
        verbose_name = _("index des terrains")
        verbose_name_plural = _("index des terrains")

    def places(self):
        return (
            PlacePage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .order_by("title")
            .prefetch_related("activities")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["places"] = self._listed = self.places()  # one query, read by the linked data first
        return context

    def linked_data(self, request):
        """A CollectionPage of the monographs, each a Place."""
        listed = getattr(self, "_listed", None)
        listed = list(listed if listed is not None else self.places())
        exploration = self.exploration
        return linked_data.page_node(
            "CollectionPage",
            self,
            request,
            description=self.search_description,
            inLanguage=linked_data.content_language(self),
            isPartOf=exploration.reference_node(request) if exploration else None,
            mainEntity=linked_data.item_list(listed, request, "Place"),
        )


class PlacePage(ReadingLocaleMixin, InExplorationMixin, Page):
    """A monograph: a place read in its territory."""

    opengraph_type = "place"

    summary = models.TextField(
        _("résumé"), max_length=600, help_text=_("Deux ou trois phrases pour les listes.")
    )
    # Technical sheet (fiche technique). Every figure is optional: pages show "non renseigné" rather than a guess.
    # The commune is chosen among the territory data; its code and name are copied from it (clean) so that
    # lists, maps, search and exports read them without a join. Pages built from data files name it by code.
    commune = models.ForeignKey(
        "territories.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Cherchez-la par son nom, son code postal ou son code INSEE."),
    )
    commune_code = models.CharField(
        _("commune (code INSEE)"), max_length=5, blank=True, editable=False, validators=[validate_insee_code]
    )
    commune_name = models.CharField(_("commune (nom)"), max_length=120, blank=True, editable=False)
    census_entry = models.ForeignKey(
        "census.CensusEntry",
        verbose_name=_("lieu recensé"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="monographs",
        help_text=_("Le même lieu dans un recensement (la base CGET 2019 par exemple)."),
    )
    address = models.CharField(_("adresse"), max_length=250, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, validators=longitude_validators
    )
    opening_year = models.PositiveSmallIntegerField(
        _("année d'ouverture"), null=True, blank=True, validators=[validate_past_year]
    )
    legal_form = models.CharField(
        _("forme juridique"),
        max_length=120,
        blank=True,
        help_text=_("Par exemple : association loi 1901, SCIC, SAS, régie municipale."),
    )
    governance = models.TextField(_("gouvernance"), blank=True)
    surface_m2 = models.PositiveIntegerField(_("surface (m²)"), null=True, blank=True)
    members_count = models.PositiveIntegerField(_("membres ou usagers"), null=True, blank=True)
    team_size = models.PositiveIntegerField(_("équipe salariée (personnes)"), null=True, blank=True)
    business_model = models.TextField(
        _("modèle économique"),
        blank=True,
        help_text=_("En quelques phrases ; la répartition des recettes se saisit plus bas."),
    )
    activities = ParentalManyToManyField(
        Activity, verbose_name=_("activités"), blank=True, related_name="places"
    )
    website = models.URLField(_("site web"), blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée sous le résumé, avec le texte alternatif, le crédit et la licence de l'image."),
    )
    body = StreamField(NarrativeBlock(), verbose_name=_("récit"), blank=True)

    base_form_class = PlacePageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("commune", widget=commune_chooser_viewset.widget_class),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Localisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("census_suggestion"),
                FieldPanel("census_entry", widget=census_entry_chooser_viewset.widget_class),
                FieldPanel("take_census_coordinates"),
            ],
            heading=_("Dans les recensements"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opening_year"), FieldPanel("legal_form")]),
                FieldRowPanel(
                    [FieldPanel("surface_m2"), FieldPanel("members_count"), FieldPanel("team_size")]
                ),
                FieldPanel("governance"),
                FieldPanel("business_model"),
                FieldPanel("activities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("website"),
            ],
            heading=_("Fiche technique"),
        ),
        InlinePanel("revenue_shares", label=_("Part des recettes"), heading=_("Répartition des recettes")),
        InlinePanel(
            "fact_sources",
            label=_("Source"),
            heading=_("Sources de la fiche technique"),
            help_text=_("Pour chaque élément de la fiche, la publication d'où il vient."),
        ),
        FieldPanel("body"),
        InlinePanel("timeline_events", label=_("Étape"), heading=_("Frise chronologique")),
        InlinePanel("stakeholders", label=_("Partie prenante"), heading=_("Parties prenantes")),
        InlinePanel("evidence", label=_("Impact observé"), heading=_("Impacts observés ici")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("commune_name"),
        index.SearchField("body"),
        index.FilterField("commune_code"),
        index.FilterField("opening_year"),
        index.RelatedFields("activities", [index.SearchField("name")]),
    ]
    parent_page_types = ["places.PlaceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("monographie")
        verbose_name_plural = _("monographies")

    def clean(self):
        super().clean()
        self.clean_commune()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Indiquez la latitude et la longitude, ou aucune des deux.")})

    def exploration_links(self):
        return [("evidence", "impact")]

    def unique_inline_choices(self):
        return [("evidence", "impact")]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def clean_commune(self):
        """The commune's code and name come from the chosen commune. A page built from data (demo files,
        factories) may name its commune by code instead: the commune is then looked up, and a name given with
        it must be that commune's (« 35238 » with « Marseille » is refused). Before the territory data is
        loaded, a valid code and a name are kept as given."""
        if self.commune_id is None and self.commune_code:
            self.commune = Commune.objects.filter(code=self.commune_code).first()
            if self.commune is None and Commune.objects.exists():
                raise ValidationError(
                    {"commune": _("Aucune commune n'a le code INSEE %(code)s.") % {"code": self.commune_code}}
                )
            if (
                self.commune is not None
                and self.commune_name
                and folded(self.commune_name) != folded(self.commune.name)
            ):
                raise ValidationError(
                    {
                        "commune": _("Le code INSEE %(code)s est celui de %(commune)s, pas de %(name)s.")
                        % {"code": self.commune_code, "commune": self.commune.name, "name": self.commune_name}
                    }
                )
        if self.commune_id is not None:
            self.commune_code, self.commune_name = self.commune.code, self.commune.name
            return
        if not self.commune_code:
            raise ValidationError(
                {
                    "commune": _("Choisissez la commune du lieu.")
                    if Commune.objects.exists()
                    else _(
                        "Les communes ne sont pas encore chargées : lancez « millelieux load_territories »."
                    )
                }
            )

    # the commune with everything the sheet, the map and the territory context read, in the page's own query
    # when the page is routed (core.routing), else in one query of get_context
    route_select_related = ("commune__department__region", "commune__epci")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.commune_id is not None and not self._commune_read():
            self.commune = (
                Commune.objects.select_related("department__region", "epci")
                .filter(pk=self.commune_id)
                .first()
            )
        return context

    def _commune_read(self):
        commune = self._state.fields_cache.get("commune")
        return (
            commune is not None
            and "department" in commune._state.fields_cache
            and (commune.department is None or "region" in commune.department._state.fields_cache)
        )

    def linked_data(self, request):
        """A Place: its address in its commune, its coordinates when the monograph gives them (a commune's point
        would place it wrongly: no `geo` then), the commune, department and region it lies in."""
        commune = self.commune if self.commune_id else None
        postcodes = commune.postcodes.split() if commune is not None else []
        exploration = self.exploration
        return linked_data.page_node(
            "Place",
            self,
            request,
            description=self.search_description or self.summary,
            address=linked_data.node(
                "PostalAddress",
                streetAddress=self.address,
                addressLocality=self.commune_name,
                # a commune with several postcodes: the page does not say which one is the place's
                postalCode=postcodes[0] if len(postcodes) == 1 else None,
                addressCountry="FR",
            ),
            geo=linked_data.node(
                "GeoCoordinates", latitude=float(self.latitude), longitude=float(self.longitude)
            )
            if self.has_coordinates
            else None,
            containedInPlace=self._territory_node(commune),
            sameAs=self.website,
            image=linked_data.image_node(linked_data.page_picture(self), request),
            subjectOf=exploration.reference_node(request) if exploration else None,
        )

    @staticmethod
    def _territory_node(commune):
        """The commune (with its official code) within its department within its region, as far as known."""
        if commune is None:
            return None
        region = commune.region
        department = commune.department if commune.department_id else None
        return linked_data.node(
            "AdministrativeArea",
            name=commune.name,
            identifier=commune.code,
            containedInPlace=linked_data.node(
                "AdministrativeArea",
                name=department.name,
                identifier=department.code,
                containedInPlace=linked_data.node(
                    "AdministrativeArea", name=region.name, identifier=region.code
                )
                if region is not None
                else None,
            )
            if department is not None
            else None,
        )

    def territory_context(self):
        """The place in its territory and among the census entries (census.statistics.TerritoryContext), or
        None without a commune. Two queries at most besides the commune's (see get_context)."""
        if self.commune is None:
            return None
        latitude, longitude = (
            (float(self.latitude), float(self.longitude))
            if self.has_coordinates
            else (self.commune.latitude, self.commune.longitude)
        )
        return census_statistics.territory_context(
            self.commune, latitude, longitude, exclude=self.census_entry_id
        )

    def sheet_sources(self):
        """The sources of the technical sheet, each with the element it backs."""
        return [row for row in self.fact_sources.select_related("source") if row.source is not None]

    def evidence_outside(self, exploration):
        """Evidence rows whose impact is not in `exploration` (they would break if the page moved there)."""
        return [
            evidence
            for evidence in self.evidence.select_related("impact")
            if exploration_of(evidence.impact) != exploration
        ]

    def chronology(self):
        return sorted(
            self.timeline_events.select_related("source"),
            key=lambda e: (e.start_year, e.start_month or 0, e.sort_order or 0),
        )

    def neighbours(self):
        """The published monographs just before and after this one in its exploration, in the alphabetical order
        of the terrains index: (previous, next), each or None, in one query (places/reading.py)."""
        exploration = self.exploration
        if not self.pk or exploration is None:
            return None, None
        return reading.neighbours(self, exploration)

    def live_evidence(self):
        """The evidence of this monograph whose impact is published, strongest first (see evidence_reading)."""
        return self.evidence_reading()[0]

    def continue_places(self):
        """Where to go on from here: for each impact observed here (strongest here first), the two other
        published monographs where it is observed too, strongest there first, then alphabetically:
        [{"impact": ImpactPage, "evidence": [Evidence with .place, …]}, …] (see evidence_reading)."""
        return self.evidence_reading()[1]

    def evidence_reading(self, per_impact=2):
        """(this monograph's evidence whose impact is published, strongest first; the `per_impact` strongest
        other published monographs for each of those impacts, grouped by impact as continue_places says), in
        one query whatever the size of the exploration, kept for the page's render.

        The rows of each impact are ranked with this monograph's own first (a window function), so the query
        keeps its own rows and the next `per_impact` of every impact.
        """
        cache = getattr(self, "_evidence_reading", None)
        if cache is not None and cache[0] == per_impact:
            return cache[1]
        reading = self._read_evidence(per_impact) if self.pk else ([], [])
        if isinstance(self.evidence.all(), FakeQuerySet):
            # a preview: the rows being edited are in memory, not yet in the database
            mine = self.evidence.filter(impact__live=True).select_related("impact", "source")
            reading = sorted(mine, key=lambda row: (-row.strength, row.impact.title)), reading[1]
        self._evidence_reading = per_impact, reading
        return reading

    def _read_evidence(self, per_impact):
        mine, by_impact = [], {}
        for row in reading.read_evidence(self, self.exploration, per_impact):
            if row.place_id == self.pk:
                mine.append(row)
            elif row.reading_rank > 1:  # the first row of an impact is this monograph's own, when it has one
                by_impact.setdefault(row.impact_id, []).append(row)
        mine.sort(key=lambda row: -row.strength)  # stable: impacts of equal strength stay by title
        groups = [
            {"impact": row.impact, "evidence": by_impact[row.impact_id]}
            for row in mine
            if row.impact_id in by_impact
        ]
        return mine, groups


class RevenueShare(Orderable):
    """One source of revenue and its share in the place's budget."""

    place = ParentalKey(PlacePage, on_delete=models.CASCADE, related_name="revenue_shares")
    source = models.CharField(
        _("source de recettes"),
        max_length=120,
        help_text=_("Par exemple : location d'espaces, subventions, prestations."),
    )
    percent = models.PositiveSmallIntegerField(
        _("part (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )

    panels = [FieldRowPanel([FieldPanel("source"), FieldPanel("percent")])]

    class Meta(Orderable.Meta):
        verbose_name = _("part des recettes")
        verbose_name_plural = _("parts des recettes")


class PlaceFactSource(ChoiceLabelsMixin, SourcedMixin, Orderable):
    """The source of one element of a monograph's technical sheet (its surface, its opening year…)."""

    FACT_CHOICES = [
        ("address", _("Adresse")),
        ("coordinates", _("Coordonnées")),
        ("opening_year", _("Année d'ouverture")),
        ("legal_form", _("Forme juridique")),
        ("governance", _("Gouvernance")),
        ("surface_m2", _("Surface")),
        ("members_count", _("Membres ou usagers")),
        ("team_size", _("Équipe salariée")),
        ("business_model", _("Modèle économique")),
        ("revenue_shares", _("Répartition des recettes")),
        ("activities", _("Activités")),
        ("website", _("Site web")),
        ("body", _("Récit")),
    ]

    place = ParentalKey(PlacePage, on_delete=models.CASCADE, related_name="fact_sources")
    fact = models.CharField(_("élément de la fiche"), max_length=20, choices=FACT_CHOICES)

    panels = [FieldRowPanel([FieldPanel("fact"), FieldPanel("source")])]

    class Meta(Orderable.Meta):
        verbose_name = _("source de la fiche technique")
        verbose_name_plural = _("sources de la fiche technique")


class TimelineEvent(ChoiceLabelsMixin, SourcedMixin, Orderable):
    """A dated step in the life of a place: a year, or a period from one year to another."""

    KIND_CHOICES = [
        ("origin", _("Origine du projet")),
        ("opening", _("Ouverture")),
        ("building", _("Lieu et travaux")),
        ("funding", _("Financement")),
        ("governance", _("Gouvernance")),
        ("activity", _("Activité")),
        ("event", _("Événement")),
        ("other", _("Autre")),
    ]

    place = ParentalKey(PlacePage, on_delete=models.CASCADE, related_name="timeline_events")
    start_year = models.PositiveSmallIntegerField(_("année"), validators=[validate_past_year])
    start_month = models.PositiveSmallIntegerField(
        _("mois"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("jusqu'en (année)"),
        null=True,
        blank=True,
        validators=[validate_past_year],
        help_text=_("Pour une période ; laisser vide pour un moment précis."),
    )
    title = models.CharField(_("titre"), max_length=200)
    text = models.TextField(_("texte"), blank=True)
    kind = models.CharField(_("nature"), max_length=20, choices=KIND_CHOICES, default="other")

    panels = [
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("start_month"), FieldPanel("end_year")]),
        FieldRowPanel([FieldPanel("title"), FieldPanel("kind")]),
        FieldPanel("text"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("étape de la frise")
        verbose_name_plural = _("étapes de la frise")

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("La fin de la période précède son début.")})

    @property
    def is_period(self):
        return bool(self.end_year and self.end_year != self.start_year)


class Stakeholder(ChoiceLabelsMixin, SourcedMixin, Orderable):
    """Who a place works with, and how: one node of its stakeholder map."""

    KIND_CHOICES = [
        ("public_authority", _("Collectivité ou service public")),
        ("funder", _("Financeur")),
        ("partner", _("Partenaire")),
        ("user_group", _("Groupe d'usagers")),
        ("neighbour", _("Voisinage")),
        ("company", _("Entreprise")),
        ("association", _("Association")),
        ("network", _("Réseau")),
        ("other", _("Autre")),
    ]
    SCALE_CHOICES = [
        ("local", _("Quartier ou commune")),
        ("intercommunal", _("Intercommunalité")),
        ("departmental", _("Département")),
        ("regional", _("Région")),
        ("national", _("National")),
        ("international", _("International")),
    ]

    place = ParentalKey(PlacePage, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("nature"), max_length=20, choices=KIND_CHOICES)
    scale = models.CharField(_("échelle"), max_length=20, choices=SCALE_CHOICES, blank=True)
    relation = models.TextField(
        _("relation au lieu"), blank=True, help_text=_("Ce qui lie cette partie prenante au lieu.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind"), FieldPanel("scale")]),
        FieldPanel("relation"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("partie prenante")
        verbose_name_plural = _("parties prenantes")
