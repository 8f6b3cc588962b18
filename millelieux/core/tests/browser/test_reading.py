"""A reader in a real browser: journeys between places and impacts with the mouse, the keyboard and a
phone; every page type checked by axe-core and the Nu HTML Checker, with no console error, and
photographed at 375 and 1280 pixels (artifacts/screenshots/)."""

import re
import xml.etree.ElementTree as ElementTree

import pytest

from .support import ARTIFACTS, nu_html_errors, run_axe, serious_violations

pytestmark = pytest.mark.browser


def page_types(server, tab):
    """One URL per page type of the demo, {body class: url}, found through the sitemap."""
    tree = ElementTree.fromstring(_fetch(server.url("/sitemap.xml")))
    urls = [node.text for node in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    urls.append("/carte/")  # the national map is a plain view, not a Wagtail page of the sitemap
    found = {}
    for url in urls:
        path = re.sub(r"^https?://[^/]+", "", url)
        response = tab.page.goto(server.url(path))
        assert response.status == 200, path
        kind = tab.page.evaluate("() => document.body.className").split()[0]
        found.setdefault(kind, path)
    return found


def _fetch(url):
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


@pytest.fixture(scope="module")
def type_urls(demo_server, chromium):
    from millelieux.conftest import Tab

    context = chromium.new_context()
    try:
        return page_types(demo_server, Tab(context))
    finally:
        context.close()


def test_the_demo_has_every_page_type(type_urls):
    expected = {
        "page-home",
        "page-exploration-index",
        "page-exploration",
        "page-partners",
        "page-matrix",
        "page-place-index",
        "page-place",
        "page-impact-index",
        "page-impact",
        "page-article-index",
        "page-article",
        "page-event",
        "page-national-map",
    }
    assert expected <= set(type_urls), sorted(type_urls)


def test_every_page_type_has_no_serious_accessibility_violation_nor_console_error(
    demo_server, desktop, phone, type_urls
):
    shots = ARTIFACTS / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    report = {}
    for kind, path in sorted(type_urls.items()):
        for name, tab in (("1280", desktop), ("375", phone)):
            tab.page.goto(demo_server.url(path))
            tab.page.screenshot(path=str(shots / f"{kind}-{name}.png"), full_page=True)
        violations = serious_violations(run_axe(desktop.page))
        if violations:
            report[path] = violations
    assert report == {}
    assert desktop.problems == [] and phone.problems == []


def test_every_page_type_is_valid_html(demo_server, tmp_path, type_urls):
    files = []
    for kind, path in sorted(type_urls.items()):
        target = tmp_path / f"{kind}.html"
        target.write_bytes(_fetch(demo_server.url(path)))
        files.append(target)

    assert nu_html_errors(files) == {}


def test_a_reader_goes_from_an_impact_to_a_place_where_it_shows_and_on_to_another_impact(
    demo_server, desktop
):
    page = desktop.page
    page.goto(demo_server.url("/"))
    page.get_by_role("navigation", name=re.compile("^Exploration")).get_by_role(
        "link", name=re.compile("^Impacts", re.I)
    ).first.click()
    assert page.locator("body.page-impact-index").count() == 1

    page.locator("main a[href*='/impacts/']").first.click()
    assert page.locator("body.page-impact").count() == 1
    impact_title = page.locator("h1").inner_text()

    page.locator(".evidence__title a").first.click()
    assert page.locator("body.page-place").count() == 1
    assert page.locator("#fiche-technique").is_visible() and page.locator("#frise").is_visible()
    # The place lists the impact we came from, and others: go on to another one.
    titles = page.locator("#impacts .evidence__title a").all_inner_texts()
    assert impact_title in titles and len(titles) >= 2
    other = next(title for title in titles if title != impact_title)
    page.locator("#impacts .evidence__title a", has_text=other).first.click()
    assert page.locator("h1").inner_text() == other
    # On to the matrix, a filled cell, and back to the place where that evidence shows.
    page.get_by_role("navigation", name=re.compile("^Exploration")).get_by_role(
        "link", name="Lieux × impacts"
    ).click()
    assert page.locator("body.page-matrix table caption").count() == 1
    cell = page.locator("table td a").first
    target = cell.get_attribute("href")
    cell.click()
    assert page.locator("body.page-place").count() == 1
    anchor = target.split("#", 1)[1]
    assert page.evaluate("() => location.hash") == f"#{anchor}"
    assert page.locator(f"[id='{anchor}']").is_visible()
    assert desktop.problems == []


def test_a_keyboard_user_skips_to_the_content_and_follows_links_without_a_mouse(demo_server, desktop):
    page = desktop.page
    page.goto(demo_server.url("/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert re.search("contenu", focused, re.I), focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") in ("#contenu", "#main", "#content")
    # Tab from the content to the first link of the page body, and open it with Enter.
    for _step in range(40):
        page.keyboard.press("Tab")
        inside_main = page.evaluate(
            "() => !!document.activeElement.closest('main') && document.activeElement.tagName === 'A'"
        )
        if inside_main:
            break
    else:
        pytest.fail("no link of the content reached with Tab")
    target = page.evaluate("() => document.activeElement.href")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    assert desktop.problems == []


def test_the_site_has_a_favicon_that_every_page_names(demo_server, desktop, type_urls):
    response = desktop.page.goto(demo_server.url("/favicon.ico"))
    assert response.status == 200 and response.headers["content-type"].startswith("image/")
    for path in type_urls.values():
        desktop.page.goto(demo_server.url(path))
        icon = desktop.page.locator("link[rel~='icon']").first.get_attribute("href")
        assert desktop.page.request.get(demo_server.url(icon)).status == 200


def test_on_a_phone_no_page_type_scrolls_sideways(demo_server, phone, type_urls):
    wide = {}
    for path in type_urls.values():
        phone.page.goto(demo_server.url(path))
        width = phone.page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            wide[path] = width
    assert wide == {}
    assert phone.problems == []
