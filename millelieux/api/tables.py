"""The CSV downloads and their Table Schemas (frictionless, the format of the French open-data schema catalogue).

Each table is declared once, column by column: the CSV is written from these columns and the Table Schema is
generated from them, so the file and its description cannot drift apart. The files are UTF-8 with a byte order
mark (a spreadsheet then reads the accents right), one row per record. A text cell that a spreadsheet would run
as a formula (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe.

`lieux-recenses` is written to be proposed as a shared schema for describing a tiers-lieu in an inventory:
a stable id, the inventory's own id, name, address, official commune code, point, a typology with the label
as given, and whether the place is still listed.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from millelieux.territories.classes import SIZE_CLASS_VALUES

from . import queries

SCHEMA_VERSION = "1.0.0"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " "
INSEE_PATTERN = r"^(?:[0-9]{5}|2[AB][0-9]{3})$"
DEPARTMENT_PATTERN = r"^(?:[0-9]{2,3}|2[AB])$"
IDS_PATTERN = r"^[0-9]+(?: [0-9]+)*$"


def neutralise(text):
    """A text cell a spreadsheet shows as text: formulas and control starts are prefixed by an apostrophe."""
    if text and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


@dataclass
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, date, datetime, year
    title: str
    description: str
    value: object  # callable(record, context) -> Python value or None
    constraints: dict = field(default_factory=dict)
    format: str = ""
    example: object = None

    def descriptor(self):
        data = {
            "name": self.name,
            "type": self.type,
            "title": str(self.title),
            "description": str(self.description),
        }
        if self.format:
            data["format"] = self.format
        if self.example is not None:
            data["example"] = self.example
        if self.constraints:
            data["constraints"] = self.constraints
        return data

    def cell(self, record, context):
        value = self.value(record, context)
        if value is None:
            return ""
        if self.type == "string":
            return neutralise(str(value))
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, Decimal | float):
            return format(value, "f") if isinstance(value, Decimal) else repr(value)
        return str(value)


@dataclass
class Table:
    name: str
    title: str
    description: str
    columns: list
    rows: object  # callable(params, request) -> iterable of records
    primary_key: str = "id"
    foreign_keys: list = field(default_factory=list)

    def schema(self, request=None):
        data = {
            "name": self.name,
            "title": str(self.title),
            "description": str(self.description),
            "version": SCHEMA_VERSION,
            # the licence of this schema (a reusable description, as on the French schema catalogue); the data
            # it describes keeps its own (the exploration's, or the census's: see the data page)
            "licenses": [
                {
                    "name": "etalab-2.0",
                    "title": "Licence Ouverte / Open Licence version 2.0",
                    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
                }
            ],
            "fields": [column.descriptor() for column in self.columns],
            "primaryKey": [self.primary_key],
            "missingValues": [""],
        }
        if self.foreign_keys:
            data["foreignKeys"] = self.foreign_keys
        return data

    def csv_bytes(self, params, request):
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([column.name for column in self.columns])
        context = {"request": request}
        for record in self.rows(params, request):
            writer.writerow([column.cell(record, context) for column in self.columns])
        return buffer.getvalue().encode("utf-8")


def _attr(name):
    return lambda record, context: getattr(record, name)


def _commune(path):
    def read(record, context):
        value = record
        for part in path.split("."):
            if value is None:
                return None
            if part == "department" and not value.department_id:
                return None
            value = getattr(value, part)
        return value or None

    return read


def _url(record, context):
    return queries.page_url(record, context["request"])


def _exploration(record, context):
    exploration = queries.explorations_of(context["request"]).of(record.path)
    return exploration.pk if exploration else None


def _ids(values):
    return LIST_SEPARATOR.join(str(value) for value in sorted(values)) or None


ID = Column(
    "id",
    "integer",
    _("Identifiant"),
    _("Identifiant stable de l'enregistrement dans Mille Lieux (le même dans l'API)."),
    _attr("pk"),
    {"required": True, "unique": True, "minimum": 1},
    example=42,
)


def _page_columns(kind):
    return [
        ID,
        Column(
            "titre", "string", _("Titre"), _("Titre de la page publiée."), _attr("title"), {"required": True}
        ),
        Column(
            "url",
            "string",
            _("Page publique"),
            _("Adresse absolue de la page publique (en français)."),
            _url,
            {"required": True},
            format="uri",
        ),
        Column(
            "exploration_id",
            "integer",
            _("Exploration"),
            _("Identifiant de l'exploration (l'étude) à laquelle appartient %(kind)s.") % {"kind": kind},
            _exploration,
            {"minimum": 1},
        ),
    ]


def _geography_columns(commune_of):
    def read(path):
        inner = _commune(path)
        return lambda record, context: inner(commune_of(record), context)

    return [
        Column(
            "code_departement",
            "string",
            _("Département"),
            _("Code INSEE du département de la commune."),
            read("department.code"),
            {"pattern": DEPARTMENT_PATTERN},
            example="35",
        ),
        Column(
            "code_region",
            "string",
            _("Région"),
            _("Code INSEE de la région de la commune."),
            read("department.region.code"),
            {"pattern": r"^[0-9]{2}$"},
            example="53",
        ),
        Column(
            "classe_taille_commune",
            "string",
            _("Taille de la commune"),
            _(
                "Classe de population municipale de la commune, selon les classes de la base des tiers-lieux "
                "du CGET (2019) : 0-5000, 5000-20000, 20000-50000, 50000-100000, 100000 et plus."
            ),
            read("size_class"),
            {"enum": list(SIZE_CLASS_VALUES)},
            example="100000 et plus",
        ),
    ]


LATITUDE = Column(
    "latitude",
    "number",
    _("Latitude"),
    _("Latitude du lieu en degrés décimaux (WGS 84)."),
    _attr("latitude"),
    {"minimum": -90, "maximum": 90},
    example=48.110431,
)
LONGITUDE = Column(
    "longitude",
    "number",
    _("Longitude"),
    _("Longitude du lieu en degrés décimaux (WGS 84)."),
    _attr("longitude"),
    {"minimum": -180, "maximum": 180},
    example=-1.67403,
)
WEBSITE = Column(
    "site_web",
    "string",
    _("Site web"),
    _("Adresse du site web du lieu."),
    lambda record, context: record.website or None,
    format="uri",
    example="https://www.example.org",
)


def _source_columns():
    def read(name):
        return lambda record, context: getattr(record.source, name) if record.source_id else None

    return [
        Column("source_titre", "string", _("Source"), _("Titre de la publication citée."), read("title")),
        Column(
            "source_editeur", "string", _("Éditeur de la source"), _("Qui l'a publiée."), read("publisher")
        ),
        Column("source_date", "date", _("Date de la source"), _("Date de publication."), read("date")),
        Column(
            "source_url",
            "string",
            _("Adresse de la source"),
            _("Adresse web de la publication."),
            lambda record, context: (record.source.url or None) if record.source_id else None,
            format="uri",
        ),
    ]


PLACES = Table(
    "monographies",
    _("Monographies de tiers-lieux"),
    _(
        "Les lieux étudiés en profondeur par une exploration (une monographie chacun) : leur commune, leur "
        "position et leur fiche technique. Un chiffre absent n'est pas renseigné, jamais estimé."
    ),
    _page_columns(_("la monographie"))
    + [
        Column("resume", "string", _("Résumé"), _("Deux ou trois phrases sur le lieu."), _attr("summary")),
        Column(
            "code_insee",
            "string",
            _("Code INSEE de la commune"),
            _("Code officiel géographique de la commune du lieu."),
            lambda record, context: record.commune_code or None,
            {"pattern": INSEE_PATTERN},
            example="35238",
        ),
        Column(
            "commune",
            "string",
            _("Commune"),
            _("Nom de la commune."),
            lambda record, context: record.commune_name or None,
        ),
    ]
    + _geography_columns(lambda record: record.commune)
    + [
        Column("adresse", "string", _("Adresse"), _("Adresse postale du lieu."), _attr("address")),
        LATITUDE,
        LONGITUDE,
        Column(
            "annee_ouverture",
            "integer",
            _("Année d'ouverture"),
            _("Année où le lieu a ouvert."),
            _attr("opening_year"),
            {"minimum": 1800, "maximum": 2100},
            example=2015,
        ),
        Column(
            "forme_juridique",
            "string",
            _("Forme juridique"),
            _("Par exemple : association loi 1901, SCIC, SAS, régie municipale."),
            _attr("legal_form"),
        ),
        Column(
            "surface_m2",
            "integer",
            _("Surface (m²)"),
            _("Surface du lieu en mètres carrés."),
            _attr("surface_m2"),
            {"minimum": 0},
        ),
        Column(
            "membres",
            "integer",
            _("Membres ou usagers"),
            _("Nombre de membres ou d'usagers réguliers."),
            _attr("members_count"),
            {"minimum": 0},
        ),
        Column(
            "equipe_salariee",
            "integer",
            _("Équipe salariée"),
            _("Nombre de personnes salariées par le lieu."),
            _attr("team_size"),
            {"minimum": 0},
        ),
        Column(
            "activites",
            "string",
            _("Activités"),
            _("Les activités du lieu, séparées par « ; »."),
            lambda record, context: " ; ".join(a.name for a in record.activities.all()) or None,
            example="Coworking ; Fablab",
        ),
        WEBSITE,
        Column(
            "lieu_recense_id",
            "integer",
            _("Lieu recensé"),
            _("Identifiant du même lieu dans le fichier des lieux recensés (lieux-recenses.csv)."),
            _attr("census_entry_id"),
            {"minimum": 1},
        ),
        Column(
            "date_publication",
            "datetime",
            _("Dernière publication"),
            _("Date et heure (UTC) de la dernière publication de la monographie."),
            _attr("last_published_at"),
        ),
    ],
    lambda params, request: queries.ordered_places(params, request),
)

IMPACTS = Table(
    "impacts",
    _("Impacts des tiers-lieux sur leur territoire"),
    _("Ce que les tiers-lieux créent (externalités positives) ou ne parviennent pas à créer (limites)."),
    _page_columns(_("l'impact"))
    + [
        Column(
            "nature",
            "string",
            _("Nature"),
            _("« positive » : une externalité positive ; « limit » : une limite."),
            _attr("kind"),
            {"required": True, "enum": ["positive", "limit"]},
        ),
        Column(
            "champs_ids",
            "string",
            _("Champs d'exploration"),
            _("Identifiants des champs d'exploration de l'impact, séparés par une espace."),
            lambda record, context: _ids(f.pk for f in record.exploration_fields.all()),
            {"pattern": IDS_PATTERN},
        ),
        Column("resume", "string", _("Résumé"), _("Deux ou trois phrases sur l'impact."), _attr("summary")),
    ]
    + _source_columns(),
    lambda params, request: queries.impacts(params, request),
)

EVIDENCE = Table(
    "observations",
    _("Observations : un impact dans un lieu"),
    _(
        "Le pont entre les deux entrées de l'étude : comment un impact s'observe dans un lieu, avec son "
        "intensité et sa source. Un lieu et un impact ont au plus une observation."
    ),
    [
        ID,
        Column(
            "lieu_id",
            "integer",
            _("Lieu"),
            _("Identifiant de la monographie (monographies.csv)."),
            _attr("place_id"),
            {"required": True, "minimum": 1},
        ),
        Column("lieu", "string", _("Nom du lieu"), _("Titre de la monographie."), lambda r, c: r.place.title),
        Column(
            "impact_id",
            "integer",
            _("Impact"),
            _("Identifiant de l'impact (impacts.csv)."),
            _attr("impact_id"),
            {"required": True, "minimum": 1},
        ),
        Column(
            "impact", "string", _("Titre de l'impact"), _("Titre de l'impact."), lambda r, c: r.impact.title
        ),
        Column(
            "nature_impact",
            "string",
            _("Nature de l'impact"),
            _("« positive » ou « limit »."),
            lambda r, c: r.impact.kind,
            {"enum": ["positive", "limit"]},
        ),
        Column(
            "intensite",
            "integer",
            _("Intensité"),
            _("1 : faible ; 2 : marquée ; 3 : forte."),
            _attr("strength"),
            {"required": True, "enum": [1, 2, 3]},
        ),
        Column(
            "texte", "string", _("Ce qui s'observe"), _("L'observation."), _attr("text"), {"required": True}
        ),
        Column(
            "citation",
            "string",
            _("Citation"),
            _("Une citation publiée, dont la source est indiquée."),
            _attr("quote"),
        ),
    ]
    + _source_columns()
    + [
        Column(
            "url",
            "string",
            _("Page publique"),
            _("La monographie où l'observation est publiée."),
            lambda r, c: queries.page_url(r.place, c["request"]),
            format="uri",
        )
    ],
    lambda params, request: queries.evidence(params, request),
    foreign_keys=[
        {"fields": ["lieu_id"], "reference": {"resource": "monographies", "fields": ["id"]}},
        {"fields": ["impact_id"], "reference": {"resource": "impacts", "fields": ["id"]}},
    ],
)

CENSUS = Table(
    "lieux-recenses",
    _("Tiers-lieux recensés"),
    _(
        "Les tiers-lieux tels que les recensements les listent (la base du CGET de 2019, puis d'autres), un "
        "par ligne, chacun dans sa commune. Aucune donnée personnelle : ni nom de contact, ni adresse "
        "électronique. Un lieu disparu d'une version plus récente de son recensement reste listé, avec le "
        "statut « gone »."
    ),
    [
        ID,
        Column(
            "recensement",
            "string",
            _("Recensement"),
            _("Identifiant du recensement qui liste le lieu (par exemple cget-2019)."),
            lambda r, c: r.census.slug,
            {"required": True, "pattern": r"^[-a-z0-9_]+$"},
            example="cget-2019",
        ),
        Column(
            "identifiant_source",
            "string",
            _("Identifiant dans le recensement"),
            _("L'identifiant du lieu dans le fichier de son recensement."),
            _attr("external_id"),
            {"required": True},
        ),
        Column("nom", "string", _("Nom"), _("Nom du tiers-lieu."), _attr("name"), {"required": True}),
        Column("adresse", "string", _("Adresse"), _("Adresse postale (voie)."), _attr("address")),
        Column(
            "code_postal",
            "string",
            _("Code postal"),
            _("Code postal, tel que le recensement le donne."),
            _attr("postcode"),
            example="35000",
        ),
        Column(
            "code_insee",
            "string",
            _("Code INSEE de la commune"),
            _(
                "Code officiel géographique de la commune, retrouvé à l'import quand le fichier ne le donne pas."
            ),
            lambda r, c: r.commune.code if r.commune_id else None,
            {"pattern": INSEE_PATTERN},
            example="35238",
        ),
        Column(
            "commune",
            "string",
            _("Commune"),
            _("Nom officiel de la commune."),
            lambda r, c: r.commune.name if r.commune_id else None,
        ),
        Column(
            "commune_saisie",
            "string",
            _("Commune (telle que saisie)"),
            _("La commune telle que le recensement l'écrit."),
            _attr("commune_label"),
        ),
    ]
    + _geography_columns(lambda record: record.commune)
    + [
        LATITUDE,
        LONGITUDE,
        Column(
            "typologie",
            "string",
            _("Typologie"),
            _(
                "« coworking » : à dominante coworking ; « fablab » : à dominante fablab ; « other » : autre ; "
                "vide : non renseignée."
            ),
            lambda r, c: r.typology or None,
            {"enum": ["coworking", "fablab", "other"]},
        ),
        Column(
            "typologie_saisie",
            "string",
            _("Typologie (telle que saisie)"),
            _("Le libellé de la typologie dans le recensement."),
            _attr("typology_label"),
        ),
        Column(
            "statut",
            "string",
            _("Statut"),
            _("« present » : dans la dernière version du recensement ; « gone » : disparu depuis."),
            _attr("status"),
            {"required": True, "enum": ["present", "gone"]},
        ),
        WEBSITE,
        Column(
            "monographies_ids",
            "string",
            _("Monographies"),
            _(
                "Identifiants des monographies publiées du même lieu (monographies.csv), séparés par une espace."
            ),
            lambda r, c: _ids(queries.monographs_of(c["request"]).get(r.pk, [])),
            {"pattern": IDS_PATTERN},
        ),
    ],
    queries.census_rows,
)

TABLES = {table.name: table for table in (PLACES, IMPACTS, EVIDENCE, CENSUS)}
