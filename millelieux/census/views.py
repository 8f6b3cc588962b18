"""The national map of census entries (/carte/): a page readable without JavaScript (filters as a form, counts,
a static map, charts, a paginated list) and the compact JSON its script clusters on a Leaflet map.

Both read the census through maps.snapshot / maps.data_gzip, built once per version of the data and cached;
the monographs (few, and their URLs depend on the request) are read on every request and written into the
page, not into the JSON."""

import gzip
import re

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.http import parse_etags, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from millelieux.core import rawrows
from millelieux.core.routing import memoised, public_pages_sql, site_for_request
from millelieux.territories.classes import METROPOLE_KIND

from . import maps
from .models import Census, CensusEntry

ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def _monographs(request):
    """The published monographs with a position (theirs, or their commune's town hall), as dicts for the JSON
    and as Rows for the statistics. The places app sits above this one: its model is looked up by name. One
    query, written out in SQL (see core/rawrows.py): every page of the map runs it."""
    place_model = apps.get_model("places", "PlacePage")
    commune_model = place_model._meta.get_field("commune").related_model
    department_model = commune_model._meta.get_field("department").related_model
    region_model = department_model._meta.get_field("region").related_model
    epci_model = commune_model._meta.get_field("epci").related_model
    public, public_params = public_pages_sql("p")
    sql = f"""
        SELECT {rawrows.columns("p", rawrows.PAGE_LINK_FIELDS, "place")}, pp.commune_name AS place__commune_name,
            pp.latitude AS place__latitude, pp.longitude AS place__longitude,
            c.latitude AS commune_latitude, c.longitude AS commune_longitude, c.size_class, d.name AS department,
            r.code AS region, x.kind AS epci_kind, e.typology
        FROM wagtailcore_page p
        JOIN {rawrows.table(place_model)} pp ON pp.page_ptr_id = p.id
        LEFT JOIN {rawrows.table(commune_model)} c ON c.id = pp.commune_id
        LEFT JOIN {rawrows.table(department_model)} d ON d.id = c.department_id
        LEFT JOIN {rawrows.table(region_model)} r ON r.id = d.region_id
        LEFT JOIN {rawrows.table(epci_model)} x ON x.id = c.epci_id
        LEFT JOIN {rawrows.table(CensusEntry)} e ON e.id = pp.census_entry_id
        WHERE {public}
        ORDER BY p.title
    """
    shown, rows = [], []
    for row in rawrows.dict_rows(sql, public_params):
        place = rawrows.instance(place_model, row, "place")
        latitude, longitude = place.latitude, place.longitude
        if latitude is None or longitude is None:
            latitude, longitude = row["commune_latitude"], row["commune_longitude"]
        if latitude is None or longitude is None:
            continue
        shown.append(
            {
                "latitude": round(float(latitude), 5),
                "longitude": round(float(longitude), 5),
                "title": place.title,
                "url": place.get_url(request),
                "commune": place.commune_name,
            }
        )
        typology = row["typology"] if row["typology"] is not None else CensusEntry.Typology.UNKNOWN
        rows.append(
            maps.Row(
                place.pk,
                place.title,
                float(latitude),
                float(longitude),
                maps._TYPOLOGY_SLUG.get(typology, "non-renseignee"),
                row["region"] or maps.NO_REGION,
                maps._SIZE_SLUG.get(row["size_class"] or "", "inconnue"),
                "oui" if row["epci_kind"] == METROPOLE_KIND else "non",
                place.commune_name,
                row["department"] or "",
            )
        )
    return shown, rows


def _bad_request(request, message):
    return render(
        request,
        "census/bad_filters.html",
        {"message": message, "map_url": reverse("national_map")},
        status=400,
    )


def _censuses_shown():
    """The censuses with at least one present entry, by name (the same for every page of the map an export
    writes)."""
    # EXISTS stops at each census's first present entry (a join with DISTINCT would read them all)
    return list(
        Census.objects.filter(
            Exists(CensusEntry.objects.filter(census=OuterRef("pk"), status=CensusEntry.Status.PRESENT))
        ).order_by("name")
    )


def _list_address(query, number):
    """The address of page `number` of the map's list with the filters of `query`. The first page has one
    address, without "page=1"."""
    if number == 1:
        return f"?{query}" if query else reverse("national_map")
    return f"?{query}&page={number}" if query else f"?page={number}"


def _facets(snapshot, filters, known):
    """The filters of the map: each with its options, their numbers of entries, and the one chosen."""
    counts = maps.facet_counts(snapshot, filters, known)
    return [
        {
            "name": name,
            "label": label,
            "selected": filters.get(name, ""),
            "options": [(slug, text, counts[name].get(slug, 0)) for slug, text in known[name]],
        }
        for name, label in (
            ("typologie", _("Typologie")),
            ("region", _("Région")),
            ("taille", _("Taille de la commune")),
            ("metropole", _("Métropole")),
        )
    ]


@require_safe
def national_map(request):
    site_for_request(request)  # found once, in one query, for every link of the page
    all_regions = maps.regions()
    known = maps.choices(all_regions)
    try:
        filters = maps.parse_filters(request.GET, known)
        page_number = maps.parse_page(request.GET)
    except maps.FilterError as error:
        return _bad_request(request, str(error))
    snapshot = maps.snapshot(known)
    results = maps.Results(snapshot, filters)
    paginator = Paginator(results, maps.PER_PAGE)
    if page_number > max(paginator.num_pages, 1):
        return _bad_request(
            request, _("La liste n'a que %(pages)s page(s).") % {"pages": max(paginator.num_pages, 1)}
        )
    page = paginator.page(page_number)
    monographs, monograph_rows = memoised(
        ("census-map-monographs", translation.get_language(), request.get_host()),
        lambda: _monographs(request),
        lasting=True,  # the same for every page of the map a static export writes
    )
    monographs_here = [row for row in monograph_rows if maps.matches(row, filters)]
    query = urlencode(filters)
    # Read by blocks a static export renders once per filter (crawl_fragment): computed when first read.
    facets = SimpleLazyObject(lambda: _facets(snapshot, filters, known))
    context = {
        "censuses": memoised("census-map-censuses", _censuses_shown, lasting=True),
        "total": snapshot.total,
        "results_count": len(results),
        "filters": filters,
        "facets": facets,
        "page": page,
        "paginator": paginator,
        "query": query,
        "previous_address": _list_address(query, page.number - 1) if page.has_previous() else None,
        "next_address": _list_address(query, page.number + 1) if page.has_next() else None,
        "statistics": SimpleLazyObject(lambda: maps.statistics(snapshot, monographs_here, known, filters)),
        "monographs": monographs,
        "monographs_here": monographs_here,
        "static_map": SimpleLazyObject(lambda: maps.static_map(snapshot, filters, all_regions)),
        # the version in the address lets the browser keep the data for good: new data, new address
        "data_url": f"{reverse('national_map_data')}?{urlencode({'v': snapshot.version})}",
        "basemap_url": reverse("national_map_basemap"),
        "tile_url": getattr(settings, "MAP_TILE_URL", ""),
        "tile_attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
    }
    return render(request, "census/national_map.html", context)


@require_safe
def national_map_data(request):
    """The entries of the interactive map (maps.compact), gzipped once per version of the data and cached.
    Asked with the current version (`?v=`, as the page writes it), the browser may keep it for good; otherwise
    it revalidates with the ETag."""
    version, body = maps.data_gzip(maps.choices(maps.regions()))
    etag = f'"{version}"'
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    elif ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(body, content_type="application/json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(body), content_type="application/json")
    response["ETag"] = etag
    if request.GET.get("v") == version:
        patch_cache_control(response, public=True, max_age=365 * 24 * 3600, immutable=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


@require_safe
@gzip_page
@cache_control(public=True, max_age=3600)
def national_map_basemap(request):
    return JsonResponse(maps.basemap(maps.regions()), json_dumps_params={"separators": (",", ":")})
