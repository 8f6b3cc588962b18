"""The JSON lists: what each publishes, its filters, pagination, ordering, stable ids and public addresses."""

import pytest
from wagtail.models import Site

from millelieux.census.models import CensusEntry

pytestmark = pytest.mark.django_db


def get(client, path, **params):
    response = client.get(f"/api/v1/{path}", params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(data):
    return [record["id"] for record in data["results"]]


def test_places_lists_published_monographs_with_their_public_address(client, study):
    data = get(client, "places")

    assert set(ids(data)) == {study.pasteur.pk, study.quincaillerie.pk, study.paris.pk}
    assert data["count"] == 3
    pasteur = next(r for r in data["results"] if r["id"] == study.pasteur.pk)
    assert pasteur["url"] == study.pasteur.full_url
    assert pasteur["exploration"] == study.mille.pk
    assert pasteur["commune"] == {
        "code": "35238",
        "name": "Rennes",
        "department": "35",
        "region": "53",
        "size_class": "100000 et plus",
        "population": None,
    }
    assert (pasteur["latitude"], pasteur["longitude"]) == (48.110431, -1.67403)
    assert pasteur["activities"] == ["Coworking", "Fablab"]
    assert pasteur["census_entry"] == study.rennes_entry.pk


def test_places_can_be_read_page_by_page_without_overlap(client, study):
    first = get(client, "places", limit=2, ordering="title")
    second = get(client, first["next"].split("/api/v1/")[1])

    assert first["count"] == second["count"] == 3
    assert len(first["results"]) == 2 and len(second["results"]) == 1
    assert set(ids(first)).isdisjoint(ids(second))
    assert second["next"] is None
    assert get(client, second["previous"].split("/api/v1/")[1])["results"] == first["results"]


def test_places_are_ordered_by_a_whitelisted_field(client, study):
    by_year = ids(get(client, "places", ordering="-opening_year"))
    by_title = [r["title"] for r in get(client, "places", ordering="-title")["results"]]

    assert by_year[0] == study.quincaillerie.pk or by_year[0] == study.paris.pk  # 2015 before 2012
    assert by_year[-1] == study.pasteur.pk
    assert by_title == sorted(by_title, reverse=True)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"region": "53"}, ["pasteur"]),
        ({"department": "23"}, ["quincaillerie"]),
        ({"size_class": "100000 et plus"}, ["pasteur", "paris"]),
        ({"bbox": "-5.2,47.2,-1,48.9"}, ["pasteur"]),
        ({"typology": "coworking"}, ["pasteur"]),
        ({"impact_kind": "limit"}, ["pasteur"]),
    ],
)
def test_places_are_filtered(client, study, params, expected):
    assert set(ids(get(client, "places", **params))) == {getattr(study, name).pk for name in expected}


def test_places_are_filtered_by_exploration_and_field(client, study):
    assert set(ids(get(client, "places", exploration=study.shari.pk))) == {study.paris.pk}
    assert set(ids(get(client, "places", field=study.ecology.pk))) == {
        study.pasteur.pk,
        study.quincaillerie.pk,
    }
    assert set(ids(get(client, "places", field=study.work.pk, exploration=study.mille.pk))) == {
        study.pasteur.pk
    }
    assert get(client, "places", exploration=2**31 - 1)["count"] == 0


def test_impacts_carry_their_kind_fields_and_exploration(client, study):
    data = get(client, "impacts", exploration=study.mille.pk, ordering="title")

    assert ids(data) == [study.commons.pk, study.gentrification.pk]
    commons = data["results"][0]
    assert (commons["kind"], commons["fields"]) == ("positive", [study.ecology.pk])
    assert commons["url"] == study.commons.full_url
    assert ids(get(client, "impacts", kind="limit")) == [study.gentrification.pk]
    assert ids(get(client, "impacts", field=study.ecology.pk)) == [study.commons.pk]


def test_evidence_links_a_place_and_an_impact_with_its_source(client, study):
    data = get(client, "evidence", place=study.pasteur.pk, ordering="-strength")

    assert ids(data) == [study.strong.pk, study.weak.pk]
    strong = data["results"][0]
    assert (strong["place"], strong["impact"], strong["strength"]) == (study.pasteur.pk, study.commons.pk, 3)
    assert strong["source"]["url"] == "https://example.org/rapport"
    assert strong["url"] == study.pasteur.full_url
    assert set(ids(get(client, "evidence", impact_kind="positive", region="75"))) == {study.medium.pk}
    assert set(ids(get(client, "evidence", exploration=study.shari.pk))) == {study.shared.pk}
    assert set(ids(get(client, "evidence", field=study.ecology.pk, strength=2))) == {study.medium.pk}


def test_evidence_of_a_draft_place_is_not_published(client, study):
    from millelieux.impacts.factories import make_evidence

    make_evidence(study.draft, study.commons, text="Pas encore publié.")

    assert get(client, "evidence", impact=study.commons.pk)["count"] == 2


def test_articles_events_partners_and_fields_are_listed(client, study):
    articles = get(client, "articles")
    assert ids(articles) == [study.article.pk, study.essay.pk]  # newest first
    assert articles["results"][0]["places"] == [study.pasteur.pk]
    assert ids(get(client, "articles", field=study.ecology.pk)) == [study.article.pk]
    assert ids(get(client, "articles", kind="essay")) == [study.essay.pk]
    assert ids(get(client, "articles", place=study.pasteur.pk)) == [study.article.pk]

    events = get(client, "events", exploration=study.mille.pk)
    assert ids(events) == [study.event.pk]
    assert events["results"][0]["url"] == study.event.full_url

    partners = get(client, "partners")
    assert ids(partners) == [study.partner.pk]
    assert partners["results"][0]["explorations"] == [study.mille.pk]
    assert partners["results"][0]["url"] == study.mille.full_url + "partenaires/"

    fields = get(client, "fields", exploration=study.mille.pk)
    assert ids(fields) == [study.ecology.pk, study.work.pk]
    assert fields["results"][0]["url"].endswith(f"/matrice/?champ={study.ecology.slug}")

    explorations = get(client, "explorations", ordering="period_start")
    assert ids(explorations) == [study.shari.pk, study.mille.pk]


def test_census_lists_the_real_cget_entries_with_filters(client, cget, db):
    everything = get(client, "census", limit=500)
    assert everything["count"] == CensusEntry.objects.count() == cget.created
    assert len(everything["results"]) == 500

    brittany = get(client, "census", region="53", limit=500)
    expected = CensusEntry.objects.filter(commune__department__region__code="53").count()
    assert brittany["count"] == expected > 10
    assert {r["commune"]["region"] for r in brittany["results"]} == {"53"}

    fablabs = get(client, "census", typology="fablab", department="35")
    assert (
        fablabs["count"]
        == CensusEntry.objects.filter(typology="fablab", commune__department__code="35").count()
    )
    assert {r["typology"] for r in fablabs["results"]} == {"fablab"}

    inside = get(client, "census", bbox="-1.75,48.05,-1.6,48.15", limit=500)
    assert inside["count"] > 0
    assert all(-1.75 <= r["longitude"] <= -1.6 and 48.05 <= r["latitude"] <= 48.15 for r in inside["results"])

    unknown = get(client, "census", typology="unknown")
    assert unknown["count"] == CensusEntry.objects.filter(typology="").count()


def test_census_entries_say_which_monographs_describe_them(client, study):
    data = get(client, "census", exploration=study.mille.pk)

    assert ids(data) == [study.rennes_entry.pk]
    assert data["results"][0]["monographs"] == [study.pasteur.pk]
    assert data["results"][0]["url"] == Site.objects.get(is_default_site=True).root_url + "/carte/"
    assert data["results"][0]["census"] == "cget-2019"


def test_the_api_answers_in_french_addresses_whatever_the_client_language(client, study):
    data = client.get("/api/v1/places", HTTP_ACCEPT_LANGUAGE="en").json()

    assert all("/en/" not in record["url"] for record in data["results"])


def test_a_page_of_500_census_entries_is_read_in_a_fixed_number_of_queries(
    client, cget, db, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        data = get(client, "census", limit=500)

    assert len(data["results"]) == 500


def test_the_places_list_does_not_query_once_per_place(client, study, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        data = get(client, "places")

    assert data["count"] == 3
