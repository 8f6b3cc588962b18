"""A crawl reads what every page shows alike once (core.routing.lasting_memo, {% crawl_fragment %}): each page
it renders must still be, byte for byte, the page the live site serves at the same address."""

from urllib.parse import urlsplit

import pytest
from django.utils import translation

from millelieux.export.crawler import Crawler

pytestmark = pytest.mark.django_db


def test_every_page_of_the_demo_rendered_in_a_crawl_is_the_live_page(demo, client):
    crawler = Crawler()
    resources = crawler.crawl(["/sitemap.xml", *crawler.page_urls()])
    host = urlsplit(crawler.origin).netloc

    pages = [resource for resource in resources.values() if resource.is_page and resource.status == 200]
    for resource in pages:
        with translation.override(translation.get_language()):  # a request to /en/… leaves English active
            live = client.get(
                resource.path + (f"?{resource.query}" if resource.query else ""), HTTP_HOST=host
            )
        assert live.status_code == 200, resource.path
        assert live.content == resource.body, f"{resource.path}?{resource.query}"
    # every kind of page: the home page, an exploration, its indexes, monographs, the matrix and its filters, the
    # national map, in both languages
    assert len(pages) > 60
    assert any(resource.path.startswith("/en/") for resource in pages)
    assert any(resource.path.endswith("/carte/") for resource in pages)
    assert any("matrice" in resource.path and resource.query for resource in pages)
