"""A bad or unknown query parameter gets a 400 with a JSON message naming it: never a 500, never a silent guess."""

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "explorations",
    "fields",
    "places",
    "impacts",
    "evidence",
    "articles",
    "events",
    "partners",
    "census",
]
FILES = ["places.geojson", "census.geojson", "places.csv", "impacts.csv", "evidence.csv", "census.csv"]
LONG = "x" * 10_240


def assert_bad_request(response, parameter=None):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["message"]
    if parameter:
        assert parameter in body["message"]
        assert parameter in [error["parameter"] for error in body["errors"]]
    return body


@pytest.mark.parametrize("path", LISTS + FILES + ["schemas/lieux-recenses.json"])
def test_an_unknown_filter_is_refused_by_every_operation(client, path):
    body = assert_bad_request(client.get(f"/api/v1/{path}", {"regoin": "53"}), "regoin")

    assert "Paramètre inconnu" in body["message"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "params, parameter",
    [
        ({"offset": "1000000000"}, "offset"),
        ({"offset": str(2**64)}, "offset"),
        ({"offset": "-1"}, "offset"),
        ({"limit": "-5"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000"}, "limit"),
        ({"limit": "dix"}, "limit"),
        ({"ordering": "password"}, "ordering"),
        ({"ordering": LONG}, "ordering"),
    ],
)
def test_pagination_and_ordering_out_of_bounds_are_refused(client, path, params, parameter):
    assert_bad_request(client.get(f"/api/v1/{path}", params), parameter)


@pytest.mark.parametrize(
    "path", ["places", "evidence", "census", "places.geojson", "census.geojson", "census.csv"]
)
@pytest.mark.parametrize(
    "bbox",
    [
        "1,2,3",
        "1,2,3,4,5",
        "a,b,c,d",
        "-200,40,5,50",
        "-5,-95,5,50",
        "5,40,-5,50",  # west after east
        "nan,40,5,50",
        LONG,
        "",
    ],
)
def test_a_malformed_or_out_of_range_bbox_is_refused(client, path, bbox):
    assert_bad_request(client.get(f"/api/v1/{path}", {"bbox": bbox}), "bbox")


@pytest.mark.parametrize(
    "path, params, parameter",
    [
        ("places", {"region": LONG}, "region"),
        ("places", {"department": "3\x005"}, "department"),
        ("census", {"census": LONG}, "census"),
        ("census", {"census": "cget\x00"}, "census"),
        ("census", {"typology": "tiers-lieu"}, "typology"),
        ("census", {"size_class": LONG}, "size_class"),
        ("places", {"exploration": "mille-lieux"}, "exploration"),
        ("places", {"exploration": str(2**63)}, "exploration"),
        ("impacts", {"kind": "negative"}, "kind"),
        ("evidence", {"strength": "4"}, "strength"),
        ("census.csv", {"status": LONG}, "status"),
    ],
)
def test_a_bad_filter_value_is_refused_with_its_name(client, path, params, parameter):
    assert_bad_request(client.get(f"/api/v1/{path}", params), parameter)


def test_an_unknown_table_schema_is_not_found_or_refused(client):
    response = client.get("/api/v1/schemas/passwords.json")

    assert response.status_code in (400, 404)
    assert response.status_code != 500


def test_a_huge_unknown_parameter_name_is_refused_without_echoing_it_whole(client):
    response = client.get(f"/api/v1/places?{LONG}=1")

    body = assert_bad_request(response)
    assert LONG not in body["message"]
