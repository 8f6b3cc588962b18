"""GeoJSON (RFC 7946) of the monographs and of the census: valid, [longitude, latitude], filtered, gzip."""

import gzip
import json

import geojson
import pytest

from millelieux.census.models import CensusEntry

pytestmark = pytest.mark.django_db


def collection(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/geo+json"
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    data = json.loads(content)
    parsed = geojson.loads(content)
    assert parsed.is_valid, parsed.errors()
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90
        assert feature["id"] == feature["properties"]["id"]
        assert feature["properties"]["url"].startswith("http")
    return data


def test_the_census_geojson_has_every_located_entry_in_longitude_latitude_order(client, cget, db):
    data = collection(client.get("/api/v1/census.geojson"))

    located = CensusEntry.objects.filter(latitude__isnull=False, longitude__isnull=False)
    assert len(data["features"]) == located.count() > 1400
    by_id = {entry.pk: entry for entry in located}
    for feature in data["features"]:
        entry = by_id[feature["id"]]
        assert feature["geometry"]["coordinates"] == [round(entry.longitude, 6), round(entry.latitude, 6)]
        assert feature["properties"]["name"] == entry.name
        assert feature["properties"]["typology"] == (entry.typology or None)


def test_mainland_entries_are_read_as_longitude_first(client, cget, db):
    data = collection(client.get("/api/v1/census.geojson", {"region": "53"}))

    assert data["features"]
    for feature in data["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -5.3 < longitude < -0.9 and 47.2 < latitude < 48.95  # Bretagne


def test_the_census_geojson_takes_the_list_filters(client, cget, db):
    data = collection(client.get("/api/v1/census.geojson", {"typology": "fablab", "bbox": "-2,47,3,49"}))

    expected = CensusEntry.objects.filter(
        typology="fablab", longitude__gte=-2, longitude__lte=3, latitude__gte=47, latitude__lte=49
    )
    assert {f["id"] for f in data["features"]} == set(expected.values_list("pk", flat=True))
    assert {f["properties"]["typology"] for f in data["features"]} == {"fablab"}


def test_the_census_geojson_is_served_gzip_when_the_client_accepts_it(client, cget, db):
    plain = client.get("/api/v1/census.geojson")
    compressed = client.get("/api/v1/census.geojson", HTTP_ACCEPT_ENCODING="gzip, deflate")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 4
    assert gzip.decompress(compressed.content) == plain.content
    collection(compressed)


def test_the_places_geojson_places_a_monograph_without_a_point_at_its_commune(client, study):
    data = collection(client.get("/api/v1/places.geojson"))

    features = {f["id"]: f for f in data["features"]}
    assert set(features) == {study.pasteur.pk, study.quincaillerie.pk, study.paris.pk}
    assert features[study.pasteur.pk]["geometry"]["coordinates"] == [-1.67403, 48.110431]
    assert features[study.pasteur.pk]["properties"]["located"] == "place"
    assert features[study.pasteur.pk]["properties"]["typology"] == "coworking"
    gueret = study.quincaillerie.commune
    assert features[study.quincaillerie.pk]["geometry"]["coordinates"] == [
        round(gueret.longitude, 6),
        round(gueret.latitude, 6),
    ]
    assert features[study.quincaillerie.pk]["properties"]["located"] == "commune"
    assert features[study.pasteur.pk]["properties"]["url"] == study.pasteur.full_url


def test_the_places_geojson_takes_the_list_filters(client, study):
    shari = collection(client.get("/api/v1/places.geojson", {"exploration": study.shari.pk}))
    limits = collection(client.get("/api/v1/places.geojson", {"impact_kind": "limit"}))

    assert [f["id"] for f in shari["features"]] == [study.paris.pk]
    assert [f["id"] for f in limits["features"]] == [study.pasteur.pk]
