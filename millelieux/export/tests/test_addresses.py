"""Where each site address is written in the export, and how a link to it is written relative to its page."""

import pytest

from millelieux.export.links import file_for, relative_href


@pytest.mark.parametrize(
    ("path", "query", "content_type", "expected"),
    [
        ("/", "", "text/html; charset=utf-8", "index.html"),
        ("/explorations/mille-lieux/", "", "text/html", "explorations/mille-lieux/index.html"),
        ("/en/carte/", "page=2", "text/html", "en/carte/index.q-page=2.html"),
        ("/m/matrice/", "champ=a&nature=limit", "text/html", "m/matrice/index.q-champ=a_26nature=limit.html"),
        ("/carte/donnees.json", "v=1a2b", "application/json", "carte/donnees.q-v=1a2b.json"),
        ("/api/v1/census.csv", "", "text/csv", "api/v1/census.csv"),
        ("/api/v1/lieux", "", "application/json", "api/v1/lieux.json"),
        ("/citer/page", "", "text/html", "citer/page/index.html"),
        ("/explorations/%C3%A9t%C3%A9/", "", "text/html", "explorations/été/index.html"),
        ("/q/", "a=b_c d", "text/html", "q/index.q-a=b_5Fc_20d.html"),
    ],
)
def test_an_address_becomes_a_file_that_a_static_host_serves(path, query, content_type, expected):
    assert file_for(path, query, content_type) == expected


def test_links_are_relative_to_the_page_and_percent_encoded():
    assert relative_href("a/b/index.html", "a/c/index.html") == "../c/index.html"
    assert relative_href("index.html", "index.html", "contenu") == "index.html#contenu"
    assert relative_href("a/index.html", "été/index.html") == "../%C3%A9t%C3%A9/index.html"
