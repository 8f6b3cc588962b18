from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command


@pytest.mark.parametrize("port", ["0", "70000"])
def test_it_refuses_a_port_out_of_range(monkeypatch, port):
    monkeypatch.setenv("PORT", port)
    with pytest.raises(CommandError, match="PORT doit être compris entre 1 et 65535"):
        call_command("serve", stdout=StringIO())


def test_it_refuses_a_port_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("PORT", "huit-mille")
    with pytest.raises(ImproperlyConfigured, match="PORT must be an integer, not 'huit-mille'"):
        call_command("serve", stdout=StringIO())
