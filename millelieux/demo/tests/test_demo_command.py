from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from millelieux.territories.models import Commune

pytestmark = pytest.mark.django_db(transaction=False)


def test_the_demo_command_sets_everything_up_once_and_prints_the_credentials(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("PORT", "8123")
    first = StringIO()

    call_command("demo", "--no-serve", stdout=first)

    assert Commune.objects.filter(code="23096", name="Guéret").exists()
    password = first.getvalue().split("mot de passe : ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert (tmp_path / "demo-admin.txt").stat().st_mode & 0o077 == 0
    pages = Page.objects.count()
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8123"

    second = StringIO()
    call_command("demo", "--no-serve", stdout=second)

    assert f"mot de passe : {password}" in second.getvalue()
    assert "déjà chargés" in second.getvalue()
    assert get_user_model().objects.count() == 1
    assert Page.objects.count() == pages


def test_running_the_demo_again_never_rewrites_the_sites_address(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("PORT", "8123")
    call_command("demo", "--no-serve", stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "millelieux.example.org", 443
    site.save()

    monkeypatch.setenv("PORT", "9000")
    call_command("demo", "--no-serve", stdout=StringIO())

    assert Site.objects.get(is_default_site=True).root_url == "https://millelieux.example.org"


def test_the_demo_leaves_a_site_address_an_administrator_chose_before_it_ran(settings, tmp_path, monkeypatch):
    settings.DATA_DIR = tmp_path
    Site.objects.filter(is_default_site=True).update(hostname="millelieux.example.org", port=443)
    monkeypatch.setenv("PORT", "8123")

    call_command("demo", "--no-serve", stdout=StringIO())

    assert Site.objects.get(is_default_site=True).root_url == "https://millelieux.example.org"
