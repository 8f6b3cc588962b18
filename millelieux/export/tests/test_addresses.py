"""Where each site address is written in the export, and how a link to it is written relative to its page."""

import pytest

from millelieux.export.links import (
    bake_pieces,
    fetched_by_script,
    file_for,
    html_links,
    html_pieces,
    links_in_pieces,
    relative_href,
)


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


PAGE = (
    '<html><head><link rel="preload" href="/carte/donnees.json?v=2" as="fetch" crossorigin>'
    '<link rel="preload" href="/static/f.woff2" as="font" type="font/woff2" crossorigin>'
    '<link rel="canonical" href="http://site.example/a/"></head>'
    '<body><a href="/a/?page=2&amp;x=1#top">A</a> <img src="/media/i.jpg" srcset="/media/i-1.jpg 1x, /media/i-2.jpg 2x"'
    ' alt="">'
    '<div style="background: url(/static/bg.png)"></div>'
    '<script id="d" type="application/json">{"url": "/a/", "n": "x"}</script>'
    '<a href="mailto:x@example.org">m</a></body></html>'
)


def test_a_page_cut_at_its_addresses_gives_back_the_page_when_nothing_is_rewritten():
    pieces = html_pieces(PAGE)
    baked = bake_pieces(pieces, lambda value, kind: None, lambda path: None)
    # the same page, but a preloaded data file becomes the script of its companion and a preloaded font goes
    expected = PAGE.replace(
        '<link rel="preload" href="/carte/donnees.json?v=2" as="fetch" crossorigin>',
        '<script src="/carte/donnees.json?v=2.js"></script>',
    ).replace('<link rel="preload" href="/static/f.woff2" as="font" type="font/woff2" crossorigin>', "")
    assert baked == expected
    assert sorted(links_in_pieces(pieces)) == sorted(html_links(PAGE))
    assert list(fetched_by_script(pieces)) == ["/carte/donnees.json?v=2"]


def test_a_page_cut_at_its_addresses_is_written_with_each_address_rewritten():
    seen = []

    def rewrite(value, kind):
        seen.append((kind, value))
        return None if value.startswith(("http", "mailto")) else f"NEW{value}"

    baked = bake_pieces(html_pieces(PAGE), rewrite, lambda path: f"DATA{path}")
    assert '<script src="NEW/carte/donnees.json?v=2.js"></script>' in baked
    assert 'href="NEW/a/?page=2&amp;x=1#top"' in baked  # escaped again as it was read: unescaped
    assert 'srcset="NEW/media/i-1.jpg 1x, NEW/media/i-2.jpg 2x"' in baked
    assert "url(NEW/static/bg.png)" in baked  # no quote added inside the attribute
    assert '{"url": "DATA/a/", "n": "x"}' in baked
    assert 'href="http://site.example/a/"' in baked and 'href="mailto:x@example.org"' in baked
    assert 'as="font"' not in baked
    assert ("srcset", "/media/i-2.jpg") in seen and ("css", "/static/bg.png") in seen
