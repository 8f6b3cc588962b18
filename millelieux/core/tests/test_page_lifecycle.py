"""What Wagtail gives every page type of the project, checked once for each through the admin's own URLs:
drafts, publication, previews, scheduling, and a required title. Each app's own tests keep what is
particular to its pages (inline rows, validation rules)."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text

from millelieux.articles.factories import make_article, make_article_index
from millelieux.articles.models import ArticleIndexPage, ArticlePage
from millelieux.articles.tests.test_admin_edit import article_data
from millelieux.core.tests.admin_helpers import (
    add_preview_url,
    add_url,
    edit_preview_url,
    edit_url,
    field_errors,
    future_datetime,
    get_preview,
    login_administrator,
    login_editor,
    page_data,
    post,
)
from millelieux.explorations.factories import make_event, make_exploration, make_exploration_index
from millelieux.explorations.models import EventPage, ExplorationPage
from millelieux.explorations.tests.test_admin_edit import event_data, exploration_data
from millelieux.impacts.factories import make_impact, make_impact_index
from millelieux.impacts.models import ImpactIndexPage, ImpactPage
from millelieux.impacts.tests.test_admin_edit import impact_data
from millelieux.places.factories import make_place, make_place_index
from millelieux.places.models import PlaceIndexPage, PlacePage
from millelieux.places.tests.test_admin_edit import place_data

pytestmark = pytest.mark.django_db


def index_data(title, **values):
    return page_data(title, intro=rich_text("<p>Une introduction.</p>"), **values)


@dataclass
class PageType:
    model: type
    parent: Callable  # () -> the page a new one is added under
    existing: Callable  # () -> a published page of this type
    data: Callable  # (title, **values) -> POST data of a valid form


PAGE_TYPES = {
    "exploration": PageType(ExplorationPage, make_exploration_index, make_exploration, exploration_data),
    "place index": PageType(PlaceIndexPage, make_exploration, make_place_index, index_data),
    "monograph": PageType(PlacePage, make_place_index, make_place, place_data),
    "impact index": PageType(ImpactIndexPage, make_exploration, make_impact_index, index_data),
    "impact": PageType(ImpactPage, make_impact_index, make_impact, impact_data),
    "article index": PageType(ArticleIndexPage, make_exploration, make_article_index, index_data),
    "article": PageType(ArticlePage, make_article_index, make_article, article_data),
    "event": PageType(EventPage, make_exploration, make_event, event_data),
}


@pytest.fixture(params=list(PAGE_TYPES), ids=list(PAGE_TYPES))
def page_type(request):
    return PAGE_TYPES[request.param]


def test_an_editor_saves_a_new_page_as_a_draft_with_one_revision(client, page_type):
    parent = page_type.parent()
    login_editor(client)

    response = post(client, add_url(page_type.model, parent), page_type.data("Une nouvelle page"))

    page = page_type.model.objects.get(title="Une nouvelle page")
    assert response.status_code == 302 and response["Location"] == edit_url(page)
    assert page.get_parent().pk == parent.pk
    assert not page.live and page.has_unpublished_changes
    assert page.revisions.count() == 1


def test_an_administrator_publishes_a_new_page(client, page_type):
    parent = page_type.parent()
    login_administrator(client)

    response = post(
        client, add_url(page_type.model, parent), page_type.data("Une nouvelle page"), publish=True
    )

    assert response.status_code == 302
    page = page_type.model.objects.get(title="Une nouvelle page")
    assert page.live and page.live_revision is not None and not page.has_unpublished_changes


def test_saving_a_draft_of_a_live_page_keeps_the_live_version_until_it_is_published(client, page_type):
    page = page_type.existing()
    live_title, revisions_before = page.title, page.revisions.count()
    login_editor(client)

    response = post(client, edit_url(page), page_type.data("Un titre en brouillon", slug=page.slug))

    assert response.status_code == 302
    fresh = page_type.model.objects.get(pk=page.pk)
    assert fresh.live and fresh.has_unpublished_changes and fresh.title == live_title
    assert fresh.revisions.count() == revisions_before + 1
    assert fresh.get_latest_revision_as_object().title == "Un titre en brouillon"
    assert client.get(fresh.url).content.decode().count("Un titre en brouillon") == 0


def test_an_editor_previews_changes_without_saving_them(client, page_type):
    page = page_type.existing()
    revisions_before = Revision.objects.count()
    login_editor(client)

    response = post(client, edit_preview_url(page), page_type.data("Un titre aperçu", slug=page.slug))

    assert response.json() == {"is_valid": True, "is_available": True}
    assert Revision.objects.count() == revisions_before
    assert page_type.model.objects.get(pk=page.pk).title == page.title
    assert "Un titre aperçu" in get_preview(client, edit_preview_url(page))


def test_an_editor_previews_a_page_not_yet_created(client, page_type):
    parent = page_type.parent()
    count_before = page_type.model.objects.count()
    login_editor(client)

    response = post(client, add_preview_url(page_type.model, parent), page_type.data("Une page à venir"))

    assert response.json() == {"is_valid": True, "is_available": True}
    assert page_type.model.objects.count() == count_before
    assert "Une page à venir" in get_preview(client, add_preview_url(page_type.model, parent))


def test_a_new_page_scheduled_for_later_is_not_live_and_waits_in_an_approved_revision(client, page_type):
    parent = page_type.parent()
    go_live_text, _moment = future_datetime(days=7)
    login_administrator(client)

    response = post(
        client,
        add_url(page_type.model, parent),
        page_type.data("Une page programmée", go_live_at=go_live_text),
        publish=True,
    )

    assert response.status_code == 302
    page = page_type.model.objects.get(title="Une page programmée")
    assert not page.live
    assert (
        Revision.objects.filter(object_id=str(page.pk)).latest("created_at").approved_go_live_at
        > timezone.now()
    )


def test_scheduling_an_edit_of_a_live_page_keeps_the_live_version_until_then(client, page_type):
    page = page_type.existing()
    go_live_text, _moment = future_datetime(days=7)
    login_administrator(client)

    response = post(
        client,
        edit_url(page),
        page_type.data("Un titre à venir", slug=page.slug, go_live_at=go_live_text),
        publish=True,
    )

    assert response.status_code == 302
    fresh = page_type.model.objects.get(pk=page.pk)
    assert fresh.live and fresh.title == page.title
    assert (
        Revision.objects.filter(object_id=str(page.pk)).latest("created_at").approved_go_live_at
        > timezone.now()
    )


def test_a_page_without_a_title_is_refused_and_nothing_is_saved(client, page_type):
    parent = page_type.parent()
    login_editor(client)
    revisions_before = Revision.objects.count()

    response = post(client, add_url(page_type.model, parent), page_type.data("", slug="sans-titre"))

    assert "title" in field_errors(response)
    assert Revision.objects.count() == revisions_before
