"""Helpers for the page rendering tests of every app.

from millelieux.core.tests.pages import assert_accessible_page, get_page

response = get_page(client, place)            # GET the page's URL, assert 200, return the response
assert_accessible_page(response)              # lang, landmarks, one h1, headings in order, skip link
"""

import re
from html.parser import HTMLParser

from django.utils.encoding import iri_to_uri


class _Outline(HTMLParser):
    """Collects the heading levels and the landmark elements of a page."""

    def __init__(self):
        super().__init__()
        self.headings = []
        self.tags = []
        self.ids = []
        self.images_without_alt = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1


def outline(html):
    parser = _Outline()
    parser.feed(html)
    return parser


def url_of(page, language=None):
    """The relative URL of a page (percent-encoded, as a browser sends it), in French or under /en/."""
    from django.conf import settings
    from django.utils import translation

    # A request to /en/… leaves English active in the test's thread: name the language every time.
    with translation.override(language or settings.LANGUAGE_CODE):
        return iri_to_uri(page.url)


def get_page(client, page_or_url, status=200, language=None):
    url = page_or_url if isinstance(page_or_url, str) else url_of(page_or_url, language)
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def assert_accessible_page(response, lang="fr"):
    html = response.content.decode()
    assert f'<html lang="{lang}" ' in html or f'<html lang="{lang}">' in html
    assert 'class="skip-link" href="#contenu"' in html
    found = outline(html)
    for landmark in ("header", "main", "footer"):
        assert found.tags.count(landmark) >= 1, landmark
    assert found.tags.count("main") == 1
    assert found.headings and found.headings[0] == 1, found.headings
    assert found.headings.count(1) == 1, found.headings
    for previous, level in zip(found.headings, found.headings[1:], strict=False):
        assert level <= previous + 1, f"heading level jumps from h{previous} to h{level}: {found.headings}"
    duplicates = {i for i in found.ids if found.ids.count(i) > 1}
    assert not duplicates, duplicates
    assert found.images_without_alt == 0
    return html


def position(html, text):
    """Where `text` first appears in the body of `html` (fails if it does not). The head is not searched: its
    linked data names the page's items too, in no reading order."""
    index = html.find(text, max(html.find("<body"), 0))
    assert index >= 0, f"{text!r} not found"
    return index


def preview(obj, user=None):
    """Render `obj` (a page or a snippet) as the admin preview does, and return the HTML."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user or AnonymousUser()
    response = obj.serve_preview(request, obj.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    assert response.status_code == 200
    return response.content.decode()


def preview_new_page(parent, page):
    """Preview `page` as Wagtail's admin does while it is being created under `parent` (no pk yet)."""
    parent = type(parent).objects.get(pk=parent.pk)
    page.depth = parent.depth + 1
    page.path = (
        page._get_path(parent.path, page.depth, 1)
        if parent.is_leaf()
        else (parent.get_last_child()._inc_path())
    )
    return preview(page)
