"""The site of a request is the one Wagtail would choose (core.routing.find_site against Wagtail's own
get_site_for_hostname), whatever the sites configured."""

import pytest
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from millelieux.core.routing import find_site, site_for_request

pytestmark = pytest.mark.django_db

REQUESTS = [
    ("localhost", 80),
    ("localhost", 8000),
    ("example.org", 80),
    ("example.org", 8080),
    ("example.org", 9000),
    ("inconnu.example", 80),
]


def wagtails_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def assert_same_choices():
    for hostname, port in REQUESTS:
        expected = wagtails_choice(hostname, port)
        found = find_site(hostname, str(port))
        assert (found and found.pk) == (expected and expected.pk), (hostname, port)
        if found is not None:
            assert found.root_page.pk == expected.root_page.pk
            assert found.root_page.url_path == expected.root_page.url_path


def test_the_site_chosen_is_wagtails_as_sites_are_added_and_the_default_goes():
    root = Page.objects.get(depth=1)
    assert_same_choices()  # the site made by the migrations, the default one
    Site.objects.create(hostname="example.org", port=80, root_page=root)
    assert_same_choices()
    Site.objects.create(hostname="example.org", port=8080, root_page=root)
    assert_same_choices()
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    assert_same_choices()
    Site.objects.all().delete()
    assert find_site("localhost", "80") is None


def test_the_site_is_read_once_per_request_and_kept_where_wagtail_reads_it(rf, django_assert_num_queries):
    request = rf.get("/", SERVER_NAME="localhost")
    with django_assert_num_queries(1):
        site = site_for_request(request)
        assert site_for_request(request) is site
        assert Site.find_for_request(request) is site
    assert site.pk == wagtails_choice("localhost", 80).pk


def test_a_port_that_is_no_number_finds_the_default_site():
    found = find_site("localhost", "pas-un-port")
    assert found is not None and found.pk == wagtails_choice("localhost", None).pk
