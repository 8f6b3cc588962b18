"""Citable editions: an exploration frozen on a given day as a static copy with its own permanent address."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from millelieux.explorations.citations import SITE_NAME, bibtex, citation_text, date_parts

slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Lettres minuscules sans accents, chiffres et tirets seulement (par exemple « edition-2019 »)."),
)


class Edition(models.Model):
    """A dated, frozen copy of an exploration, served at /editions/<exploration>/<edition>/ and never rewritten.

    The files live in MEDIA_ROOT/editions/<exploration slug>/<edition slug>/ (written by freezing.py). The
    exploration's slug is copied at freezing, so the address stays the same if the study is renamed or moved.
    """

    BUILDING, READY, FAILED = "building", "ready", "failed"
    STATUS_CHOICES = [(BUILDING, _("En cours")), (READY, _("Prête")), (FAILED, _("Échec"))]

    exploration = models.ForeignKey(
        "explorations.ExplorationPage",
        verbose_name=_("exploration"),
        null=True,
        on_delete=models.SET_NULL,  # the frozen copy outlives the live pages
        related_name="editions",
    )
    exploration_slug = models.SlugField(_("identifiant de l'exploration"), max_length=255, editable=False)
    title = models.CharField(
        _("titre"), max_length=255, help_text=_("Par exemple « Mille Lieux — édition 2019 ».")
    )
    slug = models.CharField(_("identifiant"), max_length=80, validators=[slug_validator])
    date = models.DateField(_("date de l'édition"), default=timezone.localdate)
    authors = models.TextField(
        _("auteurs"),
        blank=True,
        help_text=_(
            "Une personne ou une organisation par ligne (à défaut, l'organisation de l'exploration)."
        ),
    )
    citation = models.TextField(_("citation suggérée"), blank=True)
    status = models.CharField(_("état"), max_length=10, choices=STATUS_CHOICES, default=BUILDING)
    error = models.TextField(_("erreur"), blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    files = models.PositiveIntegerField(_("fichiers"), default=0)
    size = models.PositiveBigIntegerField(_("taille (octets)"), default=0)
    base_url = models.URLField(_("adresse permanente"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gelée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gelée le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("édition")
        verbose_name_plural = _("éditions")
        ordering = ["exploration_slug", "-date", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["exploration_slug", "slug"], name="unique_edition_per_exploration"
            )
        ]

    def __str__(self):
        return self.title

    @property
    def path(self):
        """The permanent address on this site: /editions/<exploration>/<edition>/."""
        return f"/editions/{self.exploration_slug}/{self.slug}/"

    @property
    def book_path(self):
        """The address of the edition's PDF book, or "" when it has none (frozen without it)."""
        from .freezing import BOOK_NAME, edition_folder  # freezing imports this module

        found = (edition_folder(self.exploration_slug, self.slug) / BOOK_NAME).is_file()
        return self.path + BOOK_NAME if found else ""

    @property
    def is_ready(self):
        return self.status == self.READY

    def author_names(self):
        return [line.strip() for line in self.authors.splitlines() if line.strip()]

    def csl_item(self, accessed=None):
        """The edition as a CSL-JSON item: a report, the study as it stood that day, at its permanent address."""
        item = {
            "id": f"millelieux-edition-{self.exploration_slug}-{self.slug}",
            "type": "report",
            "title": self.title,
            "publisher": SITE_NAME,
            "issued": date_parts(self.date),
            "URL": self.base_url,
            "language": settings.LANGUAGE_CODE,
        }
        names = self.author_names()
        if names:
            item["author"] = [{"literal": name} for name in names]
        if accessed is not None:
            item["accessed"] = date_parts(accessed)
        return item

    def bibtex(self):
        return bibtex(self.csl_item())

    def suggested_citation(self):
        """The suggested citation in the active language (`citation` keeps it in French, as frozen)."""
        return citation_text(self.csl_item())
