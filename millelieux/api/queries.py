"""What each resource publishes, filtered: one queryset builder per resource, read by the JSON lists, the
GeoJSON and the CSV downloads alike, so that the three always agree.

Only live, public pages of the default locale are published (English translations are copies of the French
pages, and would count every place twice); snippets only when live; census entries all, with their status.
"""

from types import SimpleNamespace

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from millelieux.articles.models import ArticlePage
from millelieux.census.models import CensusEntry
from millelieux.explorations.matrix import FIELD_PARAMETER
from millelieux.explorations.models import (
    EventPage,
    ExplorationField,
    ExplorationPage,
    ExplorationPartnership,
    Partner,
)
from millelieux.impacts.models import Evidence, ImpactPage
from millelieux.places.models import PlacePage

from .params import parse_bbox

TYPOLOGY_VALUES = {"unknown": CensusEntry.Typology.UNKNOWN}


def published(model):
    return model.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)


def _ordered(queryset, ordering, names):
    """`ordering` is one of the whitelisted values (params); `names` maps its name to the model's field(s).
    The primary key comes last so that pages never overlap, whatever the database."""
    descending = ordering.startswith("-")
    fields = names.get(ordering.lstrip("-"), (ordering.lstrip("-"),))
    return queryset.order_by(*[f"-{f}" if descending else f for f in fields], "pk")


class Explorations:
    """The live, public explorations, read once per request: their ids by tree path, to say which exploration
    each page belongs to without a query per record."""

    def __init__(self):
        self.pages = list(published(ExplorationPage).defer_streamfields())
        self.by_path = {page.path: page for page in self.pages}
        self.path_lengths = sorted({len(page.path) for page in self.pages})

    def of(self, page_path):
        for length in self.path_lengths:
            page = self.by_path.get(page_path[:length])
            if page is not None:
                return page
        return None

    def get(self, pk):
        return next((page for page in self.pages if page.pk == pk), None)


def explorations_of(request):
    """The Explorations of this request (read once)."""
    if not hasattr(request, "_api_explorations"):
        request._api_explorations = Explorations()
    return request._api_explorations


def page_url(page, request):
    """The absolute address of the public page; the French one whatever the client's languages (the study is
    written in French; its English interface is a prefix, not another record)."""
    with translation.override(settings.LANGUAGE_CODE):
        return page.get_full_url(request)


def national_map_url(request):
    """The national map of census entries (they have no page of their own), on the site's own address like the
    pages (not the address the API was asked at)."""
    if not hasattr(request, "_api_map_url"):
        site = Site.find_for_request(request)
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("national_map")
        request._api_map_url = site.root_url + path if site else request.build_absolute_uri(path)
    return request._api_map_url


def _in_exploration(queryset, request, exploration_id, path_field="path"):
    if exploration_id is None:
        return queryset
    exploration = explorations_of(request).get(exploration_id)
    if exploration is None:
        return queryset.none()
    return queryset.filter(**{f"{path_field}__startswith": exploration.path})


def _geography(queryset, params, commune="commune", latitude="latitude", longitude="longitude"):
    if params.region:
        queryset = queryset.filter(**{f"{commune}__department__region__code": params.region})
    if params.department:
        queryset = queryset.filter(**{f"{commune}__department__code": params.department})
    if params.size_class:
        queryset = queryset.filter(**{f"{commune}__size_class": params.size_class})
    if params.bbox:
        min_lon, min_lat, max_lon, max_lat = parse_bbox(params.bbox)
        queryset = queryset.filter(
            **{
                f"{latitude}__gte": min_lat,
                f"{latitude}__lte": max_lat,
                f"{longitude}__gte": min_lon,
                f"{longitude}__lte": max_lon,
            }
        )
    return queryset


def _evidence_about(params):
    """The evidence rows matching the study filters (field, impact kind, impact), or None without one."""
    rows = Evidence.objects.all()
    filtered = False
    if params.field is not None:
        rows, filtered = rows.filter(impact__exploration_fields=params.field), True
    if params.impact_kind:
        rows, filtered = rows.filter(impact__kind=params.impact_kind), True
    if params.impact is not None:
        rows, filtered = rows.filter(impact_id=params.impact), True
    return rows if filtered else None


def places(params, request):
    queryset = _in_exploration(published(PlacePage), request, params.exploration)
    about = _evidence_about(params)
    if about is not None:
        queryset = queryset.filter(pk__in=about.values("place_id"))
    if params.typology:
        queryset = queryset.filter(
            census_entry__typology=TYPOLOGY_VALUES.get(params.typology, params.typology)
        )
    queryset = _geography(queryset, params)
    return (
        queryset.select_related("commune__department__region", "census_entry")
        .prefetch_related("activities")
        .defer_streamfields()
    )


def ordered_places(params, request):
    return _ordered(
        places(params, request), getattr(params, "ordering", "title"), {"commune": ("commune_name", "title")}
    )


def impacts(params, request):
    queryset = _in_exploration(published(ImpactPage), request, params.exploration)
    if params.field is not None:
        queryset = queryset.filter(
            pk__in=ImpactPage.exploration_fields.through.objects.filter(
                explorationfield_id=params.field
            ).values("impactpage_id")
        )
    if params.kind:
        queryset = queryset.filter(kind=params.kind)
    queryset = queryset.select_related("source").prefetch_related("exploration_fields").defer_streamfields()
    return _ordered(queryset, getattr(params, "ordering", "title"), {})


def evidence(params, request):
    place_pages = _geography(_in_exploration(published(PlacePage), request, params.exploration), params)
    queryset = Evidence.objects.filter(
        place_id__in=place_pages.values("pk"), impact_id__in=published(ImpactPage).values("pk")
    )
    about = _evidence_about(params)
    if about is not None:
        queryset = queryset.filter(pk__in=about.values("pk"))
    if params.place is not None:
        queryset = queryset.filter(place_id=params.place)
    if params.strength is not None:
        queryset = queryset.filter(strength=params.strength)
    queryset = queryset.select_related("place", "impact", "source").defer("place__body", "impact__body")
    return _ordered(
        queryset,
        getattr(params, "ordering", "id"),
        {"id": ("pk",), "place": ("place__title",), "impact": ("impact__title",)},
    )


def articles(params, request):
    queryset = _in_exploration(published(ArticlePage), request, params.exploration)
    if params.field is not None:
        queryset = queryset.filter(
            pk__in=ArticlePage.related_impacts.through.objects.filter(
                impactpage__exploration_fields=params.field
            ).values("articlepage_id")
        )
    if params.impact is not None:
        queryset = queryset.filter(
            pk__in=ArticlePage.related_impacts.through.objects.filter(impactpage_id=params.impact).values(
                "articlepage_id"
            )
        )
    if params.place is not None:
        queryset = queryset.filter(
            pk__in=ArticlePage.related_places.through.objects.filter(placepage_id=params.place).values(
                "articlepage_id"
            )
        )
    if params.kind:
        queryset = queryset.filter(kind=params.kind)
    queryset = queryset.select_related("series").prefetch_related("related_places", "related_impacts")
    return _ordered(queryset.defer_streamfields(), params.ordering, {})


def explorations(params, request):
    return _ordered(published(ExplorationPage), params.ordering, {})


def fields(params, request):
    queryset = ExplorationField.objects.filter(
        live=True, exploration_id__in=[page.pk for page in explorations_of(request).pages]
    )
    if params.exploration is not None:
        queryset = queryset.filter(exploration_id=params.exploration)
    return _ordered(queryset, params.ordering, {"sort_order": ("exploration_id", "sort_order", "title")})


def field_url(field, request):
    exploration = explorations_of(request).get(field.exploration_id)
    if exploration is None:
        return None
    matrix = exploration.reverse_subpage("matrix")
    return f"{page_url(exploration, request)}{matrix}?{FIELD_PARAMETER}={field.slug}"


def events(params, request):
    queryset = _in_exploration(published(EventPage), request, params.exploration)
    return _ordered(queryset.defer_streamfields(), params.ordering, {})


def partners(params, request):
    exploration_ids = [page.pk for page in explorations_of(request).pages]
    if params.exploration is not None:
        exploration_ids = [pk for pk in exploration_ids if pk == params.exploration]
    queryset = Partner.objects.filter(
        live=True,
        pk__in=ExplorationPartnership.objects.filter(exploration_id__in=exploration_ids).values("partner_id"),
    )
    return _ordered(queryset, params.ordering, {})


def partner_explorations(partner, request):
    """The ids of the published explorations this partner works with, in the order of their pages."""
    public = {page.pk for page in explorations_of(request).pages}
    return sorted(
        {
            pk
            for pk in ExplorationPartnership.objects.filter(partner=partner).values_list(
                "exploration_id", flat=True
            )
            if pk in public
        }
    )


def census_entries(params, request):
    queryset = CensusEntry.objects.all()
    if params.census:
        queryset = queryset.filter(census__slug=params.census)
    if params.typology:
        queryset = queryset.filter(typology=TYPOLOGY_VALUES.get(params.typology, params.typology))
    if params.status:
        queryset = queryset.filter(status=params.status)
    if params.exploration is not None:
        monographs = _in_exploration(published(PlacePage), request, params.exploration)
        queryset = queryset.filter(pk__in=monographs.values("census_entry_id"))
    queryset = _geography(queryset, params)
    return queryset.select_related("census", "commune__department__region")


def ordered_census_entries(params, request):
    return _ordered(
        census_entries(params, request),
        getattr(params, "ordering", "name"),
        {"commune": ("commune__name", "name")},
    )


# What the census CSV reads of an entry, its census and its commune (api.tables.CENSUS).
CENSUS_ROW_FIELDS = (
    "pk",
    "census__slug",
    "external_id",
    "name",
    "address",
    "postcode",
    "commune_label",
    "typology",
    "typology_label",
    "status",
    "website",
    "latitude",
    "longitude",
    "commune_id",
    "commune__code",
    "commune__name",
    "commune__size_class",
    "commune__department_id",
    "commune__department__code",
    "commune__department__region__code",
)


def census_rows(params, request):
    """The entries of ordered_census_entries as light records, for the CSV: an entry's own fields, `census.slug`
    and `commune` (code, name, size_class, department_id, department.code, department.region.code), or None
    without a commune. One query of values: model instances would be five a row (7,560 for the CGET base) and
    would read every commune's, department's and region's outline, for a file that prints none of it."""
    censuses, departments = {}, {}
    for row in ordered_census_entries(params, request).values_list(*CENSUS_ROW_FIELDS):
        values = dict(zip(CENSUS_ROW_FIELDS, row, strict=True))
        department_id = values["commune__department_id"]
        if department_id is not None and department_id not in departments:
            region_code = values["commune__department__region__code"]
            departments[department_id] = SimpleNamespace(
                code=values["commune__department__code"],
                region=SimpleNamespace(code=region_code) if region_code is not None else None,
            )
        commune = None
        if values["commune_id"] is not None:
            commune = SimpleNamespace(
                code=values["commune__code"],
                name=values["commune__name"],
                size_class=values["commune__size_class"],
                department_id=department_id,
                department=departments.get(department_id),
            )
        slug = values["census__slug"]
        census = censuses.setdefault(slug, SimpleNamespace(slug=slug))
        yield SimpleNamespace(
            **{name: values[name] for name in _CENSUS_OWN_FIELDS}, census=census, commune=commune
        )


_CENSUS_OWN_FIELDS = tuple(name for name in CENSUS_ROW_FIELDS if "__" not in name)


def monographs_of(request):
    """{census entry id: [ids of its published monographs]}, read once per request."""
    if not hasattr(request, "_api_monographs"):
        found = {}
        rows = published(PlacePage).filter(census_entry__isnull=False).values_list("census_entry_id", "pk")
        for entry_id, place_id in rows.order_by("pk"):
            found.setdefault(entry_id, []).append(place_id)
        request._api_monographs = found
    return request._api_monographs
