"""Explorations (field studies), their fields of exploration, events and partners."""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import DraftStateMixin, Orderable, Page, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from millelieux.core import linked_data, rawrows
from millelieux.core.blocks import NarrativeBlock
from millelieux.core.i18n import ReadingLocaleMixin
from millelieux.core.routing import memoised, private_pages_q
from millelieux.core.validators import validate_hex_colour, validate_insee_code, validate_year
from millelieux.sources.models import source_field

from . import open_data
from .bibliography import cited_sources
from .forms import ExplorationContentForm
from .licences import DEFAULT_LICENCE, LICENCE_CHOICES, licence_of
from .matrix import (
    FIELD_PARAMETER,
    KIND_PARAMETER,
    FilterError,
    build_matrix,
    field_choices,
    kind_choices,
    read_filters,
)
from .tree import InExplorationMixin, exploration_of

__all__ = ["InExplorationMixin", "exploration_of"]  # kept here too: migrations name the mixin in this module


class ExplorationIndexPage(ReadingLocaleMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = ["title", "seo_title", "search_description", "intro"]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["explorations.ExplorationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des explorations")
        verbose_name_plural = _("index des explorations")

    def explorations(self):
        return (
            ExplorationPage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .order_by("-period_start", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # one queryset for the list and the linked data (read first, in the head): one query
        context["explorations"] = self._listed = self.explorations()
        return context

    def linked_data(self, request):
        """A CollectionPage listing the explorations (those the page shows, no query of its own)."""
        listed = getattr(self, "_listed", None)
        listed = list(listed if listed is not None else self.explorations())
        return linked_data.page_node(
            "CollectionPage",
            self,
            request,
            description=self.search_description,
            inLanguage=linked_data.content_language(self),
            mainEntity=linked_data.item_list(listed, request, "CreativeWork"),
        )


class ExplorationPage(ReadingLocaleMixin, RoutablePageMixin, Page):
    """A field study: its foreword, method, fields, places, impacts, articles, events and partners."""

    subtitle = models.CharField(_("sous-titre"), max_length=250, blank=True)
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, help_text=_("Qui a mené l'exploration.")
    )
    period_start = models.PositiveSmallIntegerField(_("début (année)"), validators=[validate_year])
    period_end = models.PositiveSmallIntegerField(
        _("fin (année)"),
        null=True,
        blank=True,
        validators=[validate_year],
        help_text=_("Laisser vide si l'exploration tient sur une seule année ou se poursuit."),
    )
    summary = models.TextField(
        _("résumé"), max_length=600, help_text=_("Deux ou trois phrases pour les listes.")
    )
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "En couverture, sous le résumé, avec le texte alternatif, le crédit et la licence de l'image."
        ),
    )
    foreword = StreamField(NarrativeBlock(), verbose_name=_("avant-propos"), blank=True)
    method = StreamField(NarrativeBlock(), verbose_name=_("méthode"), blank=True)
    source = source_field(
        verbose_name=_("publication de référence"), help_text=_("Où l'étude elle-même a été publiée.")
    )
    content_licence = models.CharField(
        _("licence des contenus"),
        max_length=20,
        choices=LICENCE_CHOICES,
        default=DEFAULT_LICENCE,
        help_text=_(
            "La licence sous laquelle les textes de l'exploration (monographies, impacts, articles) peuvent "
            "être réutilisés ; les données des recensements gardent la leur."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Période")),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("foreword"),
        FieldPanel("method"),
        FieldPanel("source"),
        FieldPanel("content_licence"),
        InlinePanel("partnerships", label=_("Partenaires"), heading=_("Partenaires")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("summary"),
        index.SearchField("foreword"),
        index.FilterField("period_start"),
    ]
    translatable_fields = [
        "title",
        "seo_title",
        "search_description",
        "subtitle",
        "summary",
        "foreword",
        "method",
    ]
    parent_page_types = ["explorations.ExplorationIndexPage"]
    subpage_types = [
        "places.PlaceIndexPage",
        "impacts.ImpactIndexPage",
        "articles.ArticleIndexPage",
        "explorations.EventPage",
    ]

    class Meta:
        verbose_name = _("exploration")
        verbose_name_plural = _("explorations")

    def clean(self):
        super().clean()
        if self.period_end and self.period_start and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("La fin de la période précède son début.")})

    @property
    def period_label(self):
        if self.period_end and self.period_end != self.period_start:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start)

    @property
    def exploration(self):
        return self

    # Small fields that the pages below the exploration read together (footer, linked data, citations).
    DETAIL_FIELDS = ("organisation", "content_licence", "subtitle", "period_start", "period_end")

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        """A page below the exploration finds it with its page row only (core/routing.py), and Django loads a
        deferred field alone on first use. Reading one of DETAIL_FIELDS loads those still deferred together,
        with the query of the navigation (_child_indexes) when it has not run yet: the footer, the linked data
        and the citations then cost no query of their own."""
        if fields is not None and from_queryset is None and set(fields) & set(self.DETAIL_FIELDS):
            deferred = self.get_deferred_fields()
            if set(fields) <= deferred and "_child_indexes" not in self.__dict__:
                self._child_indexes  # noqa: B018 (loads the deferred details along)
                if not set(fields) & self.get_deferred_fields():
                    return None
                deferred = self.get_deferred_fields()
            fields = sorted(set(fields) | (deferred & set(self.DETAIL_FIELDS)))
        return super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)

    def load_deferred(self, *names):
        """Load those of `names` that are deferred, in one query (with the other DETAIL_FIELDS)."""
        deferred = self.get_deferred_fields() & set(names)
        if deferred and self.pk:
            self.refresh_from_db(fields=sorted(deferred))

    @property
    def licence(self):
        """The licence of the exploration's content (licences.Licence)."""
        return licence_of(self.content_licence)

    def publisher(self):
        """The Organization node of who conducted the study, or None when the page does not say."""
        return linked_data.organisation(self.organisation)

    def reference_node(self, request):
        """What a page of the exploration says it is part of: the study's address and name."""
        return linked_data.page_node("CreativeWork", self, request)

    def live_fields(self):
        if self.pk is None:
            # A new exploration previewed before its first save has no fields yet (and no reverse relation).
            return ExplorationField.objects.none()
        return self.fields.filter(live=True).order_by("sort_order", "title")

    @cached_property
    def _child_indexes(self):
        """The first live child of each index type, found in one query for the three of them.

        The pages are specific with their own fields deferred (loaded if ever read): the navigation only needs
        their title and address.
        """
        labels = ("places.PlaceIndexPage", "impacts.ImpactIndexPage", "articles.ArticleIndexPage")
        content_types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in labels))
        # This query runs on every page of the exploration (its navigation): the exploration's own small fields
        # still deferred come along with it (see refresh_from_db), instead of in a query of their own. Written
        # out in SQL (see core/rawrows.py): compiling it with the ORM cost several times running it.
        details = sorted(self.get_deferred_fields() & set(self.DETAIL_FIELDS)) if self.pk else []
        detail_columns = "".join(
            f", x.{rawrows.q(self._meta.get_field(name).column)} AS {rawrows.q(f'detail__{name}')}"
            for name in details
        )
        type_ids = [content_type.pk for content_type in content_types.values()]
        sql = f"""
            SELECT {rawrows.page_columns("p", "page")} {detail_columns}
            FROM wagtailcore_page p
            LEFT JOIN {rawrows.table(ExplorationPage)} x ON x.page_ptr_id = %s
            WHERE p.path LIKE %s AND p.depth = %s AND p.live
                AND p.content_type_id IN ({", ".join(["%s"] * len(type_ids))})
            ORDER BY p.path
        """
        found = {}
        params = [self.pk, f"{self.path}%", self.depth + 1, *type_ids]
        # read once per static export (core.routing.lasting_memo): every page of the exploration shows it
        rows = (
            memoised(
                ("exploration-indexes", *params, *details),
                lambda: rawrows.dict_rows(sql, params),
                lasting=True,
            )
            if self.pk
            else []
        )
        for row in rows:
            child = rawrows.specific_page(row, "page")
            found.setdefault(type(child)._meta.label, child)
            for name in details:
                if name in self.get_deferred_fields():
                    field = self._meta.get_field(name)
                    value = row[f"detail__{name}"]
                    setattr(self, field.attname, None if value is None else field.to_python(value))
        return found

    @cached_property
    def place_index(self):
        return self._child_indexes.get("places.PlaceIndexPage")

    @cached_property
    def impact_index(self):
        return self._child_indexes.get("impacts.ImpactIndexPage")

    @cached_property
    def article_index(self):
        return self._child_indexes.get("articles.ArticleIndexPage")

    def _public_descendants(self, model_label, *ordering):
        return (
            apps.get_model(model_label)
            .objects.descendant_of(self)
            .live()
            .exclude(private_pages_q())  # .public(), reading the restrictions once per request
            .order_by(*ordering)
        )

    # The page types below this one are named through the app registry: explorations imports no app above it.
    def places(self):
        return self._public_descendants("places.PlacePage", "title")

    def impacts(self):
        return self._public_descendants("impacts.ImpactPage", "kind", "title")

    def articles(self):
        """In reading order: each series by number, then the articles outside a series, newest first."""
        return self._public_descendants(
            "articles.ArticlePage", F("series__title").asc(nulls_last=True), "series_number", "-date", "title"
        ).select_related("series")

    def events(self):
        return EventPage.objects.child_of(self).live().exclude(private_pages_q()).order_by("-date")

    def live_partnerships(self):
        # The renditions of every logo in one query (the picture include reads them).
        return (
            self.partnerships.filter(partner__live=True)
            .select_related("partner", "partner__logo")
            .prefetch_related("partner__logo__renditions")
        )

    @cached_property
    def published_partnerships(self):
        """live_partnerships(), read once per page: the page, its partners page and their linked data (in a
        preview, the partnerships being edited)."""
        return list(self.live_partnerships())

    def partner_nodes(self, request):
        return [
            linked_data.organisation(partnership.partner.name, partnership.partner.url or None)
            for partnership in self.published_partnerships
        ]

    def linked_data(self, request):
        """The study as a schema.org CreativeWork; on its sub-pages, what each of them lists."""
        route = getattr(getattr(request, "routable_resolver_match", None), "url_name", None)
        route = None if route == "index_route" else route  # the page itself
        if route == "partners":
            return self.partners_linked_data(request)
        if route == "data":
            return open_data.dataset_node(self, request)
        if route is not None:
            # another view of the study (the matrix…): a page of it, without the study's own description
            return linked_data.node(
                "WebPage",
                linked_data.absolute_url(request, request.path),
                name=str(self._route_titles().get(route, self.title)),
                isPartOf=self.reference_node(request),
            )
        address = linked_data.page_address(self, request)
        image = linked_data.image_node(linked_data.page_picture(self), request)
        return linked_data.node(
            "CreativeWork",
            address,
            name=self.title,
            alternativeHeadline=self.subtitle,
            description=self.search_description or self.summary,
            inLanguage=linked_data.content_language(self),
            temporalCoverage=(
                f"{self.period_start}/{self.period_end}"
                if self.period_end and self.period_end != self.period_start
                else str(self.period_start)
            ),
            creator=self.publisher(),
            funder=self.partner_nodes(request),
            license=self.licence.url,
            image=image,
            citation=self.source.url if self.source_id and self.source and self.source.url else None,
            isPartOf=linked_data.node("WebSite", linked_data.absolute_url(request, "/")),
        )

    def _route_titles(self):
        return {"matrix": _("Tableau croisé des lieux et des impacts — %(title)s") % {"title": self.title}}

    def partners_linked_data(self, request):
        """The partners sub-page: an ItemList of the Organizations that funded or supported the study."""
        address = linked_data.absolute_url(request, request.path)
        return linked_data.node(
            "ItemList",
            address,
            name=str(_("Partenaires — %(title)s") % {"title": self.title}),
            about=self.reference_node(request),
            itemListElement=[
                {"@type": "ListItem", "position": position, "item": partner}
                for position, partner in enumerate(self.partner_nodes(request), start=1)
            ],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["exploration"] = self
        return context

    @path("partenaires/", name="partners")
    def partners_view(self, request):
        return self.render(
            request,
            template="explorations/partners_page.html",
            context_overrides={
                "partnerships": self.published_partnerships,
                "og_title": _("Partenaires — %(title)s") % {"title": self.title},
            },
        )

    @path("donnees/", name="data")
    def data_view(self, request):
        """The open data of the study: downloads, the API, the Atom feed, and the licences of each."""
        return self.render(
            request,
            template="explorations/data_page.html",
            context_overrides={
                "downloads": open_data.downloads(self),
                "api_links": open_data.api_links(self),
                "censuses": open_data.censuses(),
                "licence": self.licence,
                "og_title": _("Données ouvertes — %(title)s") % {"title": self.title},
                "og_description": _(
                    "Les données de l'exploration « %(title)s » : téléchargements, API et licences."
                )
                % {"title": self.title},
            },
        )

    @path("flux/", name="feed")
    def feed_view(self, request):
        """The articles of the study as an Atom feed (explorations/feeds.py)."""
        from .feeds import ArticlesFeed

        return ArticlesFeed()(request, exploration=self)

    @path("matrice/", name="matrix")
    def matrix_view(self, request):
        """The places × impacts matrix (tableau croisé), filtered by `?champ=<field slug>&nature=<kind>`.

        A filter that names nothing answers 400 with a page saying what was wrong: never a guess, never a 500.
        """
        impact_model = apps.get_model("impacts", "ImpactPage")
        kinds = [(impact_model.POSITIVE, _("Externalités positives")), (impact_model.LIMIT, _("Limites"))]
        # A static export writes the matrix once per filter and language: what they share is read once for all
        # (core.routing.lasting_memo); served live, each request reads it.
        fields = memoised(("matrix-fields", self.pk), lambda: list(self.live_fields()), lasting=True)
        try:
            filters = read_filters(request.GET, fields, kinds)
        except FilterError as error:
            response = self.render(
                request,
                template="explorations/matrix_error.html",
                context_overrides={"error": error.message, "fields": fields, "kinds": kinds},
            )
            response.status_code = 400
            return response
        places = memoised(
            ("matrix-places", self.pk), lambda: list(self.places().defer_streamfields()), lasting=True
        )
        matrix_key = (self.pk, filters.field.pk if filters.field is not None else None, filters.kind)

        def read_impacts():
            impacts = self.impacts().defer_streamfields()
            if filters.field is not None:
                impacts = impacts.filter(exploration_fields=filters.field)
            if filters.kind:
                impacts = impacts.filter(kind=filters.kind)
            return list(impacts)

        impacts = memoised(("matrix-impacts", *matrix_key), read_impacts, lasting=True)

        def read_evidence():
            return list(
                apps.get_model("impacts", "Evidence")
                .objects.filter(
                    place__in=self.places().values("pk"), impact__in=[impact.pk for impact in impacts]
                )
                .only("pk", "place_id", "impact_id", "strength")
            )

        evidence = memoised(("matrix-evidence", *matrix_key), read_evidence, lasting=True)
        return self.render(
            request,
            template="explorations/matrix_page.html",
            context_overrides={
                "matrix": build_matrix(places, impacts, evidence, kinds=kinds, request=request),
                "field_choices": field_choices(filters, fields),
                "kind_choices": kind_choices(filters, kinds),
                "filters": filters,
                "kind_label": dict(kinds).get(filters.kind, ""),
                "fields": fields,
                "kinds": kinds,
                "field_parameter": FIELD_PARAMETER,
                "kind_parameter": KIND_PARAMETER,
                "og_title": self._route_titles()["matrix"],
            },
        )

    @path("bibliographie/", name="bibliography")
    def bibliography_view(self, request):
        """Every source cited across the study, each once, with the pages that cite it (bibliography.py)."""
        return self.render(
            request,
            template="explorations/bibliography_page.html",
            context_overrides={
                "sources": cited_sources(self),
                "og_title": _("Bibliographie — %(title)s") % {"title": self.title},
            },
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if urls:
            for route in ("partners", "matrix", "data", "bibliography"):
                urls.append(
                    {
                        "location": self.full_url + self.reverse_subpage(route),
                        "lastmod": urls[0].get("lastmod"),
                    }
                )
        return urls


class ModeratedSnippet(WorkflowMixin, PreviewableMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A shared snippet with drafts, revisions and previews, published through the moderation workflow."""

    # Deleting the snippet deletes its revisions and moderation history with it.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(app_label)s_%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(app_label)s_%(class)s",
        for_concrete_model=False,
    )

    class Meta:
        abstract = True


class ExplorationField(ModeratedSnippet):
    """A field of exploration (champ d'exploration), such as "la transformation des territoires"."""

    ICON_CHOICES = [
        ("territory", _("Territoire")),
        ("work", _("Travail")),
        ("commons", _("Communs")),
        ("ecology", _("Transition écologique")),
        ("people", _("Personnes")),
        ("economy", _("Économie")),
    ]

    exploration = models.ForeignKey(
        ExplorationPage, verbose_name=_("exploration"), on_delete=models.CASCADE, related_name="fields"
    )
    title = models.CharField(_("titre"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=120, blank=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(_("couleur"), max_length=7, default="#1f6f5c", validators=[validate_hex_colour])
    icon = models.CharField(_("icône"), max_length=20, choices=ICON_CHOICES, default="territory")
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    panels = [
        FieldPanel("exploration"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("colour"), FieldPanel("icon"), FieldPanel("sort_order")]),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = _("champ d'exploration")
        verbose_name_plural = _("champs d'exploration")
        ordering = ["exploration", "sort_order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["exploration", "slug"], name="unique_field_slug_per_exploration")
        ]

    def __str__(self):
        return f"{self.title} ({self.exploration.title})" if self.exploration_id else self.title

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.title)[:120]
        if self.exploration_id and self.slug:
            clash = ExplorationField.objects.filter(exploration_id=self.exploration_id, slug=self.slug)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {
                        "slug": _(
                            "Un autre champ de cette exploration porte déjà l'identifiant « %(slug)s »."
                        )
                        % {"slug": self.slug}
                    }
                )

    def get_preview_template(self, request, mode_name):
        return "explorations/previews/field.html"


class Partner(ModeratedSnippet):
    """An organisation that funded or supported one or more explorations."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("site web"), blank=True)
    description = models.TextField(_("présentation"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("description"),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "explorations/previews/partner.html"


class ExplorationPartnership(Orderable):
    """The role a partner played in one exploration (financeur, partenaire de recherche…)."""

    exploration = ParentalKey(ExplorationPage, on_delete=models.CASCADE, related_name="partnerships")
    partner = models.ForeignKey(
        Partner, verbose_name=_("partenaire"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("rôle"), max_length=200, blank=True)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenariat")
        verbose_name_plural = _("partenariats")


class EventPage(ReadingLocaleMixin, InExplorationMixin, Page):
    """An event of an exploration, such as the closing evening where participants voted for impacts."""

    date = models.DateField(_("date"))
    venue = models.CharField(_("lieu de l'événement"), max_length=250, blank=True)
    commune_code = models.CharField(
        _("commune (code INSEE)"), max_length=5, blank=True, validators=[validate_insee_code]
    )
    participants_count = models.PositiveIntegerField(_("nombre de participants"), null=True, blank=True)
    summary = models.TextField(_("résumé"), max_length=600)
    vote_question = models.CharField(_("question mise au vote"), max_length=250, blank=True)
    restitution = StreamField(NarrativeBlock(), verbose_name=_("restitution"), blank=True)
    source = source_field(help_text=_("La publication qui rend compte de l'événement et de son vote."))

    base_form_class = ExplorationContentForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("participants_count")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("commune_code")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("vote_question"), InlinePanel("vote_options", label=_("Impact mis au vote"))],
            heading=_("Vote"),
        ),
        FieldPanel("restitution"),
        FieldPanel("source"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("restitution")]
    parent_page_types = ["explorations.ExplorationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def vote_results(self):
        options = list(self.vote_options.select_related("impact"))
        total = sum(option.votes or 0 for option in options)
        for option in options:
            option.share = round(100 * (option.votes or 0) / total) if total else None
        return sorted(options, key=lambda o: (not o.chosen, -(o.votes or 0)))

    def unpublished_facts(self, results):
        """What the page cannot say because it is not published: ["le lieu", "le nombre de voix"…]."""
        missing = []
        if not self.venue:
            missing.append(_("le lieu"))
        if self.participants_count is None:
            missing.append(_("le nombre de participants"))
        if results and all(option.votes is None for option in results):
            missing.append(_("le nombre de voix"))
        return missing

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        results = self.vote_results()
        context["vote_results"] = results
        # A table of votes when at least one count is known; otherwise the list of what was put to the vote.
        context["vote_counted"] = any(option.votes is not None for option in results)
        missing = self.unpublished_facts(results)
        context["unpublished_count"] = len(missing)
        context["unpublished_facts"] = get_text_list([str(fact) for fact in missing], str(_("et")))
        return context

    def exploration_links(self):
        """Pairs of (form field name, pages) that must belong to this page's exploration."""
        return [("vote_options", "impact")]

    def linked_data(self, request):
        """An Event: its date, its venue (as the page names it), the study that organised it."""
        exploration = self.exploration
        return linked_data.page_node(
            "Event",
            self,
            request,
            description=self.search_description or self.summary,
            startDate=self.date.isoformat() if self.date else None,
            eventAttendanceMode="https://schema.org/OfflineEventAttendanceMode",
            location=linked_data.node("Place", name=self.venue) if self.venue else None,
            organizer=exploration.publisher() if exploration else None,
            about=exploration.reference_node(request) if exploration else None,
            inLanguage=linked_data.content_language(self),
        )

    def unique_inline_choices(self):
        return [("vote_options", "impact")]


class EventVoteOption(Orderable):
    """An impact put to the vote at an event, with the votes it received and whether it was chosen."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="vote_options")
    impact = models.ForeignKey(
        "impacts.ImpactPage", verbose_name=_("impact"), on_delete=models.CASCADE, related_name="+"
    )
    votes = models.PositiveIntegerField(_("voix"), null=True, blank=True)
    chosen = models.BooleanField(_("retenu pour le débat"), default=False)

    panels = [FieldPanel("impact"), FieldRowPanel([FieldPanel("votes"), FieldPanel("chosen")])]

    class Meta(Orderable.Meta):
        verbose_name = _("impact mis au vote")
        verbose_name_plural = _("impacts mis au vote")
