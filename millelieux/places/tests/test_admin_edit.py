"""Editing monographs in the admin, as an editor: create, draft, publish, preview, schedule, and bad input."""

from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from millelieux.core.tests.admin_helpers import (
    add_url,
    edit_preview_url,
    edit_url,
    field_errors,
    inline_errors,
    login_administrator,
    login_editor,
    page_data,
    post,
    snippet_url,
)
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.impacts.models import Evidence
from millelieux.places.factories import make_activity, make_place, make_place_index
from millelieux.places.models import (
    Activity,
    PlacePage,
    RevenueShare,
    Stakeholder,
    TimelineEvent,
)
from millelieux.territories.models import Commune

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def gueret():
    """The commune the monographs of these tests are in: chosen in the form, never typed."""
    return Commune.objects.get_or_create(code="23096", defaults={"name": "Guéret", "population": 12926})[0]


def timeline_row(start_year="2012", title="Ouverture du lieu", end_year="", kind="opening", **extra):
    return {
        "start_year": str(start_year),
        "start_month": "",
        "end_year": str(end_year),
        "title": title,
        "text": "",
        "kind": kind,
        "source": "",
        **extra,
    }


def stakeholder_row(name="Ville de Guéret", kind="public_authority", **extra):
    return {
        "name": name,
        "kind": kind,
        "scale": "local",
        "relation": "Met le bâtiment à disposition.",
        "source": "",
        **extra,
    }


def revenue_row(source="Location d'espaces", percent="60", **extra):
    return {"source": source, "percent": str(percent), **extra}


def evidence_row(impact, text="Un atelier partagé ouvert aux habitants.", **extra):
    return {"impact": str(impact.pk), "text": text, "quote": "", "source": "", "strength": "2", **extra}


def place_data(
    title="La Coroutine",
    revenue=(),
    timeline=(),
    stakeholders=(),
    evidence=(),
    fact_sources=(),
    initial=None,
    **fields,
):
    """POST data of the monograph form; `initial` gives the number of existing rows of inline relations."""
    initial = initial or {}
    values = {
        "summary": "Un tiers-lieu dans une ancienne quincaillerie.",
        # Guéret, created if the calling test has no territories loaded (place_data is shared by other suites).
        "commune": str(
            Commune.objects.get_or_create(code="23096", defaults={"name": "Guéret", "population": 12926})[
                0
            ].pk
        ),
        "address": "2 rue de la Gare",
        "latitude": "46.171",
        "longitude": "1.8714",
        "opening_year": "2015",
        "legal_form": "Association loi 1901",
        "governance": "Un conseil collégial.",
        "surface_m2": "800",
        "members_count": "150",
        "team_size": "4",
        "business_model": "Des locations et des prestations.",
        "website": "https://example.org",
        "body": streamfield([("heading", "Les débuts"), ("paragraph", rich_text("<p>Une histoire.</p>"))]),
        "revenue_shares": inline_formset(list(revenue), initial=initial.get("revenue_shares", 0)),
        "timeline_events": inline_formset(list(timeline), initial=initial.get("timeline_events", 0)),
        "stakeholders": inline_formset(list(stakeholders), initial=initial.get("stakeholders", 0)),
        "evidence": inline_formset(list(evidence), initial=initial.get("evidence", 0)),
        "fact_sources": inline_formset(list(fact_sources), initial=initial.get("fact_sources", 0)),
    }
    values.update(fields)
    return page_data(title, **values)


def counts():
    return {
        "places": PlacePage.objects.count(),
        "revisions": Revision.objects.count(),
        "timeline": TimelineEvent.objects.count(),
        "stakeholders": Stakeholder.objects.count(),
        "revenue": RevenueShare.objects.count(),
        "evidence": Evidence.objects.count(),
    }


def live_values(page):
    fresh = PlacePage.objects.get(pk=page.pk)
    return {
        "title": fresh.title,
        "summary": fresh.summary,
        "latitude": fresh.latitude,
        "longitude": fresh.longitude,
        "opening_year": fresh.opening_year,
        "commune_code": fresh.commune_code,
        "slug": fresh.slug,
        "revisions": fresh.revisions.count(),
        "timeline": list(fresh.timeline_events.values_list("start_year", "end_year", "title")),
        "revenue": list(fresh.revenue_shares.values_list("source", "percent")),
        "evidence": list(fresh.evidence.values_list("impact_id", "text")),
    }


# -- creating and editing ------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_monograph_with_its_timeline_stakeholders_revenue_and_evidence(client):
    login_editor(client)
    index = make_place_index()
    impact = make_impact(index.exploration)
    make_activity("Fablab")
    fablab = Activity.objects.get(name="Fablab")

    response = post(
        client,
        add_url(PlacePage, index),
        place_data(
            "La Coroutine",
            activities=(str(fablab.pk),),
            revenue=[revenue_row("Location d'espaces", 60), revenue_row("Subventions", 40)],
            timeline=[
                timeline_row(2012, "Premières réunions", kind="origin"),
                timeline_row(2014, "Travaux", end_year=2015, kind="building"),
            ],
            stakeholders=[stakeholder_row(), stakeholder_row("Réseau régional", "network")],
            evidence=[evidence_row(impact, "Des habitants y réparent leurs objets.")],
        ),
    )

    place = PlacePage.objects.get(title="La Coroutine")
    assert response.status_code == 302
    assert response["Location"] == edit_url(place)
    assert place.get_parent().pk == index.pk
    assert not place.live and place.has_unpublished_changes
    assert place.revisions.count() == 1
    assert place.commune_code == "23096" and place.latitude == Decimal("46.171")
    assert list(place.activities.all()) == [fablab]
    assert list(place.revenue_shares.values_list("source", "percent")) == [
        ("Location d'espaces", 60),
        ("Subventions", 40),
    ]
    assert [(e.start_year, e.end_year, e.kind) for e in place.chronology()] == [
        (2012, None, "origin"),
        (2014, 2015, "building"),
    ]
    assert set(place.stakeholders.values_list("name", "kind")) == {
        ("Ville de Guéret", "public_authority"),
        ("Réseau régional", "network"),
    }
    evidence = Evidence.objects.get()
    assert (evidence.place_id, evidence.impact_id) == (place.pk, impact.pk)
    assert evidence.text == "Des habitants y réparent leurs objets."
    assert [block.block_type for block in place.body] == ["heading", "paragraph"]


def test_publishing_an_edited_monograph_updates_its_rows_in_place(client):
    login_administrator(client)
    place = make_place(
        title="La Coroutine",
        revenue_shares=[{"source": "Location", "percent": 50}],
        stakeholders=[
            {"name": "Ville", "kind": "public_authority"},
            {"name": "Ancien partenaire", "kind": "partner"},
        ],
    )
    share = place.revenue_shares.get()
    kept, dropped = place.stakeholders.order_by("sort_order")

    response = post(
        client,
        edit_url(place),
        place_data(
            "La Coroutine (Guéret)",
            slug=place.slug,
            initial={"revenue_shares": 1, "stakeholders": 2},
            revenue=[revenue_row("Location d'espaces", 70, id=str(share.pk))],
            stakeholders=[
                stakeholder_row("Ville de Guéret", id=str(kept.pk)),
                stakeholder_row("Ancien partenaire", "partner", id=str(dropped.pk), DELETE="1"),
            ],
            timeline=[timeline_row(2016, "Une fête d'ouverture", kind="event")],
        ),
        publish=True,
    )

    assert response.status_code == 302
    place.refresh_from_db()
    assert place.title == "La Coroutine (Guéret)" and not place.has_unpublished_changes
    assert list(place.revenue_shares.values_list("pk", "source", "percent")) == [
        (share.pk, "Location d'espaces", 70)
    ]
    assert list(place.stakeholders.values_list("pk", "name")) == [(kept.pk, "Ville de Guéret")]
    assert list(place.timeline_events.values_list("title", flat=True)) == ["Une fête d'ouverture"]


def test_a_preview_of_invalid_data_is_refused(client):
    login_editor(client)
    place = make_place()

    response = post(client, edit_preview_url(place), place_data(place.title, slug=place.slug, latitude="123"))

    assert response.json()["is_valid"] is False


def test_an_editor_adds_and_renames_an_activity(client):
    login_editor(client)

    response = client.post(snippet_url(Activity, "add"), {"name": "Fablab"})

    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.name == "Fablab"

    response = client.post(snippet_url(Activity, "edit", activity.pk), {"name": "Atelier de fabrication"})

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.name == "Atelier de fabrication"


def test_it_rejects_an_activity_whose_name_is_taken(client):
    login_editor(client)
    make_activity("Fablab")

    response = client.post(snippet_url(Activity, "add"), {"name": "Fablab"})

    assert "name" in field_errors(response)
    assert Activity.objects.count() == 1


# -- bad input: a field-level error, and nothing saved -------------------------------------------------------


@pytest.mark.parametrize(
    "field, value",
    [("latitude", "91"), ("latitude", "-90.5"), ("longitude", "180.01"), ("longitude", "-200")],
)
def test_it_rejects_coordinates_out_of_range_on_a_new_monograph(client, field, value):
    login_editor(client)
    index = make_place_index()
    before = counts()

    response = post(client, add_url(PlacePage, index), place_data(**{field: value}))

    errors = field_errors(response)
    assert list(errors) == [field]
    assert "comprise entre" in errors[field][0]
    assert counts() == before


def test_it_rejects_a_latitude_out_of_range_on_a_monograph_being_edited(client):
    login_administrator(client)
    place = make_place()
    before = live_values(place)

    response = post(
        client, edit_url(place), place_data(place.title, slug=place.slug, latitude="95"), publish=True
    )

    assert list(field_errors(response)) == ["latitude"]
    assert live_values(place) == before


def test_it_rejects_a_latitude_without_its_longitude(client):
    login_editor(client)
    index = make_place_index()

    response = post(client, add_url(PlacePage, index), place_data(longitude=""))

    assert "longitude" in field_errors(response)
    assert not PlacePage.objects.exists()


def test_it_rejects_an_opening_year_in_the_future(client):
    login_editor(client)
    place = make_place(opening_year=2015)
    before = live_values(place)
    next_year = timezone.now().year + 1

    response = post(
        client, edit_url(place), place_data(place.title, slug=place.slug, opening_year=str(next_year))
    )

    errors = field_errors(response)
    assert list(errors) == ["opening_year"]
    assert str(next_year) in errors["opening_year"][0]
    assert live_values(place) == before


def test_it_rejects_a_timeline_period_ending_before_it_starts(client):
    login_editor(client)
    index = make_place_index()
    before = counts()

    response = post(
        client,
        add_url(PlacePage, index),
        place_data(timeline=[timeline_row(2012, "Ouverture"), timeline_row(2016, "Travaux", end_year=2014)]),
    )

    assert inline_errors(response, "timeline_events", 0) == {}
    assert "end_year" in inline_errors(response, "timeline_events", 1)
    assert counts() == before


def test_it_rejects_a_timeline_step_in_the_future(client):
    login_editor(client)
    place = make_place()
    before = live_values(place)

    response = post(
        client,
        edit_url(place),
        place_data(
            place.title, slug=place.slug, timeline=[timeline_row(timezone.now().year + 2, "Extension")]
        ),
    )

    assert "start_year" in inline_errors(response, "timeline_events", 0)
    assert live_values(place) == before


def test_it_rejects_revenue_shares_summing_over_one_hundred_percent(client):
    login_editor(client)
    index = make_place_index()
    before = counts()

    response = post(
        client,
        add_url(PlacePage, index),
        place_data(revenue=[revenue_row("Location", 70), revenue_row("Subventions", 50)]),
    )

    for row in (0, 1):
        errors = inline_errors(response, "revenue_shares", row)
        assert "percent" in errors and "120" in errors["percent"][0]
    assert counts() == before


def test_it_rejects_revenue_shares_over_one_hundred_percent_on_a_monograph_being_edited(client):
    login_administrator(client)
    place = make_place(revenue_shares=[{"source": "Location", "percent": 60}])
    share = place.revenue_shares.get()
    before = live_values(place)

    response = post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            initial={"revenue_shares": 1},
            revenue=[revenue_row("Location", 60, id=str(share.pk)), revenue_row("Prestations", 41)],
        ),
        publish=True,
    )

    assert "percent" in inline_errors(response, "revenue_shares", 1)
    assert live_values(place) == before


def test_a_deleted_revenue_share_does_not_count_in_the_total(client):
    login_administrator(client)
    place = make_place(revenue_shares=[{"source": "Location", "percent": 60}])
    share = place.revenue_shares.get()

    response = post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            initial={"revenue_shares": 1},
            revenue=[
                revenue_row("Location", 60, id=str(share.pk), DELETE="1"),
                revenue_row("Prestations", 100),
            ],
        ),
        publish=True,
    )

    assert response.status_code == 302
    assert list(place.revenue_shares.values_list("source", "percent")) == [("Prestations", 100)]


def test_it_rejects_evidence_of_an_impact_from_another_exploration_on_a_new_monograph(client):
    login_editor(client)
    index = make_place_index(make_exploration("Mille Lieux"))
    foreign_impact = make_impact(make_exploration("Sharitories"), "Réactiver les centres-villes")
    before = counts()

    response = post(client, add_url(PlacePage, index), place_data(evidence=[evidence_row(foreign_impact)]))

    errors = inline_errors(response, "evidence", 0)
    assert "impact" in errors and "Sharitories" in errors["impact"][0]
    assert counts() == before


def test_it_rejects_evidence_of_an_impact_from_another_exploration_on_a_monograph_being_edited(client):
    login_administrator(client)
    place = make_place(make_exploration("Mille Lieux"))
    foreign_impact = make_impact(make_exploration("Sharitories"), "Réactiver les centres-villes")
    before = live_values(place)
    evidence_before = Evidence.objects.count()

    response = post(
        client,
        edit_url(place),
        place_data(place.title, slug=place.slug, evidence=[evidence_row(foreign_impact)]),
        publish=True,
    )

    assert "impact" in inline_errors(response, "evidence", 0)
    assert live_values(place) == before
    assert Evidence.objects.count() == evidence_before


def test_it_rejects_the_same_impact_twice_in_one_monographs_evidence(client):
    login_editor(client)
    place = make_place()
    impact = make_impact(place.exploration)
    existing = make_evidence(place, impact, text="Déjà observé.")
    before = live_values(place)

    response = post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            initial={"evidence": 1},
            evidence=[
                evidence_row(impact, "Déjà observé.", id=str(existing.pk)),
                evidence_row(impact, "Encore."),
            ],
        ),
    )

    # The second row is refused (Django's formset check of the unique pair), the first is fine.
    assert inline_errors(response, "evidence", 0) == {}
    assert inline_errors(response, "evidence", 1)
    assert response.context["form"].formsets["evidence"].non_form_errors()
    assert live_values(place) == before


def test_it_rejects_a_slug_already_used_by_a_sibling_monograph(client):
    login_editor(client)
    index = make_place_index()
    make_place(title="La Coroutine", index=index)
    before = counts()

    response = post(client, add_url(PlacePage, index), place_data("Une autre Coroutine", slug="la-coroutine"))

    assert list(field_errors(response)) == ["slug"]
    assert counts() == before


@pytest.mark.parametrize("field", ["title", "summary", "commune"])
def test_it_refuses_to_publish_a_monograph_with_an_empty_required_field(client, field):
    login_administrator(client)
    index = make_place_index()
    before = counts()

    response = post(client, add_url(PlacePage, index), place_data(**{field: ""}), publish=True)

    errors = field_errors(response)
    assert field in errors
    assert counts() == before


def test_it_refuses_to_save_even_a_draft_without_a_title(client):
    login_editor(client)
    place = make_place(title="La Coroutine")
    before = live_values(place)

    response = post(client, edit_url(place), place_data("", slug=place.slug))

    assert list(field_errors(response)) == ["title"]
    assert live_values(place) == before


def test_a_draft_may_leave_the_summary_empty_but_cannot_be_published_so(client):
    # Wagtail defers "required" on text fields for drafts: an editor can save unfinished work.
    login_administrator(client)
    place = make_place(summary="Le résumé publié.")

    draft = post(client, edit_url(place), place_data(place.title, slug=place.slug, summary=""))
    published = post(
        client, edit_url(place), place_data(place.title, slug=place.slug, summary=""), publish=True
    )

    assert draft.status_code == 302
    assert "summary" in field_errors(published)
    place.refresh_from_db()
    assert place.summary == "Le résumé publié."


# The commune is chosen (see test_commune_chooser.py): a typed code is no longer part of the form.
