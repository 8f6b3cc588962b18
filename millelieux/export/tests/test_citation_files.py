"""The citation files of a static export, read from what each page computed during the crawl, are the files
the live site serves for them."""

import pytest
from django.utils import translation

from millelieux.explorations.factories import make_exploration
from millelieux.export.site import export_site
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def test_each_exported_citation_file_is_the_one_the_live_site_gives(client, tmp_path):
    exploration = make_exploration(title="Mille Lieux")
    places = [make_place(exploration, title=title) for title in ("La Coroutine", "Darwin")]

    export_site(tmp_path / "site")

    compared = 0
    for page in [exploration, *places]:
        for language, prefix in (("fr", ""), ("en", "en/")):
            for extension in ("bib", "json"):
                exported = tmp_path / "site" / f"{prefix}citer/{page.pk}.{extension}"
                with translation.override(language):
                    live = client.get(f"/{prefix}citer/{page.pk}.{extension}", HTTP_HOST="localhost")
                assert live.status_code == 200
                assert exported.read_bytes() == live.content
                assert page.title.encode() in live.content
                compared += 1
    assert compared == 12


def test_a_sub_page_shown_first_does_not_change_the_citation_files_of_its_translated_exploration(client):
    """The matrix shows the exploration with its French text; its English citation files cite the English
    reading, whichever page of the crawl is rendered first."""
    from millelieux.core.builders import create_translation
    from millelieux.core.routing import lasting_memo
    from millelieux.core.tests.pages import url_of

    exploration = make_exploration(title="Mille Lieux")
    create_translation(exploration, "en", title="A Thousand Places")
    with translation.override("en"):
        live = client.get(f"/en/citer/{exploration.pk}.json", HTTP_HOST="localhost")
        assert b"A Thousand Places" in live.content
        with lasting_memo():
            matrix = client.get(url_of(exploration, "en") + "matrice/", HTTP_HOST="localhost")
            assert matrix.status_code == 200
            crawled = client.get(f"/en/citer/{exploration.pk}.json", HTTP_HOST="localhost")
    assert crawled.content == live.content
