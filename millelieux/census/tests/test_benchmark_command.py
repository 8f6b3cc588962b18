"""`millelieux benchmark_census` refuses, in one sentence, a database without the territories it imports into."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_the_benchmark_asks_for_the_territories_before_measuring_anything():
    with pytest.raises(CommandError, match="Les territoires ne sont pas chargés"):
        call_command("benchmark_census", "--rows", "10")
