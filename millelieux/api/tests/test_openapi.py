"""The API driven from its own OpenAPI description (schemathesis): for generated requests, valid and invalid,
no server error, only documented status codes and content types, and every response matching its schema."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from millelieux.api.api import api

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def test_the_openapi_document_lists_every_operation(client):
    document = client.get("/api/v1/openapi.json").json()

    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    for path in (
        "explorations",
        "fields",
        "places",
        "impacts",
        "evidence",
        "articles",
        "events",
        "partners",
        "census",
        "places.geojson",
        "census.geojson",
        "places.csv",
        "impacts.csv",
        "evidence.csv",
        "census.csv",
        "schemas/lieux-recenses.json",
    ):
        assert f"/api/v1/{path}" in paths
    for operations in document["paths"].values():
        assert "400" in operations["get"]["responses"]


@pytest.fixture
def connection_kept():
    """Requests go through Django's WSGI handler, which closes the database connection at the end of each
    request; the tests' data lives in an open transaction on it (as Django's test client, keep it open)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_generated_requests_get_documented_answers(case, study, connection_kept):
    # The WSGI client does not decompress: ask for plain bodies (gzip is tested in test_geojson).
    case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})


def test_the_openapi_document_is_made_once_per_address_prefix(client):
    served = client.get("/api/v1/openapi.json").json()
    document = api.get_openapi_schema(path_prefix="/api/v1")

    assert api.get_openapi_schema(path_prefix="/api/v1") is document  # made once, not at each request
    assert served == client.get("/api/v1/openapi.json").json()
    assert set(served["paths"]) == set(document["paths"])
    elsewhere = api.get_openapi_schema(path_prefix="/ailleurs/v1")
    assert sorted(elsewhere["paths"]) == sorted(
        p.replace("/api/v1", "/ailleurs/v1") for p in document["paths"]
    )
