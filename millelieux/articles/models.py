"""Articles: interviews, reports and essays, possibly numbered in a series ("Entretien … (3/8)")."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from millelieux.core import linked_data
from millelieux.core.blocks import NarrativeBlock
from millelieux.core.choices import ChoiceLabelsMixin
from millelieux.core.i18n import ReadingLocaleMixin
from millelieux.core.routing import private_pages_q
from millelieux.explorations.forms import ExplorationContentForm
from millelieux.explorations.models import InExplorationMixin
from millelieux.sources.models import source_field

# Reading order: each series by number (series by title), then the articles outside a series, newest first.
# The same order on every database: SQLite sorts NULL first and PostgreSQL last unless told.
SERIES_ORDER = (F("series__title").asc(nulls_last=True), "series_number", "-date", "title")


@register_snippet
class ArticleSeries(models.Model):
    """A numbered series of articles, such as the interviews of an exploration."""

    title = models.CharField(_("titre"), max_length=200, unique=True)
    planned_count = models.PositiveSmallIntegerField(
        _("nombre d'articles prévus"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Le « 8 » de « 3/8 » ; laisser vide si la série reste ouverte."),
    )

    panels = [FieldPanel("title"), FieldPanel("planned_count")]

    class Meta:
        verbose_name = _("série d'articles")
        verbose_name_plural = _("séries d'articles")
        ordering = ["title"]

    def __str__(self):
        return self.title


class ArticleIndexPage(ReadingLocaleMixin, InExplorationMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = ["title", "seo_title", "search_description", "intro"]
    parent_page_types = ["explorations.ExplorationPage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("index des articles")
        verbose_name_plural = _("index des articles")

    def articles(self):
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .exclude(private_pages_q())
            .select_related("series", "image")
            .order_by(*SERIES_ORDER)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self._listed = self.articles()  # one query, read by the linked data first
        return context

    def linked_data(self, request):
        """A CollectionPage of the articles, in reading order."""
        listed = getattr(self, "_listed", None)
        listed = list(listed if listed is not None else self.articles())
        exploration = self.exploration
        return linked_data.page_node(
            "CollectionPage",
            self,
            request,
            description=self.search_description,
            inLanguage=linked_data.content_language(self),
            isPartOf=exploration.reference_node(request) if exploration else None,
            mainEntity=linked_data.item_list(listed, request, "Article"),
        )


class ArticlePage(ChoiceLabelsMixin, ReadingLocaleMixin, InExplorationMixin, Page):
    opengraph_type = "article"
    INTERVIEW, REPORT, ESSAY = "interview", "report", "essay"
    KIND_CHOICES = [(INTERVIEW, _("Entretien")), (REPORT, _("Reportage")), (ESSAY, _("Essai"))]

    kind = models.CharField(_("genre"), max_length=12, choices=KIND_CHOICES, default=INTERVIEW)
    series = models.ForeignKey(
        ArticleSeries,
        verbose_name=_("série"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    series_number = models.PositiveSmallIntegerField(
        _("numéro dans la série"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    date = models.DateField(_("date"))
    summary = models.TextField(_("résumé"), max_length=600)
    pull_quote = models.TextField(_("citation mise en avant"), blank=True, max_length=400)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        help_text=_(
            "Laisser vide pour reprendre celui de l'image ; à remplir si, dans cet article, l'image dit "
            "autre chose."
        ),
    )
    body = StreamField(NarrativeBlock(), verbose_name=_("texte"), blank=True)
    original_source = source_field(
        verbose_name=_("publication d'origine"),
        help_text=_("Où l'article a d'abord été publié, si ce n'est pas ici."),
    )
    related_places = ParentalManyToManyField(
        "places.PlacePage", verbose_name=_("lieux liés"), blank=True, related_name="articles"
    )
    related_impacts = ParentalManyToManyField(
        "impacts.ImpactPage", verbose_name=_("impacts liés"), blank=True, related_name="articles"
    )

    base_form_class = ExplorationContentForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("series"), FieldPanel("series_number")], heading=_("Série")),
        InlinePanel("interviewees", label=_("Interlocuteur"), heading=_("Personnes interrogées")),
        FieldPanel("summary"),
        FieldPanel("pull_quote"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("original_source"),
        FieldPanel("related_places", widget=forms.CheckboxSelectMultiple),
        FieldPanel("related_impacts", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("pull_quote"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def exploration_links(self):
        return [("related_places", None), ("related_impacts", None)]

    def clean(self):
        super().clean()
        errors = {}
        if self.series_id and not self.series_number:
            errors["series_number"] = _("Un article d'une série a un numéro.")
        if self.series_number and not self.series_id:
            errors["series"] = _("Choisissez la série de ce numéro, ou effacez le numéro.")
        if self.series_id and self.series_number:
            planned = self.series.planned_count
            if planned and self.series_number > planned:
                errors["series_number"] = _(
                    "La série « %(series)s » compte %(planned)s articles ; le numéro %(number)s n'existe pas."
                ) % {"series": self.series.title, "planned": planned, "number": self.series_number}
            else:
                taken = (
                    ArticlePage.objects.filter(series_id=self.series_id, series_number=self.series_number)
                    .exclude(pk=self.pk)
                    .first()
                )
                if taken:
                    errors["series_number"] = _(
                        "Le numéro %(number)s de la série est déjà pris par « %(title)s »."
                    ) % {"number": self.series_number, "title": taken.title}
        if errors:
            raise ValidationError(errors)

    def author_names(self):
        """The names the article is credited to, as its linked data says (see linked_data): for the Atom feed."""
        if self.kind == self.INTERVIEW:
            people = [person.name for person in self.interviewees.all() if person.name]
            if people:
                return people
        source = self.original_source if self.original_source_id else None
        if source is not None and source.publisher:
            return [source.publisher]
        exploration = self.exploration
        return [exploration.organisation] if exploration is not None and exploration.organisation else []

    def linked_data(self, request):
        """An Article: its date, language, the study it belongs to, what it is about (its places and impacts),
        and its author as the page states it: for an interview, the people interviewed (as a citation names
        them, see explorations/citations.py); otherwise the publisher of its original publication, or else the
        organisation that conducted the study. Nothing else is assumed."""
        from django.db.models import prefetch_related_objects

        if self.pk:
            # the page reads the same relations: fetched once for both
            prefetch_related_objects([self], "interviewees", "related_places", "related_impacts")
        exploration = self.exploration
        source = self.original_source if self.original_source_id else None
        people = [
            linked_data.node(
                "Person",
                name=person.name,
                jobTitle=person.role,
                affiliation=linked_data.organisation(person.organisation),
            )
            for person in self.interviewees.all()
            if person.name
        ]
        publisher = linked_data.organisation(source.publisher) if source is not None else None
        if self.kind == self.INTERVIEW and people:
            author = people
        elif publisher is not None:
            author = publisher
        else:
            author = exploration.publisher() if exploration else None
        about = [
            linked_data.page_node("Place", place, request)
            for place in self.related_places.all()
            if place.live
        ] + [
            linked_data.page_node("CreativeWork", impact, request)
            for impact in self.related_impacts.all()
            if impact.live
        ]
        return linked_data.page_node(
            "Article",
            self,
            request,
            headline=self.title[:110],
            description=self.search_description or self.summary,
            genre=str(self.get_kind_display()),
            datePublished=self.date.isoformat() if self.date else None,
            dateModified=self.last_published_at.isoformat() if self.last_published_at else None,
            inLanguage=linked_data.content_language(self),
            author=author,
            about=about,
            mentions=people if author is not people else None,
            image=linked_data.image_node(linked_data.page_picture(self), request),
            isBasedOn=linked_data.node(
                "CreativeWork", source.url or None, name=source.title, publisher=publisher
            )
            if source is not None
            else None,
            isPartOf=exploration.reference_node(request) if exploration else None,
            license=exploration.licence.url if exploration else None,
        )

    @property
    def series_label(self):
        """ "3/8" within a series of eight, "3" in an open series, "" outside a series."""
        if not (self.series_id and self.series_number):
            return ""
        planned = self.series.planned_count
        return f"{self.series_number}/{planned}" if planned else str(self.series_number)

    def series_neighbours(self):
        """The published articles just before and after this one in its series: (previous, next), each or None.

        Numbers may have gaps (a draft, an interview not yet written): the nearest published number is taken.
        One query for the two of them, and one for the view restrictions.
        """
        if not (self.pk and self.series_id and self.series_number):
            return None, None
        others = (
            ArticlePage.objects.live()
            .exclude(private_pages_q())
            .filter(series_id=self.series_id)
            .exclude(pk=self.pk)
        )
        before = others.filter(series_number__lt=self.series_number).order_by("-series_number")
        after = others.filter(series_number__gt=self.series_number).order_by("series_number")
        found = {"previous": None, "next": None}
        for article in ArticlePage.objects.filter(
            Q(pk__in=before.values("pk")[:1]) | Q(pk__in=after.values("pk")[:1])
        ).select_related("series"):
            found["previous" if article.series_number < self.series_number else "next"] = article
        return found["previous"], found["next"]


class Interviewee(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="interviewees")
    name = models.CharField(_("nom"), max_length=200)
    role = models.CharField(_("rôle"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")])]

    class Meta(Orderable.Meta):
        verbose_name = _("personne interrogée")
        verbose_name_plural = _("personnes interrogées")

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)
