"""A page's address is built as Django's reverse() builds it, with the language's prefix reversed once."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from millelieux.core.i18n import page_address

PATHS = ["", "explorations/mille-lieux/", "explorations/exploration-générée/terrains/l-hôtel_pasteur/"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_address_is_the_one_reverse_gives(language):
    for path in PATHS:
        with translation.override(language):
            expected = reverse("wagtail_serve", args=(path,))
        assert page_address(path, language) == expected


def test_the_address_follows_the_script_prefix_of_a_site_served_under_a_path():
    try:
        set_script_prefix("/etudes/")
        with translation.override("en"):
            expected = reverse("wagtail_serve", args=("explorations/mille-lieux/",))
        assert expected.startswith("/etudes/en/")
        assert page_address("explorations/mille-lieux/", "en") == expected
    finally:
        set_script_prefix("/")
    assert page_address("explorations/mille-lieux/", "en") == "/en/explorations/mille-lieux/"


@pytest.mark.parametrize("path", ["a b/", "explorations/mille-lieux", "../etc/", "x/?y=1/"])
def test_a_path_that_is_no_page_address_is_refused_as_reverse_refuses_it(path):
    with pytest.raises(NoReverseMatch):
        reverse("wagtail_serve", args=(path,))
    with pytest.raises(NoReverseMatch):
        page_address(path, "fr")
