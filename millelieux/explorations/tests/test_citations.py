"""« Citer cette page »: the suggested citation on every page, and its BibTeX and CSL-JSON downloads."""

import datetime
import html
import json

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from django.utils import timezone
from wagtail.models import PageViewRestriction

from millelieux.articles.factories import make_article
from millelieux.core.tests.pages import assert_accessible_page, get_page, url_of
from millelieux.explorations.citations import bibtex, citation_text, csl_item
from millelieux.explorations.factories import home_page, make_exploration
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def bib_url(page, language=None):
    return ("/en" if language == "en" else "") + f"/citer/{page.pk}.bib"


def json_url(page, language=None):
    return ("/en" if language == "en" else "") + f"/citer/{page.pk}.json"


def parse_bibtex(text):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry


def cite_block(page_html):
    start = page_html.index('<details class="cite">')
    return page_html[start : page_html.index("</details>", start)]


def test_a_monograph_is_cited_with_its_exploration_its_organisation_and_its_address(client):
    exploration = make_exploration("Mille Lieux", organisation="La 27e Région")
    place = make_place(exploration, title="La Quincaillerie")

    block = cite_block(assert_accessible_page(get_page(client, place)))

    text = html.unescape(block)
    assert "Citer cette page" in text
    assert "La 27e Région. La Quincaillerie [en ligne]. In : Mille Lieux. Mille Lieux," in text
    assert f"Disponible à l'adresse : http://testserver{url_of(place)}" in text
    assert f'href="{bib_url(place)}"' in block and f'href="{json_url(place)}"' in block


def test_the_exploration_and_the_home_page_offer_a_citation_too(client):
    exploration = make_exploration("Mille Lieux", organisation="La 27e Région")

    exploration_block = html.unescape(cite_block(get_page(client, exploration).content.decode()))
    home_block = html.unescape(cite_block(get_page(client, "/").content.decode()))

    assert "La 27e Région. Mille Lieux [en ligne]. Mille Lieux," in exploration_block
    assert "In :" not in exploration_block  # the study is not inside itself
    assert f'href="{bib_url(home_page())}"' in home_block
    assert "http://testserver/" in home_block


def test_the_bibtex_download_parses_back_with_the_right_fields(client):
    exploration = make_exploration("Mille Lieux", organisation="La 27e Région")
    place = make_place(exploration, title="La Quincaillerie")

    response = client.get(bib_url(place))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="la-quincaillerie-{place.pk}.bib"'
    entry = parse_bibtex(response.content.decode())
    assert entry.entry_type == "online"
    assert entry.key == f"millelieux-{place.pk}"
    assert entry["title"] == "La Quincaillerie"
    assert entry["author"] == "La 27e Région"
    assert entry["titleaddon"] == "Mille Lieux"
    assert entry["organization"] == "Mille Lieux"
    assert entry["url"] == f"http://testserver{url_of(place)}"
    assert entry["urldate"] == datetime.date.today().isoformat()
    # the day in the site's time zone (Europe/Paris), as readers and the page see it, not in UTC
    assert entry["date"] == timezone.localdate(place.first_published_at).isoformat()
    assert entry["langid"] == "french"


def test_a_page_published_just_after_midnight_in_paris_is_cited_with_the_paris_day(client):
    place = make_place(title="La Quincaillerie")
    place.first_published_at = datetime.datetime(2026, 6, 30, 22, 30, tzinfo=datetime.UTC)  # 1 July, 0:30
    place.save(update_fields=["first_published_at"])

    entry = parse_bibtex(client.get(bib_url(place)).content.decode())
    (item,) = json.loads(client.get(json_url(place)).content)

    assert entry["date"] == "2026-07-01"
    assert item["issued"] == {"date-parts": [[2026, 7, 1]]}


def test_the_bibtex_key_is_stable_when_the_title_changes(client):
    place = make_place(title="La Quincaillerie")
    first = parse_bibtex(client.get(bib_url(place)).content.decode())
    place.title = "La Quincaillerie numérique"
    place.save_revision().publish()

    second = parse_bibtex(client.get(bib_url(place)).content.decode())

    assert first.key == second.key
    assert second["title"] == "La Quincaillerie numérique"


def test_quotes_braces_and_accents_in_a_title_survive_bibtex_escaping(client):
    title = 'L\'« Atelier » {sic} "100 %" & Cie — été 2019, n° #3 $_'
    place = make_place(title=title)

    entry = parse_bibtex(client.get(bib_url(place)).content.decode())

    assert entry["title"] == title


def test_the_csl_json_download_is_a_list_of_items_with_dates_as_date_parts(client):
    exploration = make_exploration("Mille Lieux", organisation="La 27e Région")
    place = make_place(exploration, title="La Quincaillerie")

    response = client.get(json_url(place))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="la-quincaillerie-{place.pk}.json"'
    items = json.loads(response.content)
    assert isinstance(items, list) and len(items) == 1
    (item,) = items
    assert {"type", "id", "title"} <= set(item)
    assert item["type"] == "webpage"
    assert item["title"] == "La Quincaillerie"
    assert item["author"] == [{"literal": "La 27e Région"}]
    assert item["container-title"] == "Mille Lieux"
    assert item["publisher"] == "Mille Lieux"
    assert item["language"] == "fr"
    assert item["URL"] == f"http://testserver{url_of(place)}"
    published = timezone.localdate(place.first_published_at)
    assert item["issued"] == {"date-parts": [[published.year, published.month, published.day]]}
    today = datetime.date.today()
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert not any(key.startswith("_") for key in item)


def test_an_interview_is_authored_by_the_people_interviewed(client):
    exploration = make_exploration("Mille Lieux", organisation="La 27e Région")
    article = make_article(
        exploration,
        "Entretien avec Camille",
        interviewees=[{"name": "Camille Martin"}, {"name": "Sami Durand", "role": "Gérant"}],
    )
    essay = make_article(exploration, "Un essai", kind="essay")

    (interview_item,) = json.loads(client.get(json_url(article)).content)
    (essay_item,) = json.loads(client.get(json_url(essay)).content)

    assert interview_item["type"] == "interview"
    assert interview_item["author"] == [{"literal": "Camille Martin"}, {"literal": "Sami Durand"}]
    assert essay_item["type"] == "article"
    assert essay_item["author"] == [{"literal": "La 27e Région"}]


def test_a_page_without_an_organisation_has_no_invented_author(client):
    place = make_place(make_exploration("Sans auteur", organisation=""), title="La Quincaillerie")

    (item,) = json.loads(client.get(json_url(place)).content)
    entry = parse_bibtex(client.get(bib_url(place)).content.decode())

    assert "author" not in item
    assert "author" not in entry.fields_dict
    assert citation_text(csl_item(place)).startswith("La Quincaillerie [en ligne].")


def test_an_exploration_is_cited_as_a_report(client):
    exploration = make_exploration("Mille Lieux", organisation="La 27e Région")

    entry = parse_bibtex(client.get(bib_url(exploration)).content.decode())

    assert entry.entry_type == "report"
    assert entry["institution"] == "Mille Lieux"
    assert "titleaddon" not in entry.fields_dict


def test_the_text_says_when_a_page_was_updated_after_its_first_publication(client):
    place = make_place(title="La Quincaillerie")
    place.first_published_at = place.first_published_at - datetime.timedelta(days=400)
    place.save(update_fields=["first_published_at"])

    text = citation_text(csl_item(place))

    assert "Mis à jour le" in text


def test_a_draft_a_private_page_an_unknown_id_and_a_bad_id_answer_404(client):
    exploration = make_exploration("Mille Lieux")
    draft = make_place(exploration, title="Brouillon", live=False)
    private = make_place(exploration, title="Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for url in (
        bib_url(draft),
        json_url(draft),
        bib_url(private),
        json_url(private),
        "/citer/999999.bib",
        "/citer/999999999.json",
        "/citer/99999999999999999999.bib",
        "/citer/abc.bib",
        "/citer/-1.json",
        "/citer/1.5.json",
        "/citer/1.bib",  # the tree's root, outside the site
        "/en/citer/abc.json",
    ):
        assert client.get(url).status_code == 404, url


def test_a_post_is_refused(client):
    place = make_place()

    assert client.post(bib_url(place)).status_code == 405


def test_the_english_interface_offers_the_downloads_under_en(client):
    place = make_place(title="La Quincaillerie")

    block = cite_block(get_page(client, place, language="en").content.decode())
    response = client.get(json_url(place, "en"))

    assert f'href="{bib_url(place, "en")}"' in block
    assert response.status_code == 200
    (item,) = json.loads(response.content)
    assert item["URL"] == f"http://testserver{url_of(place)}"  # the study's French address
    assert client.get(bib_url(place, "en")).status_code == 200


def test_a_preview_shows_no_citation_since_it_may_differ_from_the_live_page(admin_user, rf):
    place = make_place(title="La Quincaillerie")
    request = rf.get("/admin/")
    request.user = admin_user

    # As the admin previews: a dummy request flagged `is_preview`.
    response = place.make_preview_request(request, place.default_preview_mode)
    page_html = response.content.decode()

    assert "La Quincaillerie" in page_html
    assert "Citer cette page" not in page_html


def test_the_citation_of_a_page_names_any_base_url(client):
    place = make_place(title="La Quincaillerie")

    item = csl_item(place, base_url="https://example.org/editions/mille-lieux/2019/")

    assert item["URL"] == "https://example.org/editions/mille-lieux/2019" + url_of(place)
    assert parse_bibtex(bibtex(item))["url"] == item["URL"]
