import re
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from millelieux.articles.models import ArticlePage
from millelieux.demo import content
from millelieux.demo.loader import load_demo
from millelieux.explorations.models import EventPage, ExplorationField, ExplorationPage, Partner
from millelieux.impacts.models import Evidence, ImpactPage
from millelieux.places.models import PlacePage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "evidence": Evidence.objects.count(),
        "fields": ExplorationField.objects.count(),
        "partners": Partner.objects.count(),
    }


def test_it_loads_the_two_explorations_with_their_whole_content():
    load_demo()

    mille_lieux = ExplorationPage.objects.get(slug="mille-lieux")
    assert mille_lieux.period_start == 2019
    assert ExplorationPage.objects.filter(slug="sharitories", period_start=2017).exists()
    assert mille_lieux.fields.count() == 4
    places = PlacePage.objects.descendant_of(mille_lieux).live()
    assert places.count() == 8
    names = set(places.values_list("title", flat=True))
    assert {"Hôtel Pasteur", "La Quincaillerie", "Les Riverains", "La Coroutine"} <= names
    impacts = ImpactPage.objects.descendant_of(mille_lieux).live()
    assert impacts.count() == 8
    assert (
        impacts.filter(kind=ImpactPage.LIMIT).exists() and impacts.filter(kind=ImpactPage.POSITIVE).exists()
    )
    for impact in impacts:
        assert impact.evidence.count() >= 2, impact.title
    interviews = ArticlePage.objects.descendant_of(mille_lieux).filter(kind=ArticlePage.INTERVIEW)
    numbers = list(interviews.values_list("series_number", flat=True))
    assert len(numbers) >= 6 and len(set(numbers)) == len(numbers)
    assert all(article.series_label.endswith("/8") for article in interviews)
    event = EventPage.objects.descendant_of(mille_lieux).get()
    assert event.vote_options.filter(chosen=True).count() == 2
    partner_names = set(mille_lieux.partnerships.values_list("partner__name", flat=True))
    assert {"Transdev", "ADEME", "Arp-Astrance"} <= partner_names
    assert any("Caisse des Dépôts" in name for name in partner_names)


def test_the_home_page_presents_mille_lieux():
    load_demo()
    from millelieux.core.models import HomePage

    assert HomePage.objects.get().featured_exploration().slug == "mille-lieux"


def test_running_it_twice_changes_nothing():
    load_demo()
    before = snapshot()

    report = load_demo()

    assert report.created == []
    assert snapshot() == before


def test_unknown_facts_stay_empty_rather_than_invented():
    load_demo()
    declared = {p["slug"]: p for e in content.EXPLORATIONS for p in e.get("places", [])}
    for place in PlacePage.objects.all():
        data = declared[place.slug]
        assert place.surface_m2 == data.get("surface_m2")
        assert place.opening_year == data.get("opening_year")


def test_a_broken_content_writes_nothing():
    broken = [dict(content.EXPLORATIONS[0])]
    broken[0]["places"] = [dict(broken[0]["places"][0], opening_year=3000)]
    before = snapshot()

    with pytest.raises(Exception, match="futur"):
        load_demo(broken)

    assert snapshot() == before


def test_the_command_reports_and_wraps_errors(monkeypatch):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "créé" in out.getvalue()

    def fail(*args, **kwargs):
        raise ValueError("disque plein")

    monkeypatch.setattr("millelieux.demo.management.commands.load_demo.load_demo", fail)
    with pytest.raises(CommandError, match="disque plein.*rien n'a été modifié"):
        call_command("load_demo", stdout=StringIO())


def test_every_url_of_the_sitemap_answers_200(client):
    load_demo()

    sitemap = client.get("/sitemap.xml")

    assert sitemap.status_code == 200
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap.content.decode())
    live_pages = Page.objects.live().filter(depth__gte=2).count()
    assert len(locations) >= live_pages
    for location in locations:
        response = client.get(urlparse(location).path)
        assert response.status_code == 200, location


def test_coordinates_given_as_floats_are_stored_exactly():
    place = dict(content.EXPLORATIONS[0]["places"][0], latitude=48.1119, longitude=-1.6743)
    exploration = dict(content.EXPLORATIONS[0], places=[place], impacts=[], articles=[], events=[])

    load_demo([exploration])

    stored = PlacePage.objects.get(slug=place["slug"])
    assert float(stored.latitude) == 48.1119 and float(stored.longitude) == -1.6743
