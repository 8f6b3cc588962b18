"""The demo's data files state the licence of each exploration's texts; a licence not in the list stops the
loading with the file and the key named, before anything is written."""

import shutil

import pytest
from wagtail.models import Page

from millelieux.demo.files import CONTENT_DIR, DemoContentError
from millelieux.demo.loader import load_demo
from millelieux.explorations.models import ExplorationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, copy)
    return copy


def set_licence(content, value):
    path = content / "mille-lieux" / "exploration.toml"
    text = path.read_text(encoding="utf-8")
    assert 'content_licence = "CC-BY-SA-4.0"' in text
    path.write_text(text.replace('content_licence = "CC-BY-SA-4.0"', f'content_licence = "{value}"'), "utf-8")


def test_the_demo_exploration_gets_the_licence_its_file_states(content):
    set_licence(content, "CC0-1.0")

    load_demo(content)

    assert (
        ExplorationPage.objects.get(slug="mille-lieux", locale__language_code="fr").content_licence
        == "CC0-1.0"
    )
    # an exploration whose file names no licence gets the default one
    assert ExplorationPage.objects.get(slug="sharitories", locale__language_code="fr").content_licence == (
        "CC-BY-SA-4.0"
    )


def test_a_licence_not_in_the_list_stops_the_loading_naming_the_file_and_the_key(content):
    set_licence(content, "GPL-3.0")
    pages_before = Page.objects.count()

    with pytest.raises(DemoContentError, match=r"mille-lieux/exploration\.toml.*content_licence.*GPL-3\.0"):
        load_demo(content)

    assert Page.objects.count() == pages_before
