"""Editing explorations, events, fields and partners in the admin, as an editor."""

import datetime

import pytest
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from millelieux.core.factories import make_image
from millelieux.core.tests.admin_helpers import (
    PUBLISH,
    add_url,
    edit_preview_url,
    edit_url,
    field_errors,
    get_preview,
    inline_errors,
    login_administrator,
    login_editor,
    page_data,
    post,
    snippet_url,
)
from millelieux.explorations.factories import (
    home_page,
    make_event,
    make_exploration,
    make_exploration_index,
    make_field,
    make_partner,
    make_partnership,
)
from millelieux.explorations.models import (
    EventPage,
    EventVoteOption,
    ExplorationField,
    ExplorationIndexPage,
    ExplorationPage,
    ExplorationPartnership,
    Partner,
)
from millelieux.impacts.factories import make_impact

pytestmark = pytest.mark.django_db


def exploration_data(title="Mille Lieux", partnerships=(), initial_partnerships=0, **values):
    data = {
        "subtitle": "Les tiers-lieux et leurs impacts",
        "organisation": "Un laboratoire",
        "period_start": "2019",
        "period_end": "2020",
        "summary": "Huit lieux, huit impacts.",
        "content_licence": "CC-BY-SA-4.0",
        "foreword": streamfield([("paragraph", rich_text("<p>Un avant-propos.</p>"))]),
        "method": streamfield(
            [("heading", "Méthode"), ("quote", {"text": "Aller voir.", "attribution": ""})]
        ),
        "partnerships": inline_formset(list(partnerships), initial=initial_partnerships),
    }
    data.update(values)
    return page_data(title, **data)


def event_data(title="Soirée de restitution", options=(), initial_options=0, **values):
    data = {
        "date": "2019-06-20",
        "participants_count": "200",
        "venue": "Une halle",
        "commune_code": "75056",
        "summary": "Deux cents participants ont choisi deux impacts à débattre.",
        "vote_question": "Quels impacts mettre en débat ?",
        "vote_options": inline_formset(list(options), initial=initial_options),
        "restitution": streamfield([("paragraph", rich_text("<p>Le compte rendu.</p>"))]),
    }
    data.update(values)
    return page_data(title, **data)


def vote(impact, votes="120", chosen=True, **extra):
    row = {"impact": str(impact.pk), "votes": str(votes), **extra}
    if chosen:
        row["chosen"] = "on"
    return row


def field_form(exploration, title="Les communs", **values):
    data = {
        "exploration": str(exploration.pk),
        "title": title,
        "slug": "",
        "description": "Ce qui se partage.",
        "colour": "#1f6f5c",
        "icon": "commons",
        "sort_order": "2",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(values)
    return data


def partner_form(name="ADEME", **values):
    data = {
        "name": name,
        "logo": "",
        "url": "https://www.ademe.fr",
        "description": "Un financeur.",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(values)
    return data


def exploration_values(page):
    fresh = ExplorationPage.objects.get(pk=page.pk)
    return {
        "title": fresh.title,
        "summary": fresh.summary,
        "period": (fresh.period_start, fresh.period_end),
        "slug": fresh.slug,
        "revisions": fresh.revisions.count(),
        "partners": list(fresh.partnerships.values_list("partner_id", "role")),
    }


# -- explorations --------------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_exploration_with_its_partners(client):
    login_editor(client)
    index = make_exploration_index()
    ademe, transdev = make_partner("ADEME"), make_partner("Transdev")

    response = post(
        client,
        add_url(ExplorationPage, index),
        exploration_data(
            "Mille Lieux",
            partnerships=[
                {"partner": str(ademe.pk), "role": "Financeur"},
                {"partner": str(transdev.pk), "role": "Partenaire"},
            ],
        ),
    )

    exploration = ExplorationPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(exploration)
    assert not exploration.live and exploration.revisions.count() == 1
    assert exploration.period_label == "2019–2020"
    assert [block.block_type for block in exploration.method] == ["heading", "quote"]
    assert list(exploration.partnerships.values_list("partner__name", "role")) == [
        ("ADEME", "Financeur"),
        ("Transdev", "Partenaire"),
    ]


def test_publishing_an_edited_exploration_updates_it_and_its_partnerships(client):
    login_administrator(client)
    exploration = make_exploration()
    partnership = make_partnership(exploration, make_partner("ADEME"), role="Financeur")

    response = post(
        client,
        edit_url(exploration),
        exploration_data(
            "Mille Lieux",
            slug=exploration.slug,
            period_start="2018",
            period_end="2019",
            initial_partnerships=1,
            partnerships=[
                {
                    "partner": str(partnership.partner_id),
                    "role": "Financeur principal",
                    "id": str(partnership.pk),
                }
            ],
        ),
        publish=True,
    )

    assert response.status_code == 302
    exploration.refresh_from_db()
    assert exploration.period_label == "2018–2019"
    assert list(ExplorationPartnership.objects.values_list("pk", "role")) == [
        (partnership.pk, "Financeur principal")
    ]


def test_an_editor_creates_and_edits_the_exploration_index(client):
    login_administrator(client)
    home = home_page()

    response = post(
        client,
        add_url(ExplorationIndexPage, home),
        page_data("Explorations", slug="explorations", intro=rich_text("<p>Toutes.</p>")),
        publish=True,
    )

    assert response.status_code == 302
    index = ExplorationIndexPage.objects.get()
    assert index.live and index.url == "/explorations/"

    response = post(
        client,
        edit_url(index),
        page_data("Les explorations", slug="explorations", intro=rich_text("<p>Les études.</p>")),
        publish=True,
    )

    assert response.status_code == 302
    index.refresh_from_db()
    assert index.title == "Les explorations" and "Les études" in index.intro


def test_an_editor_previews_the_exploration_index(client):
    login_editor(client)
    make_exploration("Mille Lieux")
    index = make_exploration_index()

    response = post(
        client,
        edit_preview_url(index),
        page_data("Explorations aperçues", slug=index.slug, intro=rich_text("<p>Toutes.</p>")),
    )

    assert response.json() == {"is_valid": True, "is_available": True}
    content = get_preview(client, edit_preview_url(index))
    assert "Explorations aperçues" in content and "Mille Lieux" in content


def test_it_rejects_a_period_ending_before_it_starts(client):
    login_administrator(client)
    exploration = make_exploration(period_start=2019)
    before = exploration_values(exploration)

    response = post(
        client,
        edit_url(exploration),
        exploration_data(exploration.title, slug=exploration.slug, period_start="2019", period_end="2017"),
        publish=True,
    )

    assert list(field_errors(response)) == ["period_end"]
    assert exploration_values(exploration) == before


@pytest.mark.parametrize("field", ["title", "summary", "period_start"])
def test_it_refuses_to_publish_an_exploration_with_an_empty_required_field(client, field):
    login_administrator(client)
    index = make_exploration_index()

    response = post(client, add_url(ExplorationPage, index), exploration_data(**{field: ""}), publish=True)

    assert field in field_errors(response)
    assert not ExplorationPage.objects.exists()


def test_it_rejects_a_slug_already_used_by_a_sibling_exploration(client):
    login_administrator(client)
    first = make_exploration("Mille Lieux")
    second = make_exploration("Sharitories", period_start=2017)
    before = exploration_values(second)

    response = post(client, edit_url(second), exploration_data("Sharitories", slug=first.slug), publish=True)

    assert list(field_errors(response)) == ["slug"]
    assert exploration_values(second) == before


# -- events --------------------------------------------------------------------------------------------------


def test_an_editor_creates_an_event_with_the_impacts_put_to_the_vote(client):
    login_administrator(client)
    exploration = make_exploration()
    commons = make_impact(exploration, "Créer des communs")
    work = make_impact(exploration, "Changer le travail")

    response = post(
        client,
        add_url(EventPage, exploration),
        event_data(options=[vote(commons, 120), vote(work, 80, chosen=False)]),
        publish=True,
    )

    assert response.status_code == 302
    event = EventPage.objects.get()
    assert event.live and event.date == datetime.date(2019, 6, 20) and event.participants_count == 200
    assert [(o.impact_id, o.votes, o.chosen, o.share) for o in event.vote_results()] == [
        (commons.pk, 120, True, 60),
        (work.pk, 80, False, 40),
    ]


def test_saving_a_draft_of_a_live_event_keeps_its_live_votes(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration)
    event = make_event(exploration, vote_options=[{"impact": impact, "votes": 10}])
    option = event.vote_options.get()
    revisions_before = event.revisions.count()

    response = post(
        client,
        edit_url(event),
        event_data(
            event.title, slug=event.slug, initial_options=1, options=[vote(impact, 99, id=str(option.pk))]
        ),
    )

    assert response.status_code == 302
    assert EventVoteOption.objects.get().votes == 10
    event = EventPage.objects.get(pk=event.pk)
    assert event.revisions.count() == revisions_before + 1
    assert [o.votes for o in event.get_latest_revision_as_object().vote_options.all()] == [99]


def test_publishing_an_edited_event_updates_its_votes(client):
    login_administrator(client)
    exploration = make_exploration()
    impact = make_impact(exploration)
    event = make_event(exploration, vote_options=[{"impact": impact, "votes": 10}])
    option = event.vote_options.get()

    response = post(
        client,
        edit_url(event),
        event_data(
            event.title, slug=event.slug, initial_options=1, options=[vote(impact, 99, id=str(option.pk))]
        ),
        publish=True,
    )

    assert response.status_code == 302
    assert list(EventVoteOption.objects.values_list("pk", "votes", "chosen")) == [(option.pk, 99, True)]


def test_it_rejects_a_vote_on_an_impact_of_another_exploration(client):
    login_editor(client)
    exploration = make_exploration("Mille Lieux")
    foreign_impact = make_impact(make_exploration("Sharitories"), "Réactiver les centres-villes")
    pages_before = EventPage.objects.count()

    response = post(client, add_url(EventPage, exploration), event_data(options=[vote(foreign_impact)]))

    errors = inline_errors(response, "vote_options", 0)
    assert "impact" in errors and "Sharitories" in errors["impact"][0]
    assert EventPage.objects.count() == pages_before
    assert not EventVoteOption.objects.exists()


def test_it_rejects_the_same_impact_put_to_the_vote_twice(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration, "Des services au public")

    response = post(client, add_url(EventPage, exploration), event_data(options=[vote(impact), vote(impact)]))

    errors = inline_errors(response, "vote_options", 1)
    assert "impact" in errors and "déjà dans la liste" in errors["impact"][0]
    assert not EventPage.objects.exists()
    assert not EventVoteOption.objects.exists()


@pytest.mark.parametrize("field", ["title", "summary", "date"])
def test_it_refuses_to_publish_an_event_with_an_empty_required_field(client, field):
    login_administrator(client)
    exploration = make_exploration()

    response = post(client, add_url(EventPage, exploration), event_data(**{field: ""}), publish=True)

    assert field in field_errors(response)
    assert not EventPage.objects.exists()


def test_it_rejects_an_event_with_an_invalid_insee_code(client):
    login_administrator(client)
    exploration = make_exploration()

    response = post(client, add_url(EventPage, exploration), event_data(commune_code="Paris"), publish=True)

    errors = field_errors(response)
    assert list(errors) == ["commune_code"]
    assert "INSEE" in errors["commune_code"][0]
    assert not EventPage.objects.exists()


# -- fields of exploration (snippets with drafts) ------------------------------------------------------------


def test_an_editor_saves_a_new_field_as_a_draft_then_publishes_it(client):
    login_administrator(client)
    exploration = make_exploration()

    response = client.post(snippet_url(ExplorationField, "add"), field_form(exploration, "Les communs"))

    assert response.status_code == 302
    field = ExplorationField.objects.get()
    assert not field.live and field.slug == "les-communs" and field.revisions.count() == 1
    assert list(exploration.live_fields()) == []

    response = client.post(
        snippet_url(ExplorationField, "edit", field.pk),
        {**field_form(exploration, "Les communs", slug="les-communs"), **PUBLISH},
    )

    assert response.status_code == 302
    field.refresh_from_db()
    assert field.live and field.live_revision is not None
    assert list(exploration.live_fields()) == [field]


def test_an_editor_publishes_a_new_field_directly(client):
    login_administrator(client)
    exploration = make_exploration()

    response = client.post(
        snippet_url(ExplorationField, "add"),
        {**field_form(exploration, "Le travail", colour="#AA3300", icon="work"), **PUBLISH},
    )

    assert response.status_code == 302
    field = ExplorationField.objects.get()
    assert field.live and (field.colour, field.icon, field.sort_order) == ("#AA3300", "work", 2)


def test_saving_a_draft_of_a_live_field_keeps_the_live_version(client):
    login_editor(client)
    field = make_field(title="Les communs", colour="#1f6f5c")
    revisions_before = field.revisions.count()

    response = client.post(
        snippet_url(ExplorationField, "edit", field.pk),
        field_form(field.exploration, "Les biens communs", slug=field.slug, colour="#000000"),
    )

    assert response.status_code == 302
    field.refresh_from_db()
    assert field.live and field.has_unpublished_changes
    assert (field.title, field.colour) == ("Les communs", "#1f6f5c")
    assert field.revisions.count() == revisions_before + 1
    assert field.get_latest_revision_as_object().title == "Les biens communs"


def test_an_editor_previews_a_field(client):
    login_editor(client)
    field = make_field(title="Les communs")

    response = client.post(
        snippet_url(ExplorationField, "preview_on_edit", field.pk),
        field_form(field.exploration, "Les communs aperçus", slug=field.slug),
    )

    assert response.json() == {"is_valid": True, "is_available": True}
    preview_html = get_preview(client, snippet_url(ExplorationField, "preview_on_edit", field.pk))
    assert "Les communs aperçus" in preview_html


def test_an_editor_previews_a_field_not_yet_created(client):
    login_editor(client)
    exploration = make_exploration()

    response = client.post(
        snippet_url(ExplorationField, "preview_on_add"), field_form(exploration, "À venir")
    )

    assert response.json() == {"is_valid": True, "is_available": True}
    preview_html = get_preview(client, snippet_url(ExplorationField, "preview_on_add"))
    assert "À venir" in preview_html


@pytest.mark.parametrize("colour", ["vert", "#12345", "1f6f5c", "#gg0000", "#1234567"])
def test_it_rejects_an_invalid_colour_on_a_field(client, colour):
    login_editor(client)
    exploration = make_exploration()

    response = client.post(snippet_url(ExplorationField, "add"), field_form(exploration, colour=colour))

    errors = field_errors(response)
    assert list(errors) == ["colour"]
    # Eight characters trip the length check first; its message names the limit instead of the format.
    assert "#RRGGBB" in errors["colour"][0] or "7" in errors["colour"][0]
    assert not ExplorationField.objects.exists()


def test_it_rejects_a_new_colour_on_a_live_field_and_keeps_the_old_one(client):
    login_administrator(client)
    field = make_field(colour="#1f6f5c")
    revisions_before = field.revisions.count()

    response = client.post(
        snippet_url(ExplorationField, "edit", field.pk),
        {**field_form(field.exploration, field.title, slug=field.slug, colour="bleu"), **PUBLISH},
    )

    assert list(field_errors(response)) == ["colour"]
    field.refresh_from_db()
    assert field.colour == "#1f6f5c" and field.revisions.count() == revisions_before


def test_it_rejects_a_field_slug_already_used_in_the_same_exploration(client):
    login_administrator(client)
    exploration = make_exploration()
    make_field(exploration, "Les communs", slug="communs")
    revisions_before = Revision.objects.count()

    response = client.post(
        snippet_url(ExplorationField, "add"),
        {**field_form(exploration, "Communs et partage", slug="communs"), **PUBLISH},
    )

    errors = field_errors(response)
    assert list(errors) == ["slug"]
    assert "communs" in errors["slug"][0]
    assert ExplorationField.objects.count() == 1
    assert Revision.objects.count() == revisions_before


def test_it_rejects_a_field_whose_title_gives_a_slug_already_used_in_the_same_exploration(client):
    login_editor(client)
    exploration = make_exploration()
    make_field(exploration, "Les communs")

    response = client.post(
        snippet_url(ExplorationField, "add"), field_form(exploration, "Les Communs", slug="")
    )

    assert list(field_errors(response)) == ["slug"]
    assert ExplorationField.objects.count() == 1


def test_the_same_field_slug_may_be_used_in_two_explorations(client):
    login_editor(client)
    make_field(make_exploration("Mille Lieux"), "Les communs", slug="communs")
    other = make_exploration("Sharitories")

    response = client.post(
        snippet_url(ExplorationField, "add"), field_form(other, "Les communs", slug="communs")
    )

    assert response.status_code == 302
    assert ExplorationField.objects.filter(slug="communs").count() == 2


def test_it_refuses_a_field_without_a_title(client):
    login_administrator(client)
    exploration = make_exploration()

    response = client.post(snippet_url(ExplorationField, "add"), {**field_form(exploration, ""), **PUBLISH})

    assert "title" in field_errors(response)
    assert not ExplorationField.objects.exists()


# -- partners (snippets with drafts) -------------------------------------------------------------------------


def test_an_editor_saves_a_new_partner_as_a_draft_then_publishes_it(client):
    login_administrator(client)
    logo = make_image("Logo")

    response = client.post(snippet_url(Partner, "add"), partner_form("ADEME", logo=str(logo.pk)))

    assert response.status_code == 302
    partner = Partner.objects.get()
    assert not partner.live and partner.logo == logo

    response = client.post(
        snippet_url(Partner, "edit", partner.pk), {**partner_form("ADEME", logo=str(logo.pk)), **PUBLISH}
    )

    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.live and not partner.has_unpublished_changes


def test_saving_a_draft_of_a_live_partner_keeps_the_live_version(client):
    login_editor(client)
    partner = make_partner("ADEME", url="https://www.ademe.fr")

    response = client.post(
        snippet_url(Partner, "edit", partner.pk), partner_form("ADEME", url="https://ademe.example.org")
    )

    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.url == "https://www.ademe.fr" and partner.has_unpublished_changes
    assert partner.get_latest_revision_as_object().url == "https://ademe.example.org"


def test_an_editor_previews_a_partner(client):
    login_editor(client)
    partner = make_partner("ADEME")

    response = client.post(snippet_url(Partner, "preview_on_edit", partner.pk), partner_form("ADEME aperçue"))

    assert response.json() == {"is_valid": True, "is_available": True}
    preview_html = get_preview(client, snippet_url(Partner, "preview_on_edit", partner.pk))
    assert "ADEME aperçue" in preview_html


def test_it_rejects_a_partner_whose_name_is_taken(client):
    login_administrator(client)
    make_partner("ADEME")

    response = client.post(snippet_url(Partner, "add"), {**partner_form("ADEME"), **PUBLISH})

    assert list(field_errors(response)) == ["name"]
    assert Partner.objects.count() == 1


def test_it_rejects_a_partner_with_an_invalid_website(client):
    login_editor(client)
    partner = make_partner("ADEME", url="https://www.ademe.fr")

    response = client.post(
        snippet_url(Partner, "edit", partner.pk), partner_form("ADEME", url="pas une adresse")
    )

    assert list(field_errors(response)) == ["url"]
    partner.refresh_from_db()
    assert partner.url == "https://www.ademe.fr" and not partner.has_unpublished_changes
