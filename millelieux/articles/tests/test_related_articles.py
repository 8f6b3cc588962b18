"""The articles a monograph or an impact lists (written-out SQL) are those the ORM finds, in the same order."""

import pytest
from wagtail.models import PageViewRestriction

from millelieux.articles.factories import make_article, make_series
from millelieux.articles.models import SERIES_ORDER
from millelieux.articles.templatetags.articles_tags import related_articles
from millelieux.core.routing import private_pages_q
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def orm_related(page):
    return list(
        page.articles.live().exclude(private_pages_q()).select_related("series").order_by(*SERIES_ORDER)
    )


def test_the_articles_of_a_place_and_an_impact_are_the_orms_in_series_order():
    exploration = make_exploration("Mille Lieux")
    place = make_place(exploration, title="Darwin")
    impact = make_impact(exploration, "Créer des communs")
    interviews = make_series("Entretiens", planned_count=8)
    notes = make_series("Notes de terrain")
    made = [
        make_article(
            exploration,
            "Hors série récent",
            date="2019-06-01",
            related_places=[place],
            related_impacts=[impact],
        ),
        make_article(exploration, "Hors série ancien", date="2019-01-01", related_places=[place]),
        make_article(exploration, "Entretien 2", series=interviews, series_number=2, related_places=[place]),
        make_article(
            exploration,
            "Entretien 1",
            series=interviews,
            series_number=1,
            related_places=[place],
            related_impacts=[impact],
        ),
        make_article(exploration, "Note 1", series=notes, series_number=1, related_impacts=[impact]),
        make_article(exploration, "Brouillon", live=False, related_places=[place], related_impacts=[impact]),
        make_article(exploration, "Réservé", related_places=[place], related_impacts=[impact]),
    ]
    PageViewRestriction.objects.create(page=made[-1], restriction_type="password", password="secret")

    for page in (place, impact):
        found = related_articles(page)
        expected = orm_related(page)
        assert [article.pk for article in found] == [article.pk for article in expected]
        for article, reference in zip(found, expected, strict=True):
            assert (article.title, article.url, article.series_label, article.get_kind_display()) == (
                reference.title,
                reference.url,
                reference.series_label,
                reference.get_kind_display(),
            )
            assert (article.date, article.summary) == (reference.date, reference.summary)
    assert [article.title for article in related_articles(place)][:2] == ["Entretien 1", "Entretien 2"]
    assert "Brouillon" not in {article.title for article in related_articles(place)}
    assert "Réservé" not in {article.title for article in related_articles(impact)}


def test_a_page_without_articles_lists_none():
    exploration = make_exploration("Mille Lieux")
    assert related_articles(make_place(exploration, title="Seul")) == []
