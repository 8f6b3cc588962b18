"""Citable editions: freezing an exploration into a static copy at a permanent address, kept as it was while the
live pages change; never overwritten; a failure keeps nothing and says why."""

import datetime
import json
from io import BytesIO, StringIO

import bibtexparser
import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from millelieux.core.factories import make_moderator
from millelieux.core.tests.admin_helpers import login_administrator, login_editor
from millelieux.editions.freezing import FreezeError, edition_folder, freeze_edition
from millelieux.editions.models import Edition
from millelieux.explorations.factories import make_exploration
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Each test freezes into a media folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture
def exploration(db):
    exploration = make_exploration("Mille Lieux", slug="mille-lieux", organisation="La 27e Région")
    make_place(exploration, title="La Quincaillerie", summary="Un tiers-lieu à Guéret, avant travaux.")
    return exploration


def freeze(exploration, title="Mille Lieux — édition 2019", **options):
    options.setdefault("origin", "https://millelieux.example.org")
    return freeze_edition(exploration, title=title, **options)


def test_freezing_writes_the_static_copy_and_the_suggested_citation(client, exploration):
    edition = freeze(exploration, date=datetime.date(2019, 6, 20))

    assert edition.status == Edition.READY and edition.error == ""
    assert edition.slug == "mille-lieux-edition-2019"
    assert edition.pages >= 4 and edition.files > edition.pages and edition.size > 0
    assert edition.base_url == "https://millelieux.example.org/editions/mille-lieux/mille-lieux-edition-2019/"
    assert edition.citation == (
        "La 27e Région. Mille Lieux — édition 2019 [en ligne]. Mille Lieux, 20 juin 2019. "
        "Disponible à l'adresse : https://millelieux.example.org/editions/mille-lieux/mille-lieux-edition-2019/"
    )
    folder = edition_folder("mille-lieux", "mille-lieux-edition-2019")
    assert (folder / "index.html").is_file()
    assert (folder / "explorations/mille-lieux/terrains/la-quincaillerie/index.html").is_file()
    response = client.get(edition.path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert b"explorations/mille-lieux/index.html" in b"".join(response.streaming_content)


def test_the_edition_holds_the_study_as_a_pdf_book_of_that_day(client, exploration):
    edition = freeze(exploration, date=datetime.date(2019, 6, 20))
    exploration.title = "Mille Lieux, renommée"
    exploration.save_revision().publish()

    assert edition.book_path == edition.path + "livre.pdf"
    response = client.get(edition.book_path)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(BytesIO(b"".join(response.streaming_content)))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Mille Lieux — édition 2019" in text and "La Quincaillerie" in text
    assert "renommée" not in text
    listing = Template(
        '{% include "editions/includes/edition_list.html" with exploration=exploration %}'
    ).render(Context({"exploration": exploration}))
    assert f'href="{edition.book_path}"' in listing


def test_an_edition_frozen_without_its_book_does_not_offer_one(exploration):
    edition = freeze(exploration, book=False)

    assert edition.status == Edition.READY and edition.book_path == ""


def test_the_edition_keeps_the_old_text_while_the_live_page_changes(client, exploration):
    edition = freeze(exploration)
    place = exploration.places().get()
    place.summary = "Un tiers-lieu à Guéret, après travaux."
    place.save_revision().publish()

    frozen = client.get(edition.path + "explorations/mille-lieux/terrains/la-quincaillerie/")
    live = client.get("/explorations/mille-lieux/terrains/la-quincaillerie/")

    frozen_html = b"".join(frozen.streaming_content).decode()
    assert "avant travaux" in frozen_html and "après travaux" not in frozen_html
    assert "après travaux" in live.content.decode()


def test_an_edition_is_never_overwritten(exploration):
    first = freeze(exploration, slug="edition-2019")
    index = edition_folder("mille-lieux", "edition-2019") / "index.html"
    written = index.read_bytes()

    with pytest.raises(FreezeError, match="a déjà une édition « edition-2019 ».*jamais remplacée"):
        freeze(exploration, title="Autre titre", slug="edition-2019")

    first.refresh_from_db()
    assert first.status == Edition.READY and first.title == "Mille Lieux — édition 2019"
    assert index.read_bytes() == written
    assert Edition.objects.count() == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"title": "  "}, "Donnez un titre"),
        ({"slug": "Édition 2019"}, "Identifiant « Édition 2019 » invalide"),
        ({"slug": "../../etc"}, "invalide"),
        ({"date": "2019-13-45"}, "Date invalide"),
        ({"origin": "ftp://example.org"}, "L'adresse publique doit être de la forme"),
        ({"origin": "https://example.org/sous/chemin"}, "L'adresse publique doit être de la forme"),
    ],
)
def test_bad_input_is_refused_before_anything_is_written(exploration, media, options, message):
    with pytest.raises(FreezeError, match=message):
        freeze(exploration, **options)

    assert Edition.objects.count() == 0
    assert not (media / "editions").exists()


def test_an_unpublished_exploration_cannot_be_frozen(media):
    draft = make_exploration("Brouillon", live=False)

    with pytest.raises(FreezeError, match="Seule une exploration publiée et publique"):
        freeze(draft)
    assert Edition.objects.count() == 0


def test_a_failed_export_keeps_nothing_says_why_and_can_be_frozen_again(exploration, media):
    # A file where the exploration's folder of editions should be: the export cannot write there.
    (media / "editions").mkdir()
    (media / "editions" / "mille-lieux").write_text("pas un dossier", encoding="utf-8")

    with pytest.raises(FreezeError, match="n'a pas pu être gelée"):
        freeze(exploration, slug="edition-2019")

    edition = Edition.objects.get()
    assert edition.status == Edition.FAILED
    assert edition.error
    assert (media / "editions" / "mille-lieux").read_text(encoding="utf-8") == "pas un dossier"

    (media / "editions" / "mille-lieux").unlink()
    again = freeze(exploration, slug="edition-2019")
    assert again.pk == edition.pk and again.status == Edition.READY and again.error == ""


def test_a_folder_left_by_something_else_is_never_replaced(exploration, media):
    folder = edition_folder("mille-lieux", "edition-2019")
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")

    with pytest.raises(FreezeError, match="existe déjà"):
        freeze(exploration, slug="edition-2019")

    assert Edition.objects.get().status == Edition.FAILED
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "à garder"


def test_the_files_are_served_safely(client, exploration, media):
    edition = freeze(exploration, slug="edition-2019")
    base = edition.path

    assert client.get(base + "explorations/mille-lieux").status_code == 301
    folder = edition_folder("mille-lieux", "edition-2019")
    css = next(folder.rglob("*.css")).relative_to(folder).as_posix()
    assert client.get(base + css)["Content-Type"] == "text/css; charset=utf-8"
    for url in (
        base + "../../../settings.py",
        base + "..%2F..%2Fsettings.py",
        base + "%2e%2e/%2e%2e/x",
        base + ".millelieux-export",
        base + "nulle-part.html",
        base + "explorations/autre-etude/",
        base + "explorations/mille-lieux/terrains/disparu/",
        base + "%5Cevil.example/x/",
        "/editions/mille-lieux/nulle-part/",
        "/editions/autre/edition-2019/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(base).status_code == 405


def test_what_the_edition_does_not_hold_leads_to_the_live_site(client, exploration):
    edition = freeze(exploration, slug="edition-2019")

    for path in ("carte/", "citer/12.bib", "en/citer/12.json", "carte/?region=53"):
        response = client.get(edition.path + path)
        assert response.status_code == 302, path
        assert response.url == "/" + path


def test_a_failed_edition_is_not_served(client, exploration, media):
    (media / "editions").mkdir()
    (media / "editions" / "mille-lieux").write_text("x", encoding="utf-8")
    with pytest.raises(FreezeError):
        freeze(exploration, slug="edition-2019")

    assert client.get("/editions/mille-lieux/edition-2019/").status_code == 404
    assert client.get("/citer/editions/mille-lieux/edition-2019.bib").status_code == 404


def test_the_citation_of_an_edition_downloads_as_bibtex_and_csl_json(client, exploration):
    freeze(
        exploration,
        slug="edition-2019",
        date=datetime.date(2019, 6, 20),
        authors="Camille Martin\nLa 27e Région",
    )

    bib = client.get("/citer/editions/mille-lieux/edition-2019.bib")
    csl = client.get("/en/citer/editions/mille-lieux/edition-2019.json")

    assert bib.status_code == 200 and bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"].startswith('attachment; filename="mille-lieux-edition-2019')
    library = bibtexparser.parse_string(bib.content.decode())
    (entry,) = library.entries
    assert entry.entry_type == "report"
    assert entry.key == "millelieux-edition-mille-lieux-edition-2019"
    assert entry["author"] == "{Camille Martin} and {La 27e Région}"
    assert entry["date"] == "2019-06-20"
    assert entry["url"] == "https://millelieux.example.org/editions/mille-lieux/edition-2019/"
    (item,) = json.loads(csl.content)
    assert item["type"] == "report" and item["title"] == "Mille Lieux — édition 2019"
    assert item["issued"] == {"date-parts": [[2019, 6, 20]]}
    assert item["author"] == [{"literal": "Camille Martin"}, {"literal": "La 27e Région"}]
    assert client.get("/citer/editions/mille-lieux/nulle-part.json").status_code == 404


def test_the_list_of_editions_shows_the_ready_ones_with_their_citation(exploration, media):
    ready = freeze(exploration, slug="edition-2019")
    (media / "editions" / "mille-lieux" / "edition-2020").parent.mkdir(parents=True, exist_ok=True)
    (media / "editions" / "mille-lieux" / "edition-2020").write_text("x", encoding="utf-8")
    with pytest.raises(FreezeError):
        freeze(exploration, title="Édition ratée", slug="edition-2020")

    template = Template('{% include "editions/includes/edition_list.html" with exploration=exploration %}')
    with translation.override("fr"):
        html = template.render(Context({"exploration": exploration, "request": RequestFactory().get("/")}))

    assert f'<a href="{ready.path}">Mille Lieux — édition 2019</a>' in html
    assert ready.citation.replace("'", "&#x27;") in html
    assert 'href="/citer/editions/mille-lieux/edition-2019.bib"' in html
    assert "Édition ratée" not in html


def test_an_exploration_without_editions_says_so(exploration):
    html = Template(
        '{% include "editions/includes/edition_list.html" with exploration=exploration %}'
    ).render(Context({"exploration": exploration}))

    assert "Aucune édition n'a encore été gelée" in html


def test_the_command_freezes_an_edition(exploration):
    out = StringIO()
    call_command(
        "freeze_edition",
        "mille-lieux",
        "--title",
        "Mille Lieux — édition 2019",
        "--date",
        "2019-06-20",
        "--origin",
        "https://millelieux.example.org",
        stdout=out,
    )

    edition = Edition.objects.get()
    assert edition.status == Edition.READY and edition.date == datetime.date(2019, 6, 20)
    assert "Édition « Mille Lieux — édition 2019 » gelée" in out.getvalue()
    assert edition.citation in out.getvalue()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["nulle-part", "--title", "X"],
            r"Aucune exploration publiée n'a pour identifiant « nulle-part » \(connues : mille-lieux\)",
        ),
        (["mille-lieux", "--title", "X", "--date", "20/06/2019"], "Date invalide"),
        (["mille-lieux", "--title", ""], "Donnez un titre"),
    ],
)
def test_the_command_refuses_bad_input_with_a_clear_message(exploration, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("freeze_edition", *arguments, stdout=StringIO())
    assert Edition.objects.count() == 0


def test_the_command_refuses_to_overwrite_an_edition(exploration):
    call_command(
        "freeze_edition", "mille-lieux", "--title", "Édition 2019", "--slug", "e2019", stdout=StringIO()
    )

    with pytest.raises(CommandError, match="jamais remplacée"):
        call_command(
            "freeze_edition", "mille-lieux", "--title", "Autre", "--slug", "e2019", stdout=StringIO()
        )


def test_an_administrator_freezes_an_edition_from_the_admin(client, exploration):
    login_administrator(client)

    page = client.get("/admin/editions/")
    response = client.post(
        "/admin/editions/",
        {
            "exploration": exploration.pk,
            "title": "Mille Lieux — édition 2019",
            "slug": "",
            "date": "2019-06-20",
        },
    )

    assert page.status_code == 200 and "Geler une édition" in page.content.decode()
    assert response.status_code == 302
    edition = Edition.objects.get()
    assert edition.status == Edition.READY and edition.created_by.username == "admin"
    assert edition.base_url == "http://testserver/editions/mille-lieux/mille-lieux-edition-2019/"
    listing = client.get("/admin/editions/").content.decode()
    assert edition.citation.replace("'", "&#x27;") in listing


def test_the_admin_form_refuses_bad_input_and_says_why(client, exploration):
    login_administrator(client)
    freeze(exploration, slug="edition-2019")

    missing = client.post(
        "/admin/editions/", {"exploration": exploration.pk, "title": "", "date": "2019-06-20"}
    )
    bad_slug = client.post(
        "/admin/editions/", {"exploration": exploration.pk, "title": "X", "slug": "Avec espace", "date": "x"}
    )
    unknown = client.post("/admin/editions/", {"exploration": 999999, "title": "X", "date": "2019-06-20"})
    taken = client.post(
        "/admin/editions/",
        {"exploration": exploration.pk, "title": "X", "slug": "edition-2019", "date": "2019-06-20"},
        follow=True,
    )

    assert missing.status_code == 400 and "title" in missing.context["form"].errors
    assert bad_slug.status_code == 400 and {"slug", "date"} <= set(bad_slug.context["form"].errors)
    assert unknown.status_code == 400 and "exploration" in unknown.context["form"].errors
    assert "jamais remplacée" in taken.content.decode()
    assert Edition.objects.count() == 1


def test_a_failure_is_shown_in_the_admin_with_its_reason(client, exploration, media):
    login_administrator(client)
    (media / "editions").mkdir()
    (media / "editions" / "mille-lieux").write_text("x", encoding="utf-8")

    response = client.post(
        "/admin/editions/",
        {"exploration": exploration.pk, "title": "Édition 2019", "slug": "e2019", "date": "2019-06-20"},
    )

    html = response.content.decode()
    assert "n&#x27;a pas pu être gelée" in html
    assert "Échec :" in html
    assert Edition.objects.get().status == Edition.FAILED


def test_only_users_who_can_publish_the_exploration_may_freeze_it(client, exploration):
    login_editor(client)

    # Wagtail's admin turns the refusal into a redirection to the dashboard, with a message.
    for response in (
        client.get("/admin/editions/"),
        client.post("/admin/editions/", {"exploration": exploration.pk, "title": "X", "date": "2019-06-20"}),
    ):
        assert response.status_code == 302 and response.url == "/admin/"
    assert "/admin/editions/" not in client.get("/admin/").content.decode()  # no menu item
    assert Edition.objects.count() == 0

    client.force_login(make_moderator("moderator"))
    assert client.get("/admin/editions/").status_code == 200
    assert "/admin/editions/" in client.get("/admin/").content.decode()  # the menu item


def test_an_edition_outlives_its_exploration(client, exploration):
    edition = freeze(exploration, slug="edition-2019")

    exploration.delete()

    edition.refresh_from_db()
    assert edition.exploration is None
    assert client.get(edition.path).status_code == 200
    (item,) = json.loads(client.get("/citer/editions/mille-lieux/edition-2019.json").content)
    assert item["author"] == [{"literal": "La 27e Région"}]
