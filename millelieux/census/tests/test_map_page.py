"""The national map page (/carte/): filters from the query string, counts that agree, the list, the statistics,
the bad values refused with a 400, the compact data of the interactive map, and the cache of both that never
outlives the census it was built from."""

import gzip
import json
import random
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from millelieux.census.models import Census, CensusEntry
from millelieux.core.tests.admin_helpers import login_administrator
from millelieux.core.tests.pages import assert_accessible_page
from millelieux.places.factories import make_place
from millelieux.territories.models import Commune, Department, Epci, Region
from millelieux.territories.outlines import encode

from .helpers import cget_row, import_file, write_cget

pytestmark = pytest.mark.django_db

URL = "/carte/"
DATA_URL = "/carte/donnees.json"


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test may leave the same counts and ids as the next."""
    cache.clear()
    yield
    cache.clear()


def square(west, south, size):
    return [
        (west, south),
        (west + size, south),
        (west + size, south + size),
        (west, south + size),
        (west, south),
    ]


@pytest.fixture
def territory():
    """Brittany (Rennes, a métropole, and Augan, a village) and Réunion (Saint-Denis)."""
    brittany = Region.objects.create(code="53", name="Bretagne", outline_coarse=encode([square(-5, 47, 4)]))
    reunion = Region.objects.create(
        code="04", name="La Réunion", outline_coarse=encode([square(55.2, -21.4, 0.6)])
    )
    ille = Department.objects.create(code="35", name="Ille-et-Vilaine", region=brittany)
    morbihan = Department.objects.create(code="56", name="Morbihan", region=brittany)
    reunion_department = Department.objects.create(code="974", name="La Réunion", region=reunion)
    metropole = Epci.objects.create(code="243500139", name="Rennes Métropole", kind="ME")
    village = Epci.objects.create(code="200000001", name="De l'Oust à Brocéliande", kind="CC")
    return {
        "rennes": Commune.objects.create(
            code="35238",
            name="Rennes",
            department=ille,
            epci=metropole,
            population=222485,
            size_class="100000 et plus",
            latitude=48.11,
            longitude=-1.68,
        ),
        "augan": Commune.objects.create(
            code="56006",
            name="Augan",
            department=morbihan,
            epci=village,
            population=1600,
            size_class="0-5000",
            latitude=47.92,
            longitude=-2.28,
        ),
        "saint_denis": Commune.objects.create(
            code="97411",
            name="Saint-Denis",
            department=reunion_department,
            population=153000,
            size_class="100000 et plus",
            latitude=-20.88,
            longitude=55.45,
        ),
    }


@pytest.fixture
def census():
    return Census.objects.create(
        slug="cget-2019",
        name="Base des tiers-lieux du CGET",
        publisher="CGET",
        licence="Licence Ouverte 2.0",
        attribution="Source : CGET, 2019",
    )


def add_entries(census, commune, typology, count, start=0, status=CensusEntry.Status.PRESENT):
    CensusEntry.objects.bulk_create(
        CensusEntry(
            census=census,
            external_id=f"{commune.code}-{typology}-{start + n}",
            name=f"Lieu {commune.name} {typology or 'inconnu'} {start + n:03d}",
            commune=commune,
            latitude=commune.latitude + n * 0.001,
            longitude=commune.longitude,
            typology=typology,
            status=status,
        )
        for n in range(count)
    )


@pytest.fixture
def entries(territory, census):
    add_entries(census, territory["rennes"], "coworking", 5)
    add_entries(census, territory["rennes"], "fablab", 3)
    add_entries(census, territory["augan"], "other", 2)
    add_entries(census, territory["saint_denis"], "", 1)
    add_entries(census, territory["augan"], "fablab", 4, start=100, status=CensusEntry.Status.GONE)
    return census


def option_count(html, name, value):
    """The count written in the option `value` of the select `name`."""
    select = html.split(f'name="{name}"')[1].split("</select>")[0]
    option = select.split(f'value="{value}"')[1].split("</option>")[0]
    return int(
        option.rsplit("(", 1)[1].rstrip(")").replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    )


def test_the_map_page_lists_every_present_entry_with_the_census_caveat_and_attribution(client, entries):
    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "11 lieux recensés correspondent aux filtres, sur 11." in html
    assert re.search(r"Aucun de ces recensements n(&#x27;|')est exhaustif", html)  # the caveat
    assert "Licence Ouverte 2.0" in html and "Source : CGET, 2019" in html
    assert "Lieu Augan fablab" not in html  # gone from the census
    assert_accessible_page(response)


def test_a_filter_narrows_the_results_and_every_count_takes_the_other_filters_into_account(client, entries):
    html = client.get(URL, {"typologie": "fablab"}).content.decode()

    assert "3 lieux recensés correspondent aux filtres, sur 11." in html
    # typology counts ignore the typology filter itself: they say what choosing each one would give
    assert option_count(html, "typologie", "coworking") == 5
    assert option_count(html, "typologie", "autre") == 2
    # the other filters count within the fablabs
    assert option_count(html, "region", "53") == 3
    assert option_count(html, "region", "04") == 0
    assert option_count(html, "metropole", "oui") == 3
    assert option_count(html, "taille", "0-5000") == 0


def test_filters_combine_and_stay_in_the_list_links(client, entries, territory, census):
    add_entries(census, territory["rennes"], "coworking", 60, start=10)

    html = client.get(URL, {"region": "53", "metropole": "oui", "typologie": "coworking"}).content.decode()

    assert "65 lieux recensés correspondent aux filtres, sur 71." in html
    assert 'href="?typologie=coworking&amp;region=53&amp;metropole=oui&amp;page=2#nm-list-title"' in html
    assert "Lieux 1 à 50 sur 65" in html


def test_the_second_page_of_the_list_shows_the_rest(client, entries, territory, census):
    add_entries(census, territory["rennes"], "coworking", 60, start=10)

    html = client.get(URL, {"typologie": "coworking", "page": "2"}).content.decode()

    assert "Lieux 51 à 65 sur 65" in html and "(page 2 sur 2)" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html
    # the first page has one address: the filters alone, or the map's own
    assert 'href="?typologie=coworking#nm-list-title" rel="prev"' in html
    add_entries(census, territory["rennes"], "fablab", 60, start=10)
    html = client.get(URL, {"page": "2"}).content.decode()
    assert 'href="/carte/#nm-list-title" rel="prev"' in html and "page=1" not in html
    assert 'href="?page=2#nm-list-title" rel="prev"' in client.get(URL, {"page": "3"}).content.decode()


def test_a_filter_with_no_result_says_so(client, entries):
    html = client.get(URL, {"region": "04", "typologie": "fablab"}).content.decode()

    assert "correspond" in html.split('id="nm-count"')[1].split("</p>")[0].split("0 lieu")[1]
    assert "Aucun lieu ne correspond à ces filtres." in html


@pytest.mark.parametrize(
    "query",
    [
        {"typologie": "tiers-lieu"},
        {"region": "99"},
        {"taille": "immense"},
        {"metropole": "peut-être"},
        {"typologie": "x" * 10_240},
        {"region": "<script>alert(1)</script>"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "deux"},
        {"page": "9" * 10_240},
        {"page": "99"},
    ],
)
def test_a_bad_filter_or_page_is_refused_with_a_400_and_a_message(client, entries, query):
    response = client.get(URL, query)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Filtre incorrect" in html and "Revenir à la carte nationale" in html
    assert "<script>alert(1)</script>" not in html
    main = html.split('<main id="contenu"')[1].split("</main>")[0]
    assert len(main) < 2_000  # a 10 KB value is not echoed back whole in the message


def test_a_filter_given_twice_is_refused(client, entries):
    response = client.get(URL + "?typologie=fablab&typologie=coworking")

    assert response.status_code == 400
    assert "plusieurs fois" in response.content.decode()


def test_an_empty_filter_means_no_filter_and_unknown_parameters_are_ignored(client, entries):
    html = client.get(URL, {"typologie": "", "utm_source": "lettre"}).content.decode()

    assert "11 lieux recensés correspondent aux filtres, sur 11." in html


def test_the_statistics_count_the_results_by_region_size_and_typology_with_the_monographs(
    client, entries, territory
):
    make_place(title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")

    html = client.get(URL).content.decode()

    region_table = html.split("<caption>Par région</caption>")[1].split("</table>")[0]
    brittany = region_table.split("Bretagne")[1].split("</tr>")[0]
    assert ">10<" in brittany and "<strong>1</strong>" in brittany
    size_table = html.split("<caption>Par taille de commune</caption>")[1].split("</table>")[0]
    assert "100 000 habitants et plus" in size_table and "moins de 5 000 habitants" in size_table
    assert "<caption>Par typologie</caption>" in html
    assert "Hôtel Pasteur" in html.split('id="nm-monographs-title"')[1]


def test_without_any_census_the_page_says_so(client, territory):
    response = client.get(URL)

    assert response.status_code == 200
    assert "Aucun recensement n'est chargé" in response.content.decode()


def test_the_page_reads_the_database_a_bounded_number_of_times(client, entries, territory, census):
    make_place(title="La Cantine", commune_code="56006", commune_name="Augan")
    client.get(URL)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    add_entries(census, territory["augan"], "coworking", 200, start=500)
    make_place(title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    with CaptureQueriesContext(connection) as cached:
        client.get(URL)

    assert len(many) == len(few) <= 12
    # built once: the next reader reads neither every entry nor their communes
    assert len(cached) <= len(many) - 2


def data_of(response):
    return json.loads(gzip.decompress(response.content))


def monographs_of(html):
    return json.loads(html.split('id="nm-monographs-data" type="application/json">')[1].split("</script>")[0])


def test_the_map_data_is_compact_and_lists_every_located_entry(client, entries, territory):
    response = client.get(DATA_URL, HTTP_ACCEPT_ENCODING="gzip")

    data = data_of(response)
    assert response["Content-Encoding"] == "gzip"
    assert len(data["entries"]) == 11
    coworking = data["choices"]["typologie"].index("coworking")
    assert sum(1 for entry in data["entries"] if entry[2] == coworking) == 5
    assert all(len(str(entry[0]).split(".")[-1]) <= 5 for entry in data["entries"])


def test_the_map_data_is_plain_json_for_a_client_without_gzip(client, entries):
    response = client.get(DATA_URL)

    assert "Content-Encoding" not in response
    assert len(json.loads(response.content)["entries"]) == 11


def test_the_monographs_of_the_map_are_written_in_the_page(client, entries, territory):
    make_place(title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes")

    monographs = monographs_of(client.get(URL).content.decode())

    assert monographs[0]["title"] == "Hôtel Pasteur" and monographs[0]["url"].startswith("/")
    assert len(str(monographs[0]["latitude"]).split(".")[-1]) <= 5


def test_the_page_points_to_the_data_of_its_version_which_the_browser_may_keep(client, entries):
    html = client.get(URL).content.decode()
    address = html.split('data-data-url="')[1].split('"')[0].replace("&amp;", "&")

    kept = client.get(address, HTTP_ACCEPT_ENCODING="gzip")
    other = client.get(DATA_URL, HTTP_ACCEPT_ENCODING="gzip")
    again = client.get(DATA_URL, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=other["ETag"])

    assert address.startswith(DATA_URL + "?v=")
    assert "immutable" in kept["Cache-Control"] and "max-age=31536000" in kept["Cache-Control"]
    assert "no-cache" in other["Cache-Control"] and other["ETag"] == kept["ETag"]
    assert "Accept-Encoding" in other["Vary"]
    assert again.status_code == 304 and again.content == b""


def counts_of(client):
    html = client.get(URL).content.decode()
    data = data_of(client.get(DATA_URL, HTTP_ACCEPT_ENCODING="gzip"))
    return (
        html.split('id="nm-count"')[1].split("</p>")[0],
        option_count(html, "typologie", "fablab"),
        len(data["entries"]),
        sum(1 for entry in data["entries"] if entry[2] == data["choices"]["typologie"].index("fablab")),
        html.split('data-data-url="')[1].split('"')[0],
    )


def test_an_import_is_seen_at_once_by_the_page_and_the_data(client, entries, tmp_path):
    before = counts_of(client)
    path = write_cget(
        tmp_path / "v1.csv",
        [cget_row(ID="n1", NOM_TL="Nouveau lieu"), cget_row(ID="n2", NOM_TL="Autre lieu", LAT="48.12")],
    )
    import_file(path, source="nouveau")
    added = counts_of(client)
    # a new version of the file: same rows, one changes its typology (no entry is added nor removed)
    write_cget(
        path,
        [
            cget_row(ID="n1", NOM_TL="Nouveau lieu", TYPO="Tiers lieux à dominante fablab"),
            cget_row(ID="n2", NOM_TL="Autre lieu", LAT="48.12"),
        ],
    )
    import_file(path, source="nouveau")
    changed = counts_of(client)

    assert "sur 11." in before[0] and "sur 13." in added[0] and "sur 13." in changed[0]
    assert (before[2], added[2], changed[2]) == (11, 13, 13)
    assert (added[1], added[3]) == (3, 3)
    assert (changed[1], changed[3]) == (4, 4)
    assert len({before[4], added[4], changed[4]}) == 3  # a new address of the data each time


def test_an_entry_corrected_in_the_admin_is_seen_at_once(client, entries):
    before = counts_of(client)
    entry = CensusEntry.objects.get(external_id="35238-coworking-0")
    login_administrator(client)
    response = client.post(
        reverse("census_entries:edit", args=(entry.pk,)),
        {"name": entry.name, "typology": "fablab", "website": "", "location_note": "", "status": "present"},
    )
    client.logout()
    after = counts_of(client)

    assert response.status_code == 302
    assert (before[1], before[3]) == (3, 3)
    assert (after[1], after[3]) == (4, 4)


def test_the_map_data_of_1512_entries_weighs_at_most_100_kb_gzipped(client, territory, census):
    # names and positions drawn like the CGET base's: a few words, spread over a commune's surroundings
    rng = random.Random(2019)
    words = [
        "Coworking",
        "Fablab",
        "La",
        "Fabrique",
        "Tiers-lieu",
        "Atelier",
        "Le",
        "Hub",
        "Maison",
        "Café",
        "du",
        "Numérique",
        "Espace",
        "Bureau",
        "Partagé",
        "Lab",
        "Ruche",
        "Cowork",
        "Village",
        "Station",
    ]
    communes = list(territory.values())
    CensusEntry.objects.bulk_create(
        CensusEntry(
            census=census,
            external_id=str(n),
            name=" ".join(rng.choice(words) for _word in range(rng.randint(2, 4))) + f" {n}",
            commune=(commune := rng.choice(communes)),
            latitude=commune.latitude + rng.uniform(-0.5, 0.5),
            longitude=commune.longitude + rng.uniform(-0.5, 0.5),
            typology=rng.choice(["coworking", "coworking", "fablab", "other", ""]),
        )
        for n in range(1512)
    )

    response = client.get(DATA_URL, HTTP_ACCEPT_ENCODING="gzip")

    assert len(json.loads(gzip.decompress(response.content))["entries"]) == 1512
    assert len(response.content) <= 100 * 1024


def test_the_basemap_is_geojson_of_the_regions(client, territory):
    data = json.loads(client.get("/carte/fond.json").content)

    assert data["type"] == "FeatureCollection"
    assert {feature["properties"]["name"] for feature in data["features"]} == {"Bretagne", "La Réunion"}
    assert data["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_the_map_page_only_answers_reading(client, entries):
    assert client.post(URL).status_code == 405


def test_in_a_static_export_the_pages_of_the_list_share_their_filters_and_statistics_yet_read_the_same(
    client, entries, territory, census
):
    """A static export renders the filters, the map and the statistics once per filter for all the pages of the
    list ({% crawl_fragment %} in the crawl's lasting memo): each page reads as the live site serves it."""
    from millelieux.core.routing import lasting_memo

    add_entries(census, territory["rennes"], "coworking", 120, start=10)
    addresses = [
        {},
        {"page": "2"},
        {"page": "3"},
        {"typologie": "coworking"},
        {"typologie": "coworking", "page": "2"},
        {"region": "53", "page": "2"},
    ]
    live = [client.get(URL, query).content for query in addresses]
    with lasting_memo():
        crawled = [client.get(URL, query).content for query in addresses]
    assert crawled == live


def test_in_a_static_export_the_entries_of_the_list_are_read_once_for_all_its_pages(
    client, entries, territory, census
):
    """A crawl writes every page of the list: it reads the rows of all entries once, where a reader's request
    reads only its page's (and the snapshot is unpickled from the cache once)."""
    from millelieux.core.routing import lasting_memo

    add_entries(census, territory["rennes"], "coworking", 120, start=10)
    table = CensusEntry._meta.db_table

    def entry_queries(queries):
        return [query for query in queries if table in query["sql"]]

    client.get(URL)
    with CaptureQueriesContext(connection) as live:
        client.get(URL, {"page": "2"})
    read_live = entry_queries(live)  # now: the next request empties the connection's log
    with lasting_memo():
        client.get(URL)
        with CaptureQueriesContext(connection) as crawled:
            later = [client.get(URL, {"page": page}).content.decode() for page in ("2", "3")]
        read_crawled = entry_queries(crawled)

    assert read_live
    assert not read_crawled
    assert "Lieux 51 à 100" in later[0] and "Lieux 101 à" in later[1]


def test_the_list_escapes_what_the_census_says(client, entries, census, territory):
    """A name or a commune label from an imported file is text, never markup."""
    CensusEntry.objects.create(
        census=census,
        external_id="balise",
        name='Le <b>Lab</b> & "Cie" d\'Augan',
        commune=None,
        commune_label="<script>alert(1)</script>",
        typology="fablab",
    )

    html = client.get(URL, {"typologie": "fablab"}).content.decode()

    assert '<th scope="row">Le &lt;b&gt;Lab&lt;/b&gt; &amp; &quot;Cie&quot; d&#x27;Augan</th>' in html
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in html
    assert "<script>alert(1)" not in html
