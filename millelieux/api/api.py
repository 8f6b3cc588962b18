"""The read-only API (/api/v1/): JSON lists, GeoJSON and CSV downloads of what the study publishes, described
by the OpenAPI document at /api/v1/openapi.json and by a documentation page (/api/v1/docs) rendered here from
that same document, with no script or style from elsewhere.

Every operation answers 400 with a JSON message ({"message", "errors"}) to a bad or unknown parameter."""

import functools

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from ninja import NinjaAPI, Query
from ninja.decorators import decorate_view
from ninja.errors import ValidationError

from . import features, params, queries, schemas, tables


class DescribedOnce(NinjaAPI):
    """The OpenAPI document is made from the code alone (operations, parameters, schemas), about 20 ms each
    time: it is made once per address prefix and language, and the same document is served after. Callers read
    it and never change it."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return _openapi_document(self, path_prefix, translation.get_language())


@functools.lru_cache(maxsize=16)
def _openapi_document(api, path_prefix, language):
    return NinjaAPI.get_openapi_schema(api, path_prefix=path_prefix)


api = DescribedOnce(
    title="Mille Lieux",
    version="1",
    description=(
        "API en lecture seule des explorations publiées : lieux étudiés (monographies), impacts, observations "
        "(un impact dans un lieu), articles, événements, partenaires, et les tiers-lieux des recensements. "
        "Chaque enregistrement a un identifiant stable (`id`) et l'adresse de sa page publique (`url`). "
        "Listes paginées (`limit`, `offset`), filtres et tri déclarés opération par opération ; un paramètre "
        "inconnu ou invalide reçoit une réponse 400. Licences : les contenus d'une exploration (lieux, impacts, "
        "observations, articles) sont sous la licence choisie par ses éditeurs, indiquée sur sa page « Données "
        "ouvertes » ; les recensements sous Licence Ouverte 2.0, le recensement du CGET avec sa mention "
        "« CGET (ANCT), base des tiers-lieux 2019 »."
    ),
    urls_namespace="api-v1",
    docs_url=None,  # django-ninja's page loads Swagger UI from a CDN; ours is rendered below
)

BAD_REQUEST = {400: schemas.ErrorOut}
DATA_CACHE = cache_control(public=True, max_age=300)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    errors = [
        {
            "parameter": ".".join(str(part) for part in error.get("loc", ())[1:]) or None,
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    named = ", ".join(sorted({e["parameter"] for e in errors if e["parameter"]}))
    message = _("Paramètre invalide : %(names)s.") % {"names": named} if named else _("Requête invalide.")
    return api.create_response(request, {"message": message, "errors": errors}, status=400)


@api.exception_handler(params.ParameterError)
def unknown_parameter(request, exc):
    errors = [{"parameter": exc.parameter, "message": exc.message}]
    return api.create_response(request, {"message": exc.message, "errors": errors}, status=400)


def paginate(request, queryset, query):
    params.check_known(request, query)
    count = queryset.count()
    end = query.offset + query.limit
    results = list(queryset[query.offset : end])

    def link(offset):
        parameters = request.GET.copy()
        parameters["offset"] = str(offset)
        parameters["limit"] = str(query.limit)
        return request.build_absolute_uri(f"{request.path}?{parameters.urlencode()}")

    return {
        "count": count,
        "limit": query.limit,
        "offset": query.offset,
        "next": link(end) if end < count else None,
        "previous": link(max(query.offset - query.limit, 0)) if query.offset > 0 else None,
        "results": results,
    }


def _list(path, item, name, summary, tag):
    return api.get(
        path,
        response={200: schemas.page_of(item, name), **BAD_REQUEST},
        summary=summary,
        tags=[tag],
        operation_id=name[0].lower() + name[1:],
    )


@_list(
    "/explorations", schemas.ExplorationOut, "ExplorationList", "Les explorations (études) publiées", "études"
)
@decorate_view(gzip_page)
def list_explorations(request, query: Query[params.ExplorationQuery]):
    return paginate(request, queries.explorations(query, request), query)


@_list("/fields", schemas.FieldOut, "FieldList", "Les champs d'exploration", "études")
@decorate_view(gzip_page)
def list_fields(request, query: Query[params.FieldQuery]):
    return paginate(request, queries.fields(query, request), query)


@_list("/places", schemas.PlaceOut, "PlaceList", "Les lieux étudiés (monographies)", "lieux")
@decorate_view(gzip_page)
def list_places(request, query: Query[params.PlaceQuery]):
    return paginate(request, queries.ordered_places(query, request), query)


@_list("/impacts", schemas.ImpactOut, "ImpactList", "Les impacts", "impacts")
@decorate_view(gzip_page)
def list_impacts(request, query: Query[params.ImpactQuery]):
    return paginate(request, queries.impacts(query, request), query)


@_list(
    "/evidence", schemas.EvidenceOut, "EvidenceList", "Les observations : un impact dans un lieu", "impacts"
)
@decorate_view(gzip_page)
def list_evidence(request, query: Query[params.EvidenceQuery]):
    return paginate(request, queries.evidence(query, request), query)


@_list("/articles", schemas.ArticleOut, "ArticleList", "Les articles et entretiens", "articles")
@decorate_view(gzip_page)
def list_articles(request, query: Query[params.ArticleQuery]):
    return paginate(request, queries.articles(query, request), query)


@_list("/events", schemas.EventOut, "EventList", "Les événements des explorations", "études")
@decorate_view(gzip_page)
def list_events(request, query: Query[params.EventQuery]):
    return paginate(request, queries.events(query, request), query)


@_list("/partners", schemas.PartnerOut, "PartnerList", "Les partenaires des explorations", "études")
@decorate_view(gzip_page)
def list_partners(request, query: Query[params.PartnerQuery]):
    return paginate(request, queries.partners(query, request), query)


@_list("/census", schemas.CensusEntryOut, "CensusEntryList", "Les tiers-lieux recensés", "recensements")
@decorate_view(gzip_page)
def list_census_entries(request, query: Query[params.CensusQuery]):
    return paginate(request, queries.ordered_census_entries(query, request), query)


# GeoJSON and CSV: the whole filtered set in one file (no pagination), compressed when the client accepts it.


def _file_operation(path, media_type, schema, summary, tag, operation_id):
    return api.get(
        path,
        response=BAD_REQUEST,
        summary=summary,
        tags=[tag],
        operation_id=operation_id,
        openapi_extra={
            "responses": {
                200: {"description": summary, "content": {media_type: {"schema": schema}}},
            }
        },
    )


GEOJSON = "application/geo+json"


def _geojson_response(data):
    return HttpResponse(features.dumps(data), content_type=GEOJSON)


@_file_operation(
    "/places.geojson",
    GEOJSON,
    features.FEATURE_COLLECTION_SCHEMA,
    "Les lieux étudiés en GeoJSON",
    "lieux",
    "placesGeojson",
)
@decorate_view(gzip_page, DATA_CACHE)
def places_geojson(request, query: Query[params.PlaceFilters]):
    params.check_known(request, query)
    return _geojson_response(features.places(query, request))


@_file_operation(
    "/census.geojson",
    GEOJSON,
    features.FEATURE_COLLECTION_SCHEMA,
    "Les tiers-lieux recensés en GeoJSON",
    "recensements",
    "censusGeojson",
)
@decorate_view(gzip_page, DATA_CACHE)
def census_geojson(request, query: Query[params.CensusFilters]):
    params.check_known(request, query)
    return _geojson_response(features.census(query, request))


CSV_SCHEMA = {"type": "string", "description": "CSV UTF-8 avec BOM, décrit par son Table Schema."}


def _csv_response(request, table, query):
    params.check_known(request, query)
    response = HttpResponse(table.csv_bytes(query, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.name}.csv"'
    response["Link"] = f'<{request.build_absolute_uri(f"schemas/{table.name}.json")}>; rel="describedby"'
    return response


@_file_operation("/places.csv", "text/csv", CSV_SCHEMA, "Les monographies en CSV", "lieux", "placesCsv")
@decorate_view(gzip_page, DATA_CACHE)
def places_csv(request, query: Query[params.PlaceFilters]):
    return _csv_response(request, tables.PLACES, query)


@_file_operation("/impacts.csv", "text/csv", CSV_SCHEMA, "Les impacts en CSV", "impacts", "impactsCsv")
@decorate_view(gzip_page, DATA_CACHE)
def impacts_csv(request, query: Query[params.ImpactFilters]):
    return _csv_response(request, tables.IMPACTS, query)


@_file_operation("/evidence.csv", "text/csv", CSV_SCHEMA, "Les observations en CSV", "impacts", "evidenceCsv")
@decorate_view(gzip_page, DATA_CACHE)
def evidence_csv(request, query: Query[params.EvidenceFilters]):
    return _csv_response(request, tables.EVIDENCE, query)


@_file_operation(
    "/census.csv", "text/csv", CSV_SCHEMA, "Les tiers-lieux recensés en CSV", "recensements", "censusCsv"
)
@decorate_view(gzip_page, DATA_CACHE)
def census_csv(request, query: Query[params.CensusFilters]):
    return _csv_response(request, tables.CENSUS, query)


def _table_schema_operation(table):
    # One operation per file rather than a path parameter: an address is either a schema or not found.
    @api.get(
        f"/schemas/{table.name}.json",
        response={200: dict, **BAD_REQUEST},
        summary=f"Table Schema (frictionless) : {table.title}",
        tags=["schémas"],
        operation_id=f"tableSchema{table.name.title().replace('-', '')}",
    )
    @decorate_view(DATA_CACHE)
    def table_schema(request):
        params.check_known(request, None)
        return table.schema(request)

    return table_schema


for _table in tables.TABLES.values():
    _table_schema_operation(_table)


@api.get("/docs", include_in_schema=False)
def documentation(request):
    """The documentation page: the OpenAPI document, operation by operation, as plain HTML."""
    document = api.get_openapi_schema(path_prefix=request.path.removesuffix("docs").rstrip("/"))
    operations = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [_parameter(p, document) for p in operation.get("parameters", [])],
                    "responses": [
                        {
                            "status": status,
                            "description": response.get("description", ""),
                            "media_types": sorted(response.get("content", {})),
                        }
                        for status, response in operation.get("responses", {}).items()
                    ],
                }
            )
    return render(
        request,
        "api/docs.html",
        {
            "document": document,
            "operations": operations,
            "tables": tables.TABLES.values(),
            "max_limit": params.MAX_LIMIT,
        },
    )


def _parameter(parameter, document):
    schema = parameter.get("schema", {})
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    options = schema.get("anyOf", [schema])
    kinds, choices, pattern, bounds = [], [], "", []
    for option in options:
        if option.get("type") == "null":
            continue
        kinds.append(option.get("type", ""))
        choices += option.get("enum", [])
        pattern = pattern or option.get("pattern", "")
        if "minimum" in option or "maximum" in option:
            bounds.append(f"{option.get('minimum', '…')} – {option.get('maximum', '…')}")
    return {
        "name": parameter["name"],
        "in": parameter["in"],
        "required": parameter.get("required", False),
        "type": " | ".join(kinds),
        "choices": choices,
        "pattern": pattern,
        "bounds": ", ".join(bounds),
        "default": schema.get("default"),
        "description": parameter.get("description") or schema.get("description", ""),
    }
