"""The interface translations: English under /en/, French at the root, and catalogues that are complete.

The interface is written in French (every msgid is French); locale/en translates it all, and locale/fr only
carries the French plural forms (so that "0 personne" stays singular). The .mo files are committed, since a
fresh machine may lack GNU gettext: these tests fail when a .po was edited but not compiled.
"""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from millelieux.explorations.factories import make_exploration
from millelieux.places.factories import make_place

from .pages import assert_accessible_page, get_page

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CATALOGUE = "LC_MESSAGES/django"


def read_po(path):
    """The entries of a .po file, as dicts of their fields (msgid, msgid_plural, msgstr, msgstr[0]…)
    with the strings unquoted, plus "flags" (the words of the "#," comments)."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry, field = {"flags": []}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += [flag.strip() for flag in line[2:].split(",")]
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                entry[field] += ast.literal_eval(line)
            else:
                field, _, value = line.partition(" ")
                entry[field] = ast.literal_eval(value)
        entries.append(entry)
    return entries


def site_nav(html):
    return re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)


def header(entries):
    return dict(line.split(": ", 1) for line in entries[0]["msgstr"].splitlines() if line)


@pytest.fixture
def place(db):
    exploration = make_exploration("Mille Lieux")
    return make_place(exploration, title="La Quincaillerie", team_size=0)


def test_a_page_under_en_shows_the_interface_in_english(client, place):
    html = assert_accessible_page(get_page(client, place, language="en"), lang="en")

    assert "Places studied</a>" in site_nav(html)  # the nav label of the place index
    assert '<h2 id="sheet-title">Fact sheet</h2>' in html
    assert "Skip to content" in html
    assert "0 people" in html  # English plural for zero
    assert "Terrains" not in site_nav(html)
    assert "Fiche technique" not in html
    # The editorial content is not translated: the title of the page (marked as French), and of the index in
    # the breadcrumbs.
    assert '<h1 lang="fr">La Quincaillerie</h1>' in html
    assert 'terrains/">Terrains</a></li>' in html


def test_the_same_page_without_prefix_stays_in_french(client, place):
    html = assert_accessible_page(get_page(client, place, language="fr"), lang="fr")

    assert "Lieux étudiés</a>" in site_nav(html)
    assert '<h2 id="sheet-title">Fiche technique</h2>' in html
    assert "Aller au contenu" in html
    assert "0 personne<" in html  # French: zero is singular
    assert "Places studied" not in html
    assert "<h1>La Quincaillerie</h1>" in html


def test_every_english_entry_is_translated_and_not_fuzzy():
    entries = read_po(LOCALE_DIR / "en" / f"{CATALOGUE}.po")
    meta = header(entries)
    assert meta["Language"] == "en"
    assert meta["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert len(entries) > 100

    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
    for entry in entries[1:]:
        if "msgid_plural" in entry:
            assert entry["msgstr[0]"] and entry["msgstr[1]"], entry["msgid"]
        else:
            assert entry["msgstr"], entry["msgid"]


def test_the_english_placeholders_match_the_french_ones():
    placeholder = re.compile(r"%\(\w+\)[sd]|%%")
    for entry in read_po(LOCALE_DIR / "en" / f"{CATALOGUE}.po")[1:]:
        # the singular against the French singular, the plural against the French plural
        pairs = [("msgid", "msgstr"), ("msgid", "msgstr[0]"), ("msgid_plural", "msgstr[1]")]
        for source, target in pairs:
            if target in entry:
                expected = sorted(placeholder.findall(entry[source]))
                assert sorted(placeholder.findall(entry[target])) == expected, (entry[source], target)


def test_the_french_catalogue_only_carries_the_plural_forms():
    entries = read_po(LOCALE_DIR / "fr" / f"{CATALOGUE}.po")
    meta = header(entries)
    assert meta["Language"] == "fr"
    assert meta["Plural-Forms"] == "nplurals=2; plural=(n > 1);"

    plurals = [entry for entry in entries[1:] if "msgid_plural" in entry]
    assert plurals
    for entry in plurals:
        assert entry["msgstr[0]"] == entry["msgid"]
        assert entry["msgstr[1]"] == entry["msgid_plural"]
    for entry in entries[1:]:
        if "msgid_plural" not in entry:
            assert entry["msgstr"] == "", entry["msgid"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_compiled_catalogues_exist(language):
    assert (LOCALE_DIR / language / f"{CATALOGUE}.mo").is_file()


def test_the_compiled_english_catalogue_matches_the_po():
    entries = [
        entry for entry in read_po(LOCALE_DIR / "en" / f"{CATALOGUE}.po")[1:] if "msgid_plural" not in entry
    ]
    samples = [entries[0], entries[len(entries) // 2], entries[-1]]
    samples += [entry for entry in entries if entry["msgid"] in ("Terrains", "Fiche technique")]
    with translation.override("en"):
        for entry in samples:
            if "msgctxt" in entry:
                translated = translation.pgettext(entry["msgctxt"], entry["msgid"])
            else:
                translated = translation.gettext(entry["msgid"])
            assert translated == entry["msgstr"], entry["msgid"]


def test_the_compiled_plural_forms_follow_each_language():
    en = {entry["msgid"]: entry for entry in read_po(LOCALE_DIR / "en" / f"{CATALOGUE}.po")[1:]}
    person = en["%(counter)s personne"]
    with translation.override("en"):
        assert translation.ngettext(person["msgid"], person["msgid_plural"], 0) == person["msgstr[1]"]
        assert translation.ngettext(person["msgid"], person["msgid_plural"], 1) == person["msgstr[0]"]
    with translation.override("fr"):
        assert translation.ngettext(person["msgid"], person["msgid_plural"], 0) == person["msgid"]
        assert translation.ngettext(person["msgid"], person["msgid_plural"], 2) == person["msgid_plural"]
