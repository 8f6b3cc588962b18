"""The home page, which presents the default exploration and lists the others; the images of the site."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page, Site

from millelieux.core import linked_data
from millelieux.core.i18n import ReadingLocaleMixin
from millelieux.core.routing import private_pages_q


class HomePage(ReadingLocaleMixin, Page):
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
    translatable_fields = ["title", "seo_title", "search_description", "intro"]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["explorations.ExplorationIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def _explorations(self):
        # The model behind the foreign key: core imports no domain app.
        exploration_model = self._meta.get_field("default_exploration").related_model
        # Translations (core/i18n.py) are read through their French page, never listed on their own.
        return (
            exploration_model.objects.live()
            .exclude(private_pages_q())
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("-period_start")
        )

    def featured_exploration(self):
        chosen = self.default_exploration
        if chosen is not None and chosen.live:
            return chosen
        return self._explorations().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.featured_exploration()
        if featured is not None and hasattr(featured, "read_in"):
            featured.read_in(translation.get_language())  # its translation's text, if it has one
        context["exploration"] = self._featured = featured
        others = self._explorations()
        context["other_explorations"] = others.exclude(pk=featured.pk) if featured else others
        return context

    def linked_data(self, request):
        """The site (WebSite), with the study it presents."""
        site = Site.find_for_request(request) if request is not None else None
        featured = getattr(self, "_featured", None)
        return linked_data.node(
            "WebSite",
            linked_data.page_address(self, request),
            name=(site.site_name if site else "") or self.title,
            description=self.search_description,
            inLanguage=linked_data.content_language(self),
            about=featured.reference_node(request) if featured is not None else None,
        )


class Picture(AbstractImage):
    """An image of the site (WAGTAILIMAGES_IMAGE_MODEL): with its alternative text (Wagtail's `description`,
    required by core.forms.PictureForm), who made it and under which licence, shown under it on every page.

    This is a research publication: a picture nobody can say the right to publish is not uploaded.
    """

    credit = models.CharField(
        _("crédit"),
        max_length=250,
        help_text=_("L'auteur ou le détenteur des droits : « Photo : Camille Martin », « Ville de Guéret »."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=120,
        help_text=_(
            "Par exemple : « CC BY-SA 4.0 », « Licence Ouverte 2.0 », "
            "« Tous droits réservés, publié avec autorisation »."
        ),
    )
    licence_url = models.URLField(_("adresse du texte de la licence"), blank=True)
    source_url = models.URLField(
        _("adresse d'origine"), blank=True, help_text=_("Où l'image a été trouvée, si elle vient d'ailleurs.")
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "credit",
        "licence",
        "licence_url",
        "source_url",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        # No permissions of its own: Wagtail checks those of its Image model (add_image, choose_image…) for
        # whatever model WAGTAILIMAGES_IMAGE_MODEL names, so the roles (core.roles) stay as they were.

    @property
    def alt_text(self):
        """What the picture shows, for people who do not see it (Wagtail calls it the description)."""
        return self.description

    @property
    def fallback_format(self):
        """The format of the <img> for browsers that read neither AVIF nor WebP: PNG keeps the sharp lines and
        the transparency of a PNG (a map, a logo), JPEG suits everything else."""
        return "png" if self.file.name.lower().endswith(".png") else "jpeg"


class PictureRendition(AbstractRendition):
    image = models.ForeignKey(Picture, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
