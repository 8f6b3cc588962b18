"""The national map in a real browser, on the demo (the CGET 2019 base imported): clusters drawn by the script,
a filter that changes the counts, the address and the list together, the page readable without JavaScript,
no serious accessibility violation and no console error."""

import re

import pytest

from .support import run_axe, serious_violations

pytestmark = pytest.mark.browser

MAP = "/carte/"


def number(text):
    """The first whole number written in `text` (French grouping with a narrow space)."""
    return int(re.sub(r"\D", "", re.search(r"\d[\d\s\u202f\xa0]*", text).group(0)))


def open_map(tab, server, path=MAP):
    tab.page.goto(server.url(path))
    tab.page.wait_for_selector("#national-map[data-rendered]", timeout=15_000)


def test_the_map_draws_clusters_of_the_census_and_the_monographs(demo_server, desktop):
    open_map(desktop, demo_server)
    page = desktop.page

    clusters = page.locator(".nm-cluster")
    assert clusters.count() > 0
    drawn = sum(number(text) for text in clusters.all_inner_texts()) + page.locator("path.nm-point").count()
    assert drawn > 1000  # most of the 1,512 entries of the CGET base are in view at first
    assert page.locator(".nm-monograph").count() >= 8
    assert page.locator("[data-static-map]").is_hidden()

    # a cluster is a button: Enter on it zooms in, where its places split into smaller clusters or points
    before = sorted(clusters.evaluate_all("nodes => nodes.map(n => n.title)"))
    clusters.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(before) => JSON.stringify([...document.querySelectorAll('.nm-cluster')].map(n => n.title).sort())"
        " !== JSON.stringify(before)",
        arg=before,
    )
    assert page.locator(".nm-cluster, path.nm-point").count() > 0
    assert desktop.problems == []


def test_a_filter_changes_the_counts_the_address_and_the_list_together(demo_server, desktop):
    open_map(desktop, demo_server)
    page = desktop.page
    total = number(page.locator("#nm-count").inner_text())
    fablabs_offered = number(page.locator("#filtre-typologie option[value='fablab']").inner_text())

    page.select_option("#filtre-typologie", "fablab")
    page.wait_for_function("() => location.search === '?typologie=fablab'")
    page.wait_for_function(
        "(n) => document.querySelector('#nm-list-caption').textContent.replace(/\\D/g, ' ').includes(String(n))",
        arg=fablabs_offered,
    )

    assert number(page.locator("#nm-count").inner_text()) == fablabs_offered < total
    # the script's counts agree with the server's for the same address
    served = page.request.get(demo_server.url("/carte/?typologie=fablab")).text()
    assert str(fablabs_offered) in re.sub(
        r"[\u202f\xa0 ]", "", served.split('id="nm-count"')[1].split("</p>")[0]
    )
    region_options = page.locator("#filtre-region option").all_inner_texts()
    assert sum(number(text) for text in region_options[1:]) == fablabs_offered
    assert page.locator("table.nm-list tbody tr").count() == min(50, fablabs_offered)
    violations = serious_violations(run_axe(page))
    assert violations == []
    assert desktop.problems == []


def test_a_shared_address_opens_the_map_with_its_filters(demo_server, desktop):
    open_map(desktop, demo_server, "/carte/?metropole=oui&taille=100000-et-plus")

    assert desktop.page.locator("#filtre-metropole").input_value() == "oui"
    assert desktop.page.locator("#filtre-taille").input_value() == "100000-et-plus"
    assert desktop.page.locator(".nm-cluster, path.nm-point").count() > 0
    assert desktop.problems == []


def test_without_javascript_the_page_has_the_static_map_the_charts_and_the_list(demo_server, chromium):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(demo_server.url("/carte/?typologie=coworking&page=2"))

        assert page.locator("[data-static-map] svg .nm-region").count() >= 10
        assert page.locator("table.nm-bars caption").count() >= 3
        assert page.locator("table.nm-list tbody tr").count() == 50
        assert "(page 2 sur" in page.locator("#nm-list-caption").inner_text()
        assert "pas un recensement exhaustif" in page.content()
        assert "Licence Ouverte" in page.content()
    finally:
        context.close()


def test_on_a_phone_the_map_page_does_not_scroll_sideways(demo_server, phone):
    open_map(phone, demo_server)

    assert phone.page.evaluate("() => document.documentElement.scrollWidth") <= 375
    assert phone.problems == []
