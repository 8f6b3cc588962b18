"""Inventories of tiers-lieux ("census" in the code: the CGET 2019 base, a newer national one, a regional
network's), imported row by row with a report (`millelieux import-census`), each entry in its commune.

A census entry is never deleted by an import: one that vanished from a newer version of its census is marked
as gone, so what was published about it stays citable.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from millelieux.core.choices import ChoiceLabelsMixin
from millelieux.sources.models import source_field


class Census(models.Model):
    """One inventory, imported from one or more successive versions of its file."""

    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    publisher = models.CharField(_("éditeur"), max_length=200, blank=True)
    published = models.DateField(_("date des données"), null=True, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    attribution = models.CharField(
        _("mention de la source"),
        max_length=400,
        blank=True,
        help_text=_("La ligne d'attribution que la licence demande, affichée avec chaque réutilisation."),
    )
    caveat = models.TextField(
        _("avertissement"),
        blank=True,
        help_text=_(
            "Ce que la base est et n'est pas (par exemple : une base de données, pas un recensement exhaustif)."
        ),
    )
    source = source_field(related_name="censuses")

    class Meta:
        verbose_name = _("recensement")
        verbose_name_plural = _("recensements")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CensusImport(models.Model):
    """One run of the import command: its counts and its full report (every input row accounted for)."""

    census = models.ForeignKey(
        Census, verbose_name=_("recensement"), on_delete=models.CASCADE, related_name="imports"
    )
    file_name = models.CharField(_("fichier"), max_length=300)
    file_sha256 = models.CharField(_("empreinte du fichier"), max_length=64, blank=True)
    started_at = models.DateTimeField(_("début"), auto_now_add=True)
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True)
    total = models.PositiveIntegerField(_("lignes lues"), default=0)
    created = models.PositiveIntegerField(_("créées"), default=0)
    updated = models.PositiveIntegerField(_("mises à jour"), default=0)
    unchanged = models.PositiveIntegerField(_("inchangées"), default=0)
    rejected = models.PositiveIntegerField(_("rejetées"), default=0)
    gone = models.PositiveIntegerField(_("disparues"), default=0)
    report = models.JSONField(_("rapport"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.census} — {self.file_name}"


class CensusEntry(ChoiceLabelsMixin, models.Model):
    """A tiers-lieu as one census lists it. Personal data (contact names, e-mail addresses) is never stored."""

    class Typology(models.TextChoices):
        COWORKING = "coworking", _("À dominante coworking")
        FABLAB = "fablab", _("À dominante fablab")
        OTHER = "other", _("Autre")
        UNKNOWN = "", _("Non renseignée")

    class Status(models.TextChoices):
        PRESENT = "present", _("Présent")
        GONE = "gone", _("Disparu du recensement")

    census = models.ForeignKey(
        Census, verbose_name=_("recensement"), on_delete=models.CASCADE, related_name="entries"
    )
    external_id = models.CharField(_("identifiant dans le recensement"), max_length=64)
    name = models.CharField(_("nom"), max_length=300)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    commune = models.ForeignKey(
        "territories.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="census_entries",
    )
    commune_label = models.CharField(
        _("commune (telle que saisie)"), max_length=150, blank=True, help_text=_("Le texte du fichier.")
    )
    typology = models.CharField(
        _("typologie"), max_length=20, choices=Typology.choices, blank=True, default=Typology.UNKNOWN
    )
    typology_label = models.CharField(_("typologie (telle que saisie)"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    location_note = models.CharField(
        _("note de localisation"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : géocodé à la main, coordonnées inversées corrigées, précision 0,6."),
    )
    website = models.URLField(_("site web"), max_length=500, blank=True)
    # The other non-personal columns of the file, as given (so nothing of the row is lost).
    extra = models.JSONField(_("autres colonnes"), default=dict, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.PRESENT, db_index=True
    )
    row_hash = models.CharField(_("empreinte de la ligne"), max_length=64, blank=True, editable=False)
    first_import = models.ForeignKey(
        CensusImport,
        verbose_name=_("premier import"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_import = models.ForeignKey(
        CensusImport,
        verbose_name=_("dernier import"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lieu recensé")
        verbose_name_plural = _("lieux recensés")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["census", "external_id"], name="census_entry_unique_id"),
        ]
        indexes = [models.Index(fields=["latitude", "longitude"], name="census_entry_location")]

    def __str__(self):
        return self.name

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class DuplicateCandidate(models.Model):
    """Two entries that are probably the same place (close and similarly named), for an editor to decide."""

    class Decision(models.TextChoices):
        OPEN = "open", _("À examiner")
        MERGED = "merged", _("Fusionnés")
        DISMISSED = "dismissed", _("Distincts")

    first = models.ForeignKey(CensusEntry, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(CensusEntry, on_delete=models.CASCADE, related_name="+")
    distance_m = models.FloatField(_("distance (m)"), null=True, blank=True)
    name_similarity = models.FloatField(_("ressemblance des noms"))
    decision = models.CharField(
        _("décision"), max_length=10, choices=Decision.choices, default=Decision.OPEN, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("doublon probable")
        verbose_name_plural = _("doublons probables")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="census_duplicate_unique_pair"),
        ]

    def __str__(self):
        return f"{self.first} / {self.second}"

    def merge(self, keep, user=None):
        """Keep `keep` (one of the pair); the other entry is marked gone and says which entry it was merged
        into (a later import of the census keeps it gone)."""
        if keep.pk not in (self.first_id, self.second_id):
            raise ValueError("the entry to keep is not one of the pair")
        other = self.second if keep.pk == self.first_id else self.first
        with transaction.atomic():
            other.status = CensusEntry.Status.GONE
            other.extra = dict(other.extra, merged_into=keep.external_id)
            other.save(update_fields=["status", "extra"])
            self._decide(self.Decision.MERGED, user)
        return other

    def dismiss(self, user=None):
        """Two distinct places: the pair is not proposed again by later imports."""
        self._decide(self.Decision.DISMISSED, user)

    def _decide(self, decision, user):
        self.decision, self.decided_by, self.decided_at = decision, user, timezone.now()
        self.save(update_fields=["decision", "decided_by", "decided_at"])
