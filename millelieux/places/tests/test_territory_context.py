"""The territory context of a monograph: its commune's size class and métropole, the census places within 10 and
30 km, and how its territory compares with the census as a whole; and the page when no census is loaded."""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.census.models import Census, CensusEntry
from millelieux.census.statistics import census_counts, distance_km
from millelieux.core.tests.pages import get_page
from millelieux.places.factories import make_place
from millelieux.territories.models import Commune, Department, Epci, Region

pytestmark = pytest.mark.django_db

RENNES = (48.1173, -1.6778)
KM_PER_DEGREE = 6371.0088 * math.pi / 180


def north(km, origin=RENNES):
    return origin[0] + km / KM_PER_DEGREE, origin[1]


def east(km, origin=RENNES):
    return origin[0], origin[1] + km / (KM_PER_DEGREE * math.cos(math.radians(origin[0])))


@pytest.fixture
def rennes():
    region = Region.objects.create(code="53", name="Bretagne")
    department = Department.objects.create(code="35", name="Ille-et-Vilaine", region=region)
    epci = Epci.objects.create(code="243500139", name="Rennes Métropole", kind="ME")
    return Commune.objects.create(
        code="35238",
        name="Rennes",
        department=department,
        epci=epci,
        population=222485,
        size_class="100000 et plus",
        latitude=RENNES[0],
        longitude=RENNES[1],
    )


@pytest.fixture
def village(rennes):
    return Commune.objects.create(
        code="35001",
        name="Acigné",
        department=rennes.department,
        population=4000,
        size_class="0-5000",
        latitude=48.13,
        longitude=-1.53,
    )


def entry(census, position, commune, n, status=CensusEntry.Status.PRESENT):
    return CensusEntry.objects.create(
        census=census,
        external_id=str(n),
        name=f"Lieu {n}",
        commune=commune,
        latitude=position[0],
        longitude=position[1],
        status=status,
    )


@pytest.fixture
def census(rennes, village):
    census = Census.objects.create(slug="cget-2019", name="Base CGET 2019")
    entry(census, north(5), rennes, 1)  # 5 km
    entry(census, east(9.9), rennes, 2)  # 9.9 km, east: the box is wider than high
    entry(census, north(20), village, 3)
    entry(census, east(-29.5), rennes, 4)
    entry(census, north(-31), rennes, 5)  # just outside 30 km
    entry(census, east(100), village, 6)
    entry(census, north(1), rennes, 7, status=CensusEntry.Status.GONE)  # gone: never counted
    return census


def nearby_counts(latitude, longitude, exclude=None):
    return census_counts(latitude, longitude, exclude=exclude)[3]


def test_the_haversine_distance_matches_known_distances():
    assert distance_km(48.8566, 2.3522, 45.7640, 4.8357) == pytest.approx(392, abs=2)  # Paris – Lyon
    assert distance_km(*RENNES, *north(10)) == pytest.approx(10, abs=0.001)
    assert distance_km(*RENNES, *east(10)) == pytest.approx(10, abs=0.01)


def test_census_places_are_counted_within_10_and_30_km(census):
    assert nearby_counts(*RENNES) == {10: 2, 30: 4}


def test_the_database_counts_the_same_neighbours_as_the_haversine_distance(census):
    for origin in (RENNES, north(12), east(-20), (48.13, -1.53)):
        by_distance = [
            distance_km(*origin, lat, lon)
            for lat, lon in CensusEntry.objects.filter(status="present").values_list("latitude", "longitude")
        ]
        expected = {radius: sum(1 for d in by_distance if d <= radius) for radius in (10, 30)}
        assert nearby_counts(*origin) == expected, origin


def test_without_a_point_the_census_is_counted_but_no_neighbours(census):
    by_class, metropole, total, nearby = census_counts()

    assert (total, metropole, nearby) == (6, 4, {})
    assert by_class == {"100000 et plus": 4, "0-5000": 2}


def test_the_matched_census_entry_is_not_counted_as_a_neighbour(census):
    first = CensusEntry.objects.get(external_id="1")

    assert nearby_counts(*RENNES, exclude=first.pk) == {10: 1, 30: 3}


def test_the_monograph_shows_its_territory_among_the_census_places(client, census, rennes):
    place = make_place(title="Hôtel Pasteur", commune_code="35238", latitude=RENNES[0], longitude=RENNES[1])

    html = get_page(client, place).content.decode()

    context = html.split('class="territory-context"')[1].split("</section>")[0]
    assert "100 000 habitants et plus" in context
    assert "oui : Rennes Métropole" in context
    assert "Lieux recensés à moins de 10 km</dt><dd>2 autres lieux" in context
    assert "Lieux recensés à moins de 30 km</dt><dd>4 autres lieux" in context
    # 4 of the 6 present entries are in Rennes, a commune of the same size class, and in a métropole
    assert (
        "66,7 % des lieux recensés sont, comme celui-ci, dans une commune de 100 000 habitants et plus"
        in context
    )
    assert "66,7 % des lieux recensés sont dans une métropole" in context
    assert 'href="/carte/"' in context


def test_a_place_without_coordinates_is_placed_at_its_town_hall(client, census, village):
    place = make_place(title="Un lieu à Acigné", commune_code="35001", latitude=None, longitude=None)

    context = place.territory_context()

    assert context.nearby == nearby_counts(village.latitude, village.longitude)
    assert not context.in_metropole
    assert context.same_class.count == 2 and context.same_class.value == "0-5000"


def test_without_a_census_the_monograph_says_so_and_renders(client, rennes):
    place = make_place(title="Hôtel Pasteur", commune_code="35238")

    response = get_page(client, place)

    context = response.content.decode().split('class="territory-context"')[1].split("</section>")[0]
    assert "Le recensement des tiers-lieux n'est pas chargé" in context
    assert "100 000 habitants et plus" in context


def test_without_territories_there_is_no_territory_context(client):
    place = make_place()

    assert 'class="territory-context"' not in get_page(client, place).content.decode()


def test_the_territory_context_costs_one_query(client, census, rennes):
    place = make_place(title="Hôtel Pasteur", commune_code="35238")
    get_page(client, place)

    with CaptureQueriesContext(connection) as queries:
        get_page(client, place)

    census_queries = [q["sql"] for q in queries.captured_queries if "census_censusentry" in q["sql"]]
    assert len(census_queries) == 1
    assert len(queries) <= 30  # the ceiling of demo/tests/test_query_counts.py


def test_a_static_export_counts_a_monograph_territory_once_for_every_language(client, census, rennes):
    """A crawl (its lasting memo) renders the monograph in French and in English: the census is counted once,
    and both pages show the same counts as a reader's request."""
    from millelieux.core.routing import lasting_memo

    place = make_place(title="Hôtel Pasteur", commune_code="35238", latitude=RENNES[0], longitude=RENNES[1])
    french, english = place.get_url(), "/en" + place.get_url()
    live = [client.get(address).content for address in (french, english)]
    assert all(b"territory-context" in page for page in live)

    with lasting_memo(), CaptureQueriesContext(connection) as queries:
        crawled = [client.get(address).content for address in (french, english)]
        census_queries = [q["sql"] for q in queries.captured_queries if "census_censusentry" in q["sql"]]

    assert crawled == live
    assert len(census_queries) == 1
