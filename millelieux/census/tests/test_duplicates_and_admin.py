"""Probable duplicates (a grid, not every pair), decided in the admin; entries listed with their names escaped."""

import pytest
from django.urls import reverse

from millelieux.census.importing.duplicates import probable_duplicates
from millelieux.census.importing.text import name_key, similarity
from millelieux.census.models import CensusEntry, DuplicateCandidate
from millelieux.core.tests.admin_helpers import login_administrator

from .helpers import cget_row, import_file, write_cget


def test_names_compare_without_accents_case_or_leading_article():
    assert name_key("L'Hôtel Pasteur") == name_key("Hôtel  PASTEUR") == "hotel pasteur"
    assert similarity("Le Cent Sept", "Le Centsept") > 0.9
    assert similarity("La Ruche", "Le Garage") < 0.5


def test_duplicates_are_close_and_similarly_named_pairs_only():
    points = [
        (1, "Hôtel Pasteur", 48.110431, -1.67403),
        (2, "L'Hôtel Pasteur", 48.1104607, -1.6737282),  # ~20 m away
        (3, "Hôtel Pasteur", 48.1200, -1.6740),  # same name, 1 km away
        (4, "La Cantine", 48.11045, -1.67401),  # close, another name
        (5, "Hôtel Pasteur", None, None),
    ]

    pairs = list(probable_duplicates(points))

    assert [(a, b) for a, b, _distance, _score in pairs] == [(1, 2)]
    assert pairs[0][2] < 30 and pairs[0][3] == 1.0


def test_a_pair_across_a_cell_border_is_found():
    pairs = list(probable_duplicates([(1, "Le Local", 0.0004, 45.0), (2, "Le Local", -0.0004, 45.0)]))

    assert [(a, b) for a, b, *_ in pairs] == [(1, 2)]


@pytest.fixture
def pasteur(communes, tmp_path):
    path = write_cget(
        tmp_path / "pasteur.csv",
        [
            cget_row(ID="295", NOM_TL="L'Hôtel Pasteur"),
            cget_row(
                ID="1508", NOM_TL="Hôtel Pasteur", LAT="48.1104607", LONG="-1.6737282", CP="0", INSEECOM="0"
            ),
            cget_row(ID="3", NOM_TL='<script>alert("x")</script>La Cantine', LAT="48.2", LONG="-1.7"),
        ],
    )
    report, _ = import_file(path)
    return path, report


@pytest.mark.django_db
def test_the_import_lists_and_records_the_pair(pasteur):
    _path, report = pasteur

    assert report["duplicates"] == [["295", "1508"]]
    candidate = DuplicateCandidate.objects.get()
    assert {candidate.first.external_id, candidate.second.external_id} == {"295", "1508"}
    assert candidate.decision == DuplicateCandidate.Decision.OPEN


@pytest.mark.django_db
def test_a_dismissed_pair_is_not_proposed_again_by_a_later_import(pasteur, client):
    path, _report = pasteur
    login_administrator(client)
    candidate = DuplicateCandidate.objects.get()

    response = client.post(reverse("census_duplicates:decide", args=(candidate.pk,)), {"dismiss": "1"})
    again, _ = import_file(path)

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.decision == DuplicateCandidate.Decision.DISMISSED and candidate.decided_by is not None
    assert again["duplicates"] == []
    assert DuplicateCandidate.objects.count() == 1


@pytest.mark.django_db
def test_merging_keeps_one_entry_and_marks_the_other_gone_for_good(pasteur, client):
    path, _report = pasteur
    login_administrator(client)
    candidate = DuplicateCandidate.objects.get()
    keep = CensusEntry.objects.get(external_id="295")
    url = reverse("census_duplicates:decide", args=(candidate.pk,))

    page = client.get(url)
    response = client.post(url, {"keep": str(keep.pk)})
    again, _ = import_file(path)

    assert page.status_code == 200 and "L&#x27;Hôtel Pasteur" in page.content.decode()
    assert response.status_code == 302
    merged = CensusEntry.objects.get(external_id="1508")
    assert merged.status == CensusEntry.Status.GONE
    assert merged.extra["merged_into"] == "295"
    assert CensusEntry.objects.get(external_id="295").status == CensusEntry.Status.PRESENT
    assert DuplicateCandidate.objects.get().decision == DuplicateCandidate.Decision.MERGED
    assert (again["created"], again["updated"]) == (0, 0)
    assert CensusEntry.objects.get(external_id="1508").status == CensusEntry.Status.GONE


@pytest.mark.django_db
def test_the_duplicates_list_links_each_pair_to_its_decision(pasteur, client):
    login_administrator(client)
    candidate = DuplicateCandidate.objects.get()

    response = client.get(reverse("census_duplicates:index"))

    assert response.status_code == 200
    assert reverse("census_duplicates:decide", args=(candidate.pk,)) in response.content.decode()


@pytest.mark.django_db
def test_the_entries_list_escapes_html_in_names_and_filters_and_searches(pasteur, client):
    login_administrator(client)
    index = reverse("census_entries:index")

    listing = client.get(index).content.decode()
    searched = client.get(index, {"q": "Cantine"}).content.decode()
    filtered = client.get(index, {"typology": "fablab"}).content.decode()
    by_department = client.get(
        index, {"commune__department": CensusEntry.objects.first().commune.department_id}
    )

    assert '<script>alert("x")</script>' not in listing
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;La Cantine" in listing
    assert "La Cantine" in searched and "Pasteur" not in searched
    assert "Pasteur" not in filtered
    assert by_department.status_code == 200 and "Pasteur" in by_department.content.decode()


@pytest.mark.django_db
def test_the_entry_inspect_page_escapes_the_name(pasteur, client):
    login_administrator(client)
    entry = CensusEntry.objects.get(external_id="3")

    page = client.get(reverse("census_entries:inspect", args=(entry.pk,))).content.decode()

    assert "<script>alert" not in page and "&lt;script&gt;" in page
