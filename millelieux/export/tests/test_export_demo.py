"""The demo exported whole: every page in both languages, assets and data, no broken link, no admin link."""

import re
from urllib.parse import unquote

import pytest
from wagtail.models import Site

from millelieux.export.check import check_site
from millelieux.export.site import MARKER, export_site

from .conftest import export

pytestmark = pytest.mark.django_db


def html_files(outdir):
    return sorted(outdir.rglob("*.html"))


def test_the_demo_exports_with_no_broken_link_and_no_missing_asset(demo, tmp_path):
    outdir = tmp_path / "site"
    output = export(outdir, "--check")

    assert "Vérification : aucun lien cassé." in output
    assert "\r" not in output  # no progress bar when the output is not a terminal
    assert check_site(outdir) == []
    assert (outdir / MARKER).is_file()
    assert (outdir / "index.html").is_file() and (outdir / "en" / "index.html").is_file()
    for path in (
        "explorations/mille-lieux/index.html",
        "explorations/mille-lieux/matrice/index.html",
        "explorations/mille-lieux/partenaires/index.html",
        "carte/index.html",
        "sitemap.xml",
        "static/css/site.css",
        "static/js/figures.js",
    ):
        assert (outdir / path).is_file(), path
        if path.endswith(".html"):
            assert (outdir / "en" / path).is_file(), f"en/{path}"


def test_every_link_is_relative_and_names_its_file_and_none_leads_to_the_admin(demo, tmp_path):
    outdir = tmp_path / "site"
    export_site(outdir)

    for page in html_files(outdir):
        text = page.read_text(encoding="utf-8")
        assert "/admin/" not in text, page
        for value in re.findall(r'\s(?:href|src)="([^"]*)"', text):
            if value.startswith(("http://", "https://", "mailto:", "#", "data:")):
                continue
            assert not value.startswith("/"), (page, value)
            assert "?" not in value, (page, value)
            path = value.split("#")[0]
            assert "." in path.rsplit("/", 1)[-1], (page, value)  # a file's name, never a folder


def test_the_english_interface_is_under_en_and_links_between_its_pages(demo, tmp_path):
    outdir = tmp_path / "site"
    export_site(outdir)

    page = (outdir / "en" / "explorations" / "mille-lieux" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    assert 'href="terrains/index.html"' in page
    french = (outdir / "explorations" / "mille-lieux" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french
    assert 'href="../../en/explorations/mille-lieux/index.html"' in french  # the language switch


def test_the_national_map_loads_its_data_with_a_script_rather_than_a_fetch(demo, tmp_path):
    outdir = tmp_path / "site"
    export_site(outdir)

    page = (outdir / "carte" / "index.html").read_text(encoding="utf-8")
    assert 'as="fetch"' not in page
    scripts = re.findall(r'<script src="([^"]+\.json\.js)"></script>', page)
    assert len(scripts) == 2
    for script in scripts:
        baked = (outdir / "carte" / script).read_text(encoding="utf-8")
        assert baked.startswith("(window.millelieuxStatic = window.millelieuxStatic || {})")
        assert (outdir / "carte" / script[: -len(".js")]).is_file()
    # the monographs' markers link to their pages, relative to the map's page
    assert '"url": "../explorations/mille-lieux/terrains/darwin/index.html"' in page
    assert "Le Lieu Commun" in (outdir / "carte" / scripts[0][: -len(".js")]).read_text(encoding="utf-8")


def test_fonts_are_written_into_the_style_sheet_since_file_urls_load_no_font(demo, tmp_path):
    outdir = tmp_path / "site"
    export_site(outdir)

    fonts = (outdir / "static" / "css" / "fonts.css").read_text(encoding="utf-8")
    assert 'url("data:font/woff2;base64,' in fonts
    assert '.woff2"' not in fonts
    assert 'as="font"' not in (outdir / "index.html").read_text(encoding="utf-8")


def test_linked_filters_and_list_pages_become_files_of_their_own(demo, tmp_path):
    outdir = tmp_path / "site"
    export_site(outdir)

    matrix = outdir / "explorations" / "mille-lieux" / "matrice"
    filtered = sorted(path.name for path in matrix.glob("index.q-*.html"))
    assert filtered, "the matrix's filters are links: each is baked"
    assert f'href="{filtered[0]}"' in (matrix / "index.html").read_text(encoding="utf-8").replace(
        "&amp;", "&"
    )


def test_a_base_url_under_a_sub_path_is_used_for_absolute_addresses_only(demo, tmp_path):
    outdir = tmp_path / "site"
    export(outdir, "--base-url", "https://example.org/etudes/mille-lieux/")

    sitemap = (outdir / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all(loc.startswith("https://example.org/etudes/mille-lieux/") for loc in locs)
    assert "https://example.org/etudes/mille-lieux/explorations/mille-lieux/" in locs
    home = (outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="explorations/mille-lieux/index.html"' in home
    assert check_site(outdir) == []
    # every absolute address (sitemap, canonical, JSON-LD, feeds) leads to a file a static host serves
    for path in outdir.rglob("*"):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".atom", ".json"):
            continue
        for url in re.findall(
            r"https://example\.org/etudes/mille-lieux/([^\s\"'<>)]*)", path.read_text("utf-8")
        ):
            target = outdir / unquote(url.split("#")[0])
            assert (
                (target / "index.html").is_file() if url in ("",) or url.endswith("/") else target.is_file()
            ), (
                path,
                url,
            )


def test_only_one_exploration_is_exported_with_links_to_the_rest_leading_to_the_live_site(demo, tmp_path):
    outdir = tmp_path / "edition"
    report = export_site(outdir, exploration="sharitories", base_url="https://example.org")

    assert (outdir / "explorations" / "sharitories" / "index.html").is_file()
    assert (outdir / "en" / "explorations" / "sharitories" / "index.html").is_file()
    assert not (outdir / "explorations" / "mille-lieux").exists()
    assert not (outdir / "carte").exists()
    assert "url=explorations/sharitories/index.html" in (outdir / "index.html").read_text(encoding="utf-8")
    page = (outdir / "explorations" / "sharitories" / "index.html").read_text(encoding="utf-8")
    live = Site.objects.get(is_default_site=True).root_url
    assert f'href="{live}/carte/"' in page  # not in the edition: the live site
    assert report.pages >= 4
    assert check_site(outdir) == []


def test_a_zip_of_the_export_is_written_next_to_it(demo, tmp_path):
    import zipfile

    outdir = tmp_path / "site"
    output = export(outdir, "--zip")

    archive = tmp_path / "site.zip"
    assert f"Archive : {archive}" in output
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
    assert "site/index.html" in names and "site/en/carte/index.html" in names
    assert f"site/{MARKER}" not in names
    assert not list(tmp_path.glob(".site.zip-*"))
