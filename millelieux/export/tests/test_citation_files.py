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
