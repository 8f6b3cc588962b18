import datetime
import re
import shutil
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from millelieux.articles.models import ArticlePage
from millelieux.core.models import HomePage
from millelieux.demo.files import CONTENT_DIR, DemoContentError
from millelieux.demo.loader import load_demo
from millelieux.demo.models import DemoRecord
from millelieux.explorations.models import EventPage, ExplorationField, ExplorationPage, Partner
from millelieux.impacts.models import Evidence, ImpactPage
from millelieux.places.models import PlaceFactSource, PlacePage, Stakeholder, TimelineEvent
from millelieux.sources.models import Source

pytestmark = pytest.mark.django_db

# The study's eight impacts, as its publishers listed them (ADEME press release, April 2019).
STUDY_IMPACTS = {
    "De nouvelles manières de faire la ville, sur des modèles non-programmés",
    "Un rôle de tiers de confiance en tant que guichets complémentaires de services au public",
    "De nouveaux lieux d'apprentissage favorisant la formation entre pairs",
    "Un soutien de filières locales au service du développement économique",
    "Des avancées relativement limitées en matière de transition écologique",
    "Un décloisonnement des rôles et des silos dans les organisations publiques comme privées",
    "Des connexions entre acteurs qui ne se rencontrent pas autrement",
    "Un motif de fierté des habitants et une contribution au rayonnement du territoire",
}
# The interview series as it was published: number, subject, original date.
REAL_SERIES = [
    (1, "Hôtel Pasteur", datetime.date(2018, 12, 3)),
    (2, "La Coroutine", datetime.date(2018, 12, 19)),
    (3, "Retiss", datetime.date(2019, 1, 15)),
    (4, "Coopérative des Tiers-Lieux", datetime.date(2019, 1, 24)),
    (5, "Riverains", datetime.date(2019, 4, 1)),
    (6, "foule", None),
]
# Elements of the technical sheet, as the field (or fields) that hold them.
SHEET = {
    "address": ["address"],
    "coordinates": ["latitude", "longitude"],
    "opening_year": ["opening_year"],
    "legal_form": ["legal_form"],
    "governance": ["governance"],
    "surface_m2": ["surface_m2"],
    "members_count": ["members_count"],
    "team_size": ["team_size"],
    "business_model": ["business_model"],
    "website": ["website"],
}


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "evidence": Evidence.objects.count(),
        "fields": ExplorationField.objects.count(),
        "partners": Partner.objects.count(),
        "sources": Source.objects.count(),
        "records": DemoRecord.objects.count(),
    }


def mille_lieux():
    return ExplorationPage.objects.get(slug="mille-lieux", locale__language_code="fr")


@pytest.fixture
def content(tmp_path):
    """A copy of the demo's data files, to break or change in a test."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- what the demo shows ----------------------------------------------------------------------------------------


def test_it_loads_the_two_explorations_over_their_real_periods():
    load_demo()

    exploration = mille_lieux()
    assert (exploration.period_start, exploration.period_end) == (2018, 2019)
    assert exploration.organisation == "Le Lab Ouishare x Chronos"
    assert exploration.source.url == "https://www.le-lab.org/exploration-mille-lieux"
    assert ExplorationPage.objects.filter(slug="sharitories", period_start=2017).exists()
    assert exploration.fields.count() == 4
    places = PlacePage.objects.descendant_of(exploration).live()
    assert places.count() == 8
    assert {"Hôtel Pasteur", "La Quincaillerie", "Les Riverains", "La Coroutine"} <= set(
        places.values_list("title", flat=True)
    )
    partner_names = set(exploration.partnerships.values_list("partner__name", flat=True))
    assert {"Transdev", "ADEME", "Arp-Astrance"} <= partner_names
    assert any("Banque des Territoires" in name for name in partner_names)


def test_the_eight_impacts_are_the_studys_own_with_their_published_titles():
    load_demo()

    impacts = ImpactPage.objects.descendant_of(mille_lieux()).live()

    assert set(impacts.values_list("title", flat=True)) == STUDY_IMPACTS
    assert list(impacts.filter(kind=ImpactPage.LIMIT).values_list("title", flat=True)) == [
        "Des avancées relativement limitées en matière de transition écologique"
    ]
    for impact in impacts:
        assert impact.source.url.startswith("https://presse.ademe.fr/"), impact.title
        assert impact.evidence.count() >= 2, impact.title


def test_the_interviews_follow_the_real_series_with_their_numbers_subjects_and_original_dates():
    load_demo()

    articles = ArticlePage.objects.descendant_of(mille_lieux()).order_by("series_number")

    assert [a.series_number for a in articles] == [number for number, _, _ in REAL_SERIES]
    for article, (number, subject, date) in zip(articles, REAL_SERIES, strict=True):
        assert article.series_label == f"{number}/8"
        assert subject in article.title
        assert article.original_source.publisher == "Le Lab Ouishare x Chronos"
        assert article.original_source.url.startswith("https://www.le-lab.org/")
        if date:
            assert article.date == date and article.original_source.date == date, article.title
    assert all(article.date.year in (2018, 2019) for article in articles)


def test_the_closing_evening_shows_the_two_impacts_the_participants_really_chose():
    load_demo()

    event = EventPage.objects.descendant_of(mille_lieux()).get()

    chosen = set(event.vote_options.filter(chosen=True).values_list("impact__title", flat=True))
    assert chosen == {
        "De nouvelles manières de faire la ville, sur des modèles non-programmés",
        "Un rôle de tiers de confiance en tant que guichets complémentaires de services au public",
    }
    assert event.vote_options.count() == 8
    assert event.source.url == "https://www.le-lab.org/exploration-mille-lieux"
    # what no public source gives stays empty
    assert event.participants_count is None and event.venue == ""
    assert not event.vote_options.exclude(votes=None).exists()


def test_every_evidence_row_timeline_event_stakeholder_and_sheet_fact_cites_a_source_with_an_address():
    load_demo()

    for row in [*Evidence.objects.all(), *TimelineEvent.objects.all(), *Stakeholder.objects.all()]:
        assert row.source is not None and row.source.url.startswith("http"), row
    for place in PlacePage.objects.all():
        cited = set(place.fact_sources.exclude(source=None).values_list("fact", flat=True))
        for fact, names in SHEET.items():
            if any(getattr(place, name) not in (None, "") for name in names):
                assert fact in cited, (place.title, fact)
        if place.activities.exists():
            assert "activities" in cited, place.title
        if place.revenue_shares.exists():
            assert "revenue_shares" in cited, place.title
    assert not PlaceFactSource.objects.filter(source=None).exists()
    assert not Source.objects.filter(url="").exists()


def test_no_quotation_is_put_in_anyones_mouth():
    load_demo()

    assert not Evidence.objects.exclude(quote="").exists()
    assert not ArticlePage.objects.exclude(pull_quote="").exists()
    for page in Page.objects.specific():
        for name in ("body", "foreword", "method", "restitution"):
            stream = getattr(page, name, None)
            if stream is not None:
                assert "quote" not in [block.block_type for block in stream], (page.title, name)
    assert not Source.objects.filter(title__icontains="synthèse de sources publiques").exists()


def test_facts_no_public_source_gives_stay_empty():
    load_demo()

    riverains = PlacePage.objects.get(slug="les-riverains")
    assert riverains.surface_m2 is None  # the sources disagree (200 or 300 m²)
    assert riverains.opening_year is None
    assert not riverains.has_coordinates  # not in the CGET database
    quincaillerie = PlacePage.objects.get(slug="la-quincaillerie")
    assert not quincaillerie.has_coordinates  # the CGET database gives the address it left in 2019
    assert quincaillerie.surface_m2 == 1000


def test_coordinates_are_stored_exactly_as_written_in_the_file():
    load_demo()

    pasteur = PlacePage.objects.get(slug="hotel-pasteur")
    assert str(pasteur.latitude) == "48.110431" and str(pasteur.longitude) == "-1.674030"


def test_the_home_page_presents_mille_lieux():
    load_demo()

    assert HomePage.objects.first().featured_exploration().slug == "mille-lieux"


def test_the_exploration_is_translated_into_english_with_wagtails_localisation(client):
    load_demo()

    exploration = mille_lieux()
    translation = exploration.get_translations().get(locale__language_code="en").specific
    assert translation.live and translation.title == "Mille Lieux"
    assert translation.summary.startswith("What do third places")
    french_url = exploration.url
    english = client.get(f"/en{french_url}").content.decode()
    assert "Looking beyond the figures" in english and "Regarder au-delà des chiffres" not in english
    assert "content-language-note" not in english
    assert "Regarder au-delà des chiffres" in client.get(french_url).content.decode()


def test_every_url_of_the_sitemap_answers_200(client):
    load_demo()

    sitemap = client.get("/sitemap.xml")

    assert sitemap.status_code == 200
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap.content.decode())
    # Every page of the study's tree (translations are read at their French page's address, under /en/).
    assert len(locations) >= Page.objects.live().filter(depth__gte=2, locale__language_code="fr").count()
    for location in locations:
        response = client.get(urlparse(location).path)
        assert response.status_code == 200, location


# -- running it again --------------------------------------------------------------------------------------------


def test_loading_twice_creates_nothing_the_second_time():
    load_demo()
    before = snapshot()

    report = load_demo()

    assert report.created == [] and report.deleted == []
    assert snapshot() == before


def test_a_page_an_editor_deleted_is_not_resurrected():
    load_demo()
    PlacePage.objects.get(slug="darwin").delete()
    ImpactPage.objects.get(slug="connexions").delete()
    before = snapshot()

    report = load_demo()

    assert not PlacePage.objects.filter(slug="darwin").exists()
    assert not ImpactPage.objects.filter(slug="connexions").exists()
    assert "page:mille-lieux/terrains/darwin" in report.deleted
    assert report.created == []
    assert snapshot() == before


def test_a_deleted_exploration_takes_its_pages_and_fields_with_it_for_good():
    load_demo()
    ExplorationPage.objects.get(slug="sharitories").delete()
    mille_lieux().delete()
    before = snapshot()

    report = load_demo()

    assert not ExplorationPage.objects.exists() and not PlacePage.objects.exists()
    assert report.created == []
    assert snapshot() == before


def test_a_page_whose_slug_an_editor_changed_is_not_duplicated():
    load_demo()
    place = PlacePage.objects.get(slug="hotel-pasteur")
    place.slug = "l-hotel-pasteur"
    place.save_revision().publish()
    index = mille_lieux().exploration.place_index
    before = snapshot()

    report = load_demo()

    assert list(
        PlacePage.objects.child_of(index).filter(title="Hôtel Pasteur").values_list("slug", flat=True)
    ) == ["l-hotel-pasteur"]
    assert report.created == []
    assert snapshot() == before


def test_an_edited_page_and_an_edited_source_are_never_overwritten():
    load_demo()
    place = PlacePage.objects.get(slug="la-coroutine")
    place.title = "La Coroutine (Lille)"
    place.surface_m2 = None
    place.save_revision().publish()
    source = Source.objects.get(title="Exploration Mille Lieux")
    source.title = "Exploration Mille Lieux (page du Lab)"
    source.save()

    load_demo()

    place = PlacePage.objects.get(pk=place.pk)
    assert place.title == "La Coroutine (Lille)" and place.surface_m2 is None
    assert (
        Source.objects.filter(
            url="https://www.le-lab.org/exploration-mille-lieux", title__startswith="Exploration Mille Lieux"
        ).count()
        == 1
    )


def test_a_page_added_to_the_files_later_is_created_on_the_next_run(content):
    load_demo(content)
    new = content / "mille-lieux" / "terrains" / "un-nouveau-lieu.toml"
    new.write_text(
        'title = "Un nouveau lieu"\nsummary = "Un lieu ajouté aux fichiers."\n'
        'commune_code = "23096"\ncommune_name = "Guéret"\n',
        encoding="utf-8",
    )

    report = load_demo(content)

    assert [page.title for page in report.created] == ["Un nouveau lieu"]


# -- bad data files ---------------------------------------------------------------------------------------------


def test_a_value_of_the_wrong_type_names_the_file_and_the_key_and_writes_nothing(content):
    edit(content / "mille-lieux" / "terrains" / "les-usines.toml", "team_size = 6", 'team_size = "six"')
    before = snapshot()

    with pytest.raises(DemoContentError) as error:
        load_demo(content)

    assert "mille-lieux/terrains/les-usines.toml" in str(error.value)
    assert "« team_size »" in str(error.value) and "nombre entier" in str(error.value)
    assert snapshot() == before


def test_a_file_that_is_not_valid_toml_is_named_with_its_line(content):
    edit(content / "mille-lieux" / "impacts" / "connexions.toml", 'kind = "positive"', "kind = positive")

    with pytest.raises(DemoContentError, match=r"mille-lieux/impacts/connexions\.toml.*TOML valide.*line"):
        load_demo(content)


def test_an_unknown_key_a_missing_source_and_a_missing_impact_are_each_refused(content):
    place = content / "mille-lieux" / "terrains" / "darwin.toml"
    edit(place, "opening_year = 2012", "ouverture = 2012")
    with pytest.raises(DemoContentError, match=r"darwin\.toml, clé « ouverture » : clé inconnue"):
        load_demo(content)

    edit(place, "ouverture = 2012", "opening_year = 2012")
    edit(place, 'source = "europe2-climax-2015"', 'source = "europe-2"')
    with pytest.raises(DemoContentError, match=r"darwin\.toml, clé « timeline_events\[6\]\.source »"):
        load_demo(content)

    edit(place, 'source = "europe-2"', 'source = "europe2-climax-2015"')
    edit(place, 'impact = "connexions"', 'impact = "connexion"')
    with pytest.raises(DemoContentError, match=r"evidence\[4\]\.impact.*« connexion »"):
        load_demo(content)


def test_a_value_the_model_refuses_names_the_file_and_the_key_and_writes_nothing(content):
    edit(content / "mille-lieux" / "terrains" / "darwin.toml", "opening_year = 2012", "opening_year = 3000")
    before = snapshot()

    with pytest.raises(DemoContentError, match=r"darwin\.toml, clé « opening_year » : .*futur"):
        load_demo(content)

    assert snapshot() == before


def test_a_bad_row_is_named_by_its_position_counted_from_one(content):
    edit(
        content / "mille-lieux" / "terrains" / "darwin.toml",
        'kind = "other"\ntitle = "L\'armée quitte la caserne Niel"',
        'kind = "autre"\ntitle = "L\'armée quitte la caserne Niel"',
    )

    with pytest.raises(DemoContentError, match=r"darwin\.toml, clé « timeline_events\[1\]\.kind »"):
        load_demo(content)


def test_a_quotation_without_its_published_source_is_refused(content):
    place = content / "mille-lieux" / "terrains" / "la-coroutine.toml"
    with place.open("a", encoding="utf-8") as file:
        file.write(
            '\n[[evidence]]\nimpact = "tiers-de-confiance"\ntext = "Un accueil."\nquote = "Une phrase."\n'
        )

    with pytest.raises(
        DemoContentError, match=r"la-coroutine\.toml, clé « evidence\[4\]\.quote » : une citation"
    ):
        load_demo(content)


# -- the command --------------------------------------------------------------------------------------------------


def test_the_command_reports_what_it_did_and_wraps_errors(monkeypatch):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "créé" in out.getvalue()

    def fail(*args, **kwargs):
        raise ValueError("disque plein")

    monkeypatch.setattr("millelieux.demo.management.commands.load_demo.load_demo", fail)
    with pytest.raises(CommandError, match="disque plein.*rien n'a été modifié"):
        call_command("load_demo", stdout=StringIO())


def test_the_command_names_the_bad_file(content):
    edit(content / "sources.toml", "date = 2019-06-24", 'date = "24 juin 2019"')

    with pytest.raises(CommandError, match=r"sources\.toml, clé « fta-roumeau-2019\.date »"):
        call_command("load_demo", "--content", str(content), stdout=StringIO())
