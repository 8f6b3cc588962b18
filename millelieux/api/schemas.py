"""What one record of each resource looks like in the JSON API (django-ninja serialises the model instances
through these schemas; `resolve_*` reads what is not a plain field). Every record has a stable `id` (the page's,
the snippet's or the entry's primary key) and `url`, the absolute address of its public page."""

import datetime

from ninja import Schema
from pydantic import Field, create_model

from . import queries


def _request(context):
    return context["request"]


def _exploration_id(page, context):
    exploration = queries.explorations_of(_request(context)).of(page.path)
    return exploration.pk if exploration else None


class ErrorOut(Schema):
    message: str = Field(description="Ce qui ne va pas, en une phrase.")
    errors: list[dict] = Field(default_factory=list, description="Le détail, paramètre par paramètre.")


class CommuneOut(Schema):
    code: str = Field(description="Code INSEE de la commune.")
    name: str
    department: str | None = Field(description="Code INSEE du département.")
    region: str | None = Field(description="Code INSEE de la région.")
    size_class: str = Field(description="Classe de taille (population municipale), vide si inconnue.")
    population: int | None

    @staticmethod
    def resolve_department(commune):
        return commune.department.code if commune.department_id else None

    @staticmethod
    def resolve_region(commune):
        return commune.department.region.code if commune.department_id else None


class SourceOut(Schema):
    id: int
    title: str
    publisher: str
    date: datetime.date | None
    url: str


class ExplorationOut(Schema):
    id: int
    title: str
    slug: str
    subtitle: str
    organisation: str
    period_start: int
    period_end: int | None
    summary: str
    url: str | None

    @staticmethod
    def resolve_url(page, context):
        return queries.page_url(page, _request(context))


class FieldOut(Schema):
    id: int
    exploration: int = Field(description="Identifiant de l'exploration.")
    title: str
    slug: str
    description: str
    colour: str
    url: str | None = Field(description="Le tableau lieux × impacts de l'exploration, restreint à ce champ.")

    @staticmethod
    def resolve_exploration(field):
        return field.exploration_id

    @staticmethod
    def resolve_url(field, context):
        return queries.field_url(field, _request(context))


class PlaceOut(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    exploration: int | None
    summary: str
    commune: CommuneOut | None
    commune_code: str
    commune_name: str
    address: str
    latitude: float | None
    longitude: float | None
    opening_year: int | None
    legal_form: str
    surface_m2: int | None
    members_count: int | None
    team_size: int | None
    activities: list[str]
    website: str
    census_entry: int | None = Field(description="Identifiant du même lieu dans un recensement.")
    last_published_at: datetime.datetime | None

    @staticmethod
    def resolve_url(page, context):
        return queries.page_url(page, _request(context))

    @staticmethod
    def resolve_exploration(page, context):
        return _exploration_id(page, context)

    @staticmethod
    def resolve_activities(page):
        return [activity.name for activity in page.activities.all()]

    @staticmethod
    def resolve_census_entry(page):
        return page.census_entry_id


class ImpactOut(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    exploration: int | None
    kind: str = Field(description="`positive` (externalité positive) ou `limit` (limite).")
    fields: list[int] = Field(description="Identifiants des champs d'exploration.")
    summary: str
    source: SourceOut | None

    @staticmethod
    def resolve_url(page, context):
        return queries.page_url(page, _request(context))

    @staticmethod
    def resolve_exploration(page, context):
        return _exploration_id(page, context)

    @staticmethod
    def resolve_fields(page):
        return sorted(field.pk for field in page.exploration_fields.all())


class EvidenceOut(Schema):
    id: int
    place: int
    place_title: str
    impact: int
    impact_title: str
    impact_kind: str
    strength: int = Field(description="Intensité : 1 faible, 2 marquée, 3 forte.")
    text: str
    quote: str
    source: SourceOut | None
    url: str | None = Field(description="La monographie du lieu, où l'observation est publiée.")

    @staticmethod
    def resolve_place(row):
        return row.place_id

    @staticmethod
    def resolve_place_title(row):
        return row.place.title

    @staticmethod
    def resolve_impact(row):
        return row.impact_id

    @staticmethod
    def resolve_impact_title(row):
        return row.impact.title

    @staticmethod
    def resolve_impact_kind(row):
        return row.impact.kind

    @staticmethod
    def resolve_url(row, context):
        return queries.page_url(row.place, _request(context))


class ArticleOut(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    exploration: int | None
    kind: str
    date: datetime.date
    summary: str
    series: str | None
    series_number: int | None
    places: list[int]
    impacts: list[int]

    @staticmethod
    def resolve_url(page, context):
        return queries.page_url(page, _request(context))

    @staticmethod
    def resolve_exploration(page, context):
        return _exploration_id(page, context)

    @staticmethod
    def resolve_series(page):
        return page.series.title if page.series_id else None

    @staticmethod
    def resolve_places(page):
        return sorted(place.pk for place in page.related_places.all())

    @staticmethod
    def resolve_impacts(page):
        return sorted(impact.pk for impact in page.related_impacts.all())


class EventOut(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    exploration: int | None
    date: datetime.date
    venue: str
    commune_code: str
    participants_count: int | None
    summary: str

    @staticmethod
    def resolve_url(page, context):
        return queries.page_url(page, _request(context))

    @staticmethod
    def resolve_exploration(page, context):
        return _exploration_id(page, context)


class PartnerOut(Schema):
    id: int
    name: str
    website: str
    description: str
    explorations: list[int]
    url: str | None = Field(description="La page des partenaires de sa première exploration.")

    @staticmethod
    def resolve_website(partner):
        return partner.url

    @staticmethod
    def resolve_explorations(partner, context):
        return queries.partner_explorations(partner, _request(context))

    @staticmethod
    def resolve_url(partner, context):
        request = _request(context)
        ids = queries.partner_explorations(partner, request)
        exploration = queries.explorations_of(request).get(ids[0]) if ids else None
        if exploration is None:
            return None
        return queries.page_url(exploration, request) + exploration.reverse_subpage("partners")


class CensusEntryOut(Schema):
    id: int
    census: str = Field(description="Identifiant du recensement.")
    external_id: str = Field(description="Identifiant du lieu dans son recensement.")
    name: str
    address: str
    postcode: str
    commune: CommuneOut | None
    commune_label: str = Field(description="La commune telle que le recensement l'écrit.")
    latitude: float | None
    longitude: float | None
    typology: str = Field(description="coworking, fablab, other, ou vide si non renseignée.")
    typology_label: str
    status: str = Field(description="`present` ou `gone` (disparu d'une version plus récente).")
    website: str
    monographs: list[int] = Field(description="Identifiants des monographies publiées de ce lieu.")
    url: str = Field(description="La carte nationale des lieux recensés.")

    @staticmethod
    def resolve_census(entry):
        return entry.census.slug

    @staticmethod
    def resolve_monographs(entry, context):
        return queries.monographs_of(_request(context)).get(entry.pk, [])

    @staticmethod
    def resolve_url(entry, context):
        return queries.national_map_url(_request(context))


def page_of(item, name):
    """The schema of one page of a list of `item`s."""
    return create_model(
        name,
        __base__=Schema,
        count=(int, Field(description="Nombre total d'enregistrements qui répondent aux filtres.")),
        limit=(int, ...),
        offset=(int, ...),
        next=(str | None, Field(description="Adresse de la page suivante.")),
        previous=(str | None, Field(description="Adresse de la page précédente.")),
        results=(list[item], ...),
    )
