"""The page a request routes to, read with written-out SQL (core.rawrows.specific_with_related and the route's
line of pages), is the one the ORM reads: same type, same values converted the same way, the related rows of
`route_select_related` cached on it, for every page type of the demo."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from millelieux.census.tests.helpers import make_communes
from millelieux.core import rawrows
from millelieux.core.routing import route, specific_for_reading
from millelieux.places.models import PlacePage
from millelieux.territories.models import Epci

pytestmark = pytest.mark.django_db


def values(instance):
    return {field.attname: getattr(instance, field.attname) for field in type(instance)._meta.concrete_fields}


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())
    communes = make_communes()
    epci = Epci.objects.create(code="243500139", name="Rennes Métropole")
    communes["rennes"].epci = epci
    communes["rennes"].save()
    places = list(PlacePage.objects.order_by("pk"))
    # one monograph in a commune of an EPCI, one in a commune without, the others in none
    places[0].commune = communes["rennes"]
    places[0].save()
    places[1].commune = communes["saint-malo"]
    places[1].save()
    return places


def test_every_page_is_read_as_the_orm_reads_it(demo):
    pages = Page.objects.filter(depth__gt=1).order_by("path")
    types = set()
    for page in pages:
        model = page.specific_class
        expected = model.objects.get(pk=page.pk)
        found = specific_for_reading(page)
        assert type(found) is model
        assert values(found) == values(expected), page.url_path
        # aware datetimes and parsed StreamFields, as the ORM gives them
        assert found.last_published_at == expected.last_published_at
        types.add(model.__name__)
    assert {"ExplorationPage", "PlacePage", "ImpactPage", "ArticlePage", "EventPage"} <= types


def test_a_monographs_commune_department_region_and_epci_come_with_it(demo):
    rennes_place, saint_malo_place, elsewhere = demo[0], demo[1], demo[2]
    related = PlacePage.route_select_related
    for place in (rennes_place, saint_malo_place, elsewhere):
        expected = PlacePage.objects.select_related(*related).get(pk=place.pk)
        page = Page.objects.get(pk=place.pk)
        with CaptureQueriesContext(connection) as queries:
            found = specific_for_reading(page)
        assert len(queries) == 1
        with CaptureQueriesContext(connection) as queries:
            commune = found.commune
            if commune is not None:
                assert values(commune) == values(expected.commune)
                assert values(commune.department) == values(expected.commune.department)
                assert values(commune.department.region) == values(expected.commune.department.region)
                assert (commune.epci and values(commune.epci)) == (
                    expected.commune.epci and values(expected.commune.epci)
                )
        assert len(queries) == 0, "the related rows were read with the page"
    assert specific_for_reading(Page.objects.get(pk=rennes_place.pk)).commune.epci.name == "Rennes Métropole"
    assert specific_for_reading(Page.objects.get(pk=saint_malo_place.pk)).commune.epci is None
    assert specific_for_reading(Page.objects.get(pk=elsewhere.pk)).commune is None


def test_a_missing_page_reads_as_none():
    assert rawrows.specific_with_related(PlacePage, 10**9, PlacePage.route_select_related) is None


def test_the_route_finds_each_page_and_its_line_of_ancestors(demo, rf):
    for place in demo[:3]:
        request = rf.get(place.url)
        page, args, kwargs = route(request, place.url)
        assert page.pk == place.pk and type(page) is PlacePage
        assert [ancestor.pk for ancestor in page._route_ancestors] == [
            ancestor.pk for ancestor in place.get_ancestors().filter(depth__gt=1)
        ]
    assert route(rf.get("/explorations/nulle-part/"), "/explorations/nulle-part/") is None
