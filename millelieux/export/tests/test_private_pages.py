"""A page in a restricted section (password, login, groups) is never exported, nor is Wagtail's form that
asks for its password; a link to it leads to the live site."""

import pytest
from wagtail.models import PageViewRestriction

from millelieux.explorations.factories import make_exploration
from millelieux.export.check import check_site
from millelieux.export.site import export_site
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def test_a_page_under_a_view_restriction_is_not_exported(tmp_path):
    exploration = make_exploration(title="Mille Lieux")
    public = make_place(exploration, title="Le Hangar")
    private = make_place(exploration, title="La Coroutine")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    outdir = tmp_path / "site"
    export_site(outdir, base_url="https://example.org")

    assert (outdir / public.url.lstrip("/") / "index.html").is_file()
    assert not (outdir / private.url.lstrip("/")).exists()
    assert not (outdir / "en" / private.url.lstrip("/")).exists()
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'name="password"' not in text, page
        assert f'href="{private.slug}/index.html"' not in text, page
    assert check_site(outdir) == []
