"""The `grouped` filter writes numbers as Django's number_format does, with the separator read once."""

import pytest
from django.utils import translation
from django.utils.formats import number_format

from millelieux.core.templatetags.millelieux_tags import grouped


@pytest.mark.parametrize("language", ["fr", "en"])
def test_whole_numbers_are_grouped_as_django_groups_them(language):
    with translation.override(language):
        for value in (0, 7, 999, 1000, 12345, -12345, 1234567, 10**12):
            assert grouped(value) == number_format(value, force_grouping=True)
        assert grouped(1512) != "1512"


def test_other_values_go_through_number_format_and_nothing_gives_nothing():
    with translation.override("fr"):
        assert grouped(1234.5) == number_format(1234.5, force_grouping=True)
        assert grouped("2019") == number_format("2019", force_grouping=True)
        assert grouped(None) == "" and grouped("") == ""
        assert grouped(True) == number_format(True, force_grouping=True)
