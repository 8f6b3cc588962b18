"""GeoJSON (RFC 7946) of the monographs and of the census entries: a FeatureCollection of points, [longitude,
latitude] in WGS 84 degrees with six decimals (about 10 cm), the same filters as the JSON lists.

Built from `values()` rows rather than model instances: the census collection is the API's heaviest answer
(1,512 entries for the CGET base alone), and must stay fast (benchmark_api)."""

import json

from . import queries

COORDINATE_DECIMALS = 6


def _point(longitude, latitude):
    return {
        "type": "Point",
        "coordinates": [
            round(float(longitude), COORDINATE_DECIMALS),
            round(float(latitude), COORDINATE_DECIMALS),
        ],
    }


def collection(features):
    return {"type": "FeatureCollection", "features": features}


def dumps(data):
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def places(params, request):
    """Each published monograph at its own point, or its commune's town hall when it has none (said by
    `located`); a monograph with neither is left out."""
    explorations = queries.explorations_of(request)
    features = []
    for place in queries.ordered_places(params, request):
        commune = place.commune
        located = "place"
        latitude, longitude = place.latitude, place.longitude
        if latitude is None or longitude is None:
            located = "commune"
            latitude = commune.latitude if commune else None
            longitude = commune.longitude if commune else None
        if latitude is None or longitude is None:
            continue
        exploration = explorations.of(place.path)
        department = commune.department if commune and commune.department_id else None
        features.append(
            {
                "type": "Feature",
                "id": place.pk,
                "geometry": _point(longitude, latitude),
                "properties": {
                    "id": place.pk,
                    "name": place.title,
                    "url": queries.page_url(place, request),
                    "exploration": exploration.pk if exploration else None,
                    "commune_code": place.commune_code,
                    "commune": place.commune_name,
                    "department": department.code if department else None,
                    "region": department.region.code if department else None,
                    "size_class": commune.size_class if commune else "",
                    "typology": (place.census_entry.typology or None) if place.census_entry_id else None,
                    "opening_year": place.opening_year,
                    "located": located,
                },
            }
        )
    return collection(features)


def census(params, request):
    """Each census entry with coordinates; `monographs` lists the published monographs of the same place."""
    rows = (
        queries.ordered_census_entries(params, request)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values_list(
            "pk",
            "name",
            "census__slug",
            "external_id",
            "commune__code",
            "commune__name",
            "commune__department__code",
            "commune__department__region__code",
            "commune__size_class",
            "typology",
            "status",
            "website",
            "latitude",
            "longitude",
        )
    )
    map_url = queries.national_map_url(request)
    monographs = queries.monographs_of(request)
    features = [
        {
            "type": "Feature",
            "id": pk,
            "geometry": _point(longitude, latitude),
            "properties": {
                "id": pk,
                "name": name,
                "url": map_url,
                "census": census_slug,
                "external_id": external_id,
                "commune_code": commune_code,
                "commune": commune_name,
                "department": department,
                "region": region,
                "size_class": size_class or "",
                "typology": typology or None,
                "status": status,
                "website": website,
                "monographs": monographs.get(pk, []),
            },
        }
        for (
            pk,
            name,
            census_slug,
            external_id,
            commune_code,
            commune_name,
            department,
            region,
            size_class,
            typology,
            status,
            website,
            latitude,
            longitude,
        ) in rows
    ]
    return collection(features)


# The JSON Schema of the answer, for the OpenAPI description (and so for the property-based test).
FEATURE_COLLECTION_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"type": "string", "enum": ["FeatureCollection"]},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"type": "string", "enum": ["Feature"]},
                    "id": {"type": "integer"},
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {
                            "type": {"type": "string", "enum": ["Point"]},
                            "coordinates": {
                                "type": "array",
                                "minItems": 2,
                                "maxItems": 2,
                                "items": {"type": "number"},
                                "description": "[longitude, latitude] en degrés WGS 84.",
                            },
                        },
                    },
                    "properties": {
                        "type": "object",
                        "required": ["id", "name", "url"],
                        "properties": {
                            "id": {"type": "integer"},
                            "name": {"type": "string"},
                            "url": {"type": ["string", "null"]},
                        },
                    },
                },
            },
        },
    },
}
