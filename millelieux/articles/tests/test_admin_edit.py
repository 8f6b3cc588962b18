"""Editing articles, their index and their series in the admin, as an editor."""

import datetime

import pytest
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from millelieux.articles.factories import make_article, make_article_index, make_series
from millelieux.articles.models import ArticlePage, ArticleSeries, Interviewee
from millelieux.core.factories import make_image
from millelieux.core.tests.admin_helpers import (
    add_url,
    edit_url,
    field_errors,
    login_administrator,
    login_editor,
    page_data,
    post,
    snippet_url,
)
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def person(name="Camille Martin", role="Coordinatrice", organisation="La Coroutine", **extra):
    return {"name": name, "role": role, "organisation": organisation, **extra}


def article_data(
    title="Entretien avec Camille Martin",
    series=None,
    number="",
    interviewees=(),
    initial_interviewees=0,
    places=(),
    impacts=(),
    image=None,
    **values,
):
    data = {
        "kind": ArticlePage.INTERVIEW,
        "date": "2019-03-14",
        "series": str(series.pk) if series else "",
        "series_number": str(number),
        "interviewees": inline_formset(list(interviewees), initial=initial_interviewees),
        "summary": "Ce qu'un tiers-lieu change pour celles et ceux qui le font vivre.",
        "pull_quote": "Ici, on apprend en faisant.",
        "image": str(image.pk) if image else "",
        "image_alt": "",
        "body": streamfield([("heading", "Les débuts"), ("paragraph", rich_text("<p>Une réponse.</p>"))]),
        "related_places": tuple(str(place.pk) for place in places),
        "related_impacts": tuple(str(impact.pk) for impact in impacts),
    }
    data.update(values)
    return page_data(title, **data)


def counts():
    return {
        "articles": ArticlePage.objects.count(),
        "revisions": Revision.objects.count(),
        "interviewees": Interviewee.objects.count(),
    }


def live_values(article):
    fresh = ArticlePage.objects.get(pk=article.pk)
    return {
        "title": fresh.title,
        "series": fresh.series_id,
        "number": fresh.series_number,
        "image": fresh.image_id,
        "revisions": fresh.revisions.count(),
        "places": sorted(fresh.related_places.values_list("pk", flat=True)),
        "impacts": sorted(fresh.related_impacts.values_list("pk", flat=True)),
        "interviewees": list(fresh.interviewees.values_list("name", flat=True)),
    }


# -- creating and editing ------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_interview_with_its_people_series_and_related_pages(client):
    login_editor(client)
    index = make_article_index()
    series = make_series("Entretiens", planned_count=8)
    place = make_place(index.exploration)
    impact = make_impact(index.exploration)

    response = post(
        client,
        add_url(ArticlePage, index),
        article_data(
            "Entretien avec Camille Martin",
            series=series,
            number=3,
            interviewees=[person(), person("Sacha Durand", "Président", "Association du lieu")],
            places=[place],
            impacts=[impact],
        ),
    )

    article = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(article)
    assert not article.live and article.revisions.count() == 1
    assert article.series == series and article.series_label == "3/8"
    assert article.date == datetime.date(2019, 3, 14)
    assert [str(p) for p in article.interviewees.all()] == [
        "Camille Martin, Coordinatrice, La Coroutine",
        "Sacha Durand, Président, Association du lieu",
    ]
    assert list(article.related_places.all()) == [place]
    assert list(article.related_impacts.all()) == [impact]


def test_an_editor_publishes_a_new_essay_outside_any_series(client):
    login_administrator(client)
    index = make_article_index()

    response = post(
        client, add_url(ArticlePage, index), article_data("Un essai", kind=ArticlePage.ESSAY), publish=True
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert article.live and article.kind == ArticlePage.ESSAY and article.series_label == ""


def test_an_editor_publishes_an_article_with_an_image_described_for_everyone(client):
    login_administrator(client)
    index = make_article_index()
    image = make_image("Façade")

    response = post(
        client,
        add_url(ArticlePage, index),
        article_data(image=image, image_alt="La façade en briques du lieu."),
        publish=True,
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert article.image == image and article.image_alt == "La façade en briques du lieu."


def test_publishing_an_edited_article_updates_its_series_people_and_links(client):
    login_administrator(client)
    exploration = make_exploration()
    series = make_series(planned_count=8)
    place, impact = make_place(exploration), make_impact(exploration)
    article = make_article(exploration, interviewees=[person()])
    interviewee = article.interviewees.get()

    response = post(
        client,
        edit_url(article),
        article_data(
            article.title,
            slug=article.slug,
            series=series,
            number=5,
            places=[place],
            impacts=[impact],
            initial_interviewees=1,
            interviewees=[person("Camille Martin", "Directrice", id=str(interviewee.pk))],
        ),
        publish=True,
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.series_label == "5/8" and not article.has_unpublished_changes
    assert list(article.interviewees.values_list("pk", "role")) == [(interviewee.pk, "Directrice")]
    assert list(article.related_places.all()) == [place]
    assert list(article.related_impacts.all()) == [impact]


def test_an_editor_adds_and_edits_a_series(client):
    login_editor(client)

    response = client.post(snippet_url(ArticleSeries, "add"), {"title": "Entretiens", "planned_count": "8"})

    assert response.status_code == 302
    series = ArticleSeries.objects.get()
    assert (series.title, series.planned_count) == ("Entretiens", 8)

    response = client.post(
        snippet_url(ArticleSeries, "edit", series.pk), {"title": "Entretiens de 2019", "planned_count": ""}
    )

    assert response.status_code == 302
    series.refresh_from_db()
    assert (series.title, series.planned_count) == ("Entretiens de 2019", None)


@pytest.mark.parametrize("planned", ["0", "-1", "huit"])
def test_it_rejects_a_series_without_a_positive_planned_count(client, planned):
    login_editor(client)

    response = client.post(
        snippet_url(ArticleSeries, "add"), {"title": "Entretiens", "planned_count": planned}
    )

    assert list(field_errors(response)) == ["planned_count"]
    assert not ArticleSeries.objects.exists()


def test_it_rejects_a_series_whose_title_is_taken(client):
    login_editor(client)
    make_series("Entretiens")

    response = client.post(snippet_url(ArticleSeries, "add"), {"title": "Entretiens", "planned_count": "8"})

    assert list(field_errors(response)) == ["title"]
    assert ArticleSeries.objects.count() == 1


# -- bad input -----------------------------------------------------------------------------------------------


def test_it_rejects_a_series_number_already_taken_in_that_series(client):
    login_editor(client)
    index = make_article_index()
    series = make_series(planned_count=8)
    make_article(index=index, title="Entretien trois", series=series, series_number=3)
    before = counts()

    response = post(
        client,
        add_url(ArticlePage, index),
        article_data("Un autre entretien", series=series, number=3, interviewees=[person()]),
    )

    errors = field_errors(response)
    assert list(errors) == ["series_number"]
    assert "Entretien trois" in errors["series_number"][0]
    assert counts() == before


def test_it_rejects_taking_the_number_of_another_article_on_an_article_being_edited(client):
    login_administrator(client)
    index = make_article_index()
    series = make_series(planned_count=8)
    make_article(index=index, title="Entretien trois", series=series, series_number=3)
    article = make_article(index=index, title="Entretien quatre", series=series, series_number=4)
    before = live_values(article)

    response = post(
        client,
        edit_url(article),
        article_data(article.title, slug=article.slug, series=series, number=3),
        publish=True,
    )

    assert list(field_errors(response)) == ["series_number"]
    assert live_values(article) == before


def test_an_article_may_keep_its_own_number_when_edited(client):
    login_administrator(client)
    series = make_series(planned_count=8)
    article = make_article(series=series, series_number=3)

    response = post(
        client,
        edit_url(article),
        article_data("Nouveau titre", slug=article.slug, series=series, number=3),
        publish=True,
    )

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).title == "Nouveau titre"


def test_it_rejects_a_number_above_the_planned_count_of_the_series(client):
    login_editor(client)
    index = make_article_index()
    series = make_series(planned_count=8)
    before = counts()

    response = post(client, add_url(ArticlePage, index), article_data(series=series, number=9))

    errors = field_errors(response)
    assert list(errors) == ["series_number"]
    assert "8" in errors["series_number"][0]
    assert counts() == before


def test_it_rejects_a_series_without_a_number_and_a_number_without_a_series(client):
    login_editor(client)
    index = make_article_index()
    series = make_series()
    before = counts()

    without_number = post(client, add_url(ArticlePage, index), article_data(series=series, number=""))
    without_series = post(client, add_url(ArticlePage, index), article_data(series=None, number=2))

    assert list(field_errors(without_number)) == ["series_number"]
    assert list(field_errors(without_series)) == ["series"]
    assert counts() == before


def test_it_rejects_an_article_related_to_a_place_of_another_exploration(client):
    login_editor(client)
    index = make_article_index(make_exploration("Mille Lieux"))
    foreign_place = make_place(make_exploration("Sharitories"), "Un lieu d'ailleurs")
    before = counts()

    response = post(client, add_url(ArticlePage, index), article_data(places=[foreign_place]))

    assert list(field_errors(response)) == ["related_places"]
    assert counts() == before


def test_it_rejects_an_article_being_edited_related_to_an_impact_of_another_exploration(client):
    login_administrator(client)
    exploration = make_exploration("Mille Lieux")
    own_place = make_place(exploration)
    article = make_article(exploration, related_places=[own_place])
    foreign_impact = make_impact(make_exploration("Sharitories"), "Réactiver les centres-villes")
    before = live_values(article)

    response = post(
        client,
        edit_url(article),
        article_data(article.title, slug=article.slug, places=[own_place], impacts=[foreign_impact]),
        publish=True,
    )

    assert list(field_errors(response)) == ["related_impacts"]
    assert live_values(article) == before


def test_the_article_form_offers_only_the_places_and_impacts_of_its_exploration(client):
    login_editor(client)
    exploration = make_exploration("Mille Lieux")
    own_place, own_impact = make_place(exploration), make_impact(exploration)
    other = make_exploration("Sharitories")
    make_place(other), make_impact(other)
    index = make_article_index(exploration)

    form = client.get(add_url(ArticlePage, index)).context["form"]

    assert list(form.fields["related_places"].queryset) == [own_place]
    assert list(form.fields["related_impacts"].queryset) == [own_impact]


def test_an_image_without_an_alternative_text_of_its_own_is_described_by_the_images(client):
    """The alternative text is required on every image (core.forms.PictureForm); the article's own one only
    replaces it when the image says something else here."""
    login_administrator(client)
    index = make_article_index()
    image = make_image("Façade", description="La façade en briques du lieu.")

    response = post(
        client, add_url(ArticlePage, index), article_data(image=image, image_alt=""), publish=True
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert article.image == image and article.image_alt == ""
    assert 'alt="La façade en briques du lieu."' in client.get(article.url).content.decode()


@pytest.mark.parametrize("field", ["title", "summary", "date"])
def test_it_refuses_to_publish_an_article_with_an_empty_required_field(client, field):
    login_administrator(client)
    index = make_article_index()
    before = counts()

    response = post(client, add_url(ArticlePage, index), article_data(**{field: ""}), publish=True)

    assert field in field_errors(response)
    assert counts() == before


def test_it_rejects_a_slug_already_used_by_a_sibling_article(client):
    login_editor(client)
    index = make_article_index()
    first = make_article(index=index, title="Entretien")
    before = counts()

    response = post(client, add_url(ArticlePage, index), article_data("Un autre", slug=first.slug))

    assert list(field_errors(response)) == ["slug"]
    assert counts() == before
