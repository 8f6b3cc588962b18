"""A second export rewrites only the files that changed, says how many, and keeps the others as they were
(same file, same date)."""

import re

import pytest

from millelieux.articles.models import ArticlePage
from millelieux.export.site import MARKER, export_site

from .conftest import export

pytestmark = pytest.mark.django_db


def inodes(outdir):
    """Each file's inode (the marker, which dates the export, is always new)."""
    return {
        path.relative_to(outdir).as_posix(): path.stat().st_ino
        for path in outdir.rglob("*")
        if path.is_file() and path.name != MARKER
    }


def test_exporting_again_unchanged_rewrites_nothing(demo, tmp_path):
    outdir = tmp_path / "site"
    first = export_site(outdir)
    before = inodes(outdir)

    output = export(outdir)

    rewritten = sorted(name for name, inode in inodes(outdir).items() if before.get(name) != inode)
    assert rewritten == []  # a file here changes at every rendering (e.g. a date of "now")
    assert f"0 fichiers réécrits, {first.files} inchangés." in output


def test_editing_one_page_rewrites_only_its_files_and_the_pages_that_list_it(demo, tmp_path):
    outdir = tmp_path / "site"
    first = export_site(outdir)
    before = inodes(outdir)
    article = ArticlePage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    article.title = "Un titre corrigé"
    article.save_revision().publish()
    page = article.url.lstrip("/") + "index.html"
    index = article.get_parent().url.lstrip("/") + "index.html"

    output = export(outdir)

    written, unchanged = map(int, re.search(r"(\d+) fichiers réécrits, (\d+) inchangés", output).groups())
    assert written + unchanged == first.files
    changed = {name for name, inode in inodes(outdir).items() if before.get(name) != inode}
    assert len(changed) == written
    assert page in changed and f"en/{page}" in changed
    assert index in changed and f"en/{index}" in changed  # the list of articles names it
    assert "static/css/site.css" not in changed
    assert "explorations/sharitories/index.html" not in changed
    assert 0 < written < first.files / 2
