"""The documentation page (rendered from the OpenAPI document, nothing loaded from elsewhere) and the benchmark
command's refusals."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_the_documentation_page_lists_every_operation_and_its_parameters(client):
    document = client.get("/api/v1/openapi.json").json()
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    html = response.content.decode()
    for path, operations in document["paths"].items():
        assert f"GET {path}</code>" in html
        for parameter in operations["get"].get("parameters", []):
            assert f"<code>{parameter['name']}</code>" in html
    assert "<code>100000 et plus</code>" in html  # the choices of an enumerated filter
    assert 'href="schemas/lieux-recenses.json"' in html


def test_the_documentation_page_loads_nothing_from_another_site(client):
    html = client.get("/api/v1/docs").content.decode()

    assets = re.findall(r'<(?:script|link|img)\b[^>]*(?:src|href)="([^"]+)"', html)
    assert assets
    assert [url for url in assets if url.startswith(("http:", "https:", "//"))] == []
    assert "swagger" not in html.lower() and "cdn" not in html.lower()


def test_django_ninja_s_own_swagger_page_is_not_served(client):
    assert client.get("/api/v1/docs/").status_code == 404


@pytest.mark.parametrize("repeat", [0, -3, 1001])
def test_the_benchmark_refuses_a_number_of_runs_out_of_bounds(repeat):
    with pytest.raises(CommandError, match="--repeat"):
        call_command("benchmark_api", repeat=repeat, stdout=StringIO())
