"""Helpers for the admin edit tests: URLs, POST data for page forms, and reading errors back from a response.

data = page_data("La Quincaillerie", summary="…", body=streamfield([]), evidence=inline_formset([]))
response = client.post(add_url(PlacePage, index), nested_form_data(data))
response = client.post(edit_url(page), nested_form_data(data) | PUBLISH)
assert field_errors(response)["title"]
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from millelieux.core.factories import make_editor

PUBLISH = {"action-publish": "action-publish"}


def page_data(title, **fields):
    """The fields every Wagtail page form posts (promote and settings tabs, comments), plus `fields`.

    The slug is required by the admin form (its JavaScript fills it from the title): here, slugify(title).
    Use nested_form_data(page_data(...)) to post; inline relations go in as inline_formset([...]) values and
    stream fields as streamfield([...]) values. A multiple choice (checkboxes) is a *tuple* of ids: a list
    would be flattened by nested_form_data into numbered keys, while the test client posts a tuple as
    repeated values.
    """
    data = {
        "title": title,
        "slug": slugify(title),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return data


def post(client, url, data, publish=False):
    """POST nested `data` (as built by page_data or by hand), pressing "Publish" when publish=True."""
    payload = nested_form_data(data)
    if publish:
        payload.update(PUBLISH)
    return client.post(url, payload)


def add_url(model, parent):
    meta = model._meta
    return f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/"


def add_preview_url(model, parent):
    return add_url(model, parent) + "preview/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def edit_preview_url(page):
    return edit_url(page) + "preview/"


def snippet_url(model, action, *args):
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{action}", args=args)


def login_editor(client, username="editor"):
    """Log `client` in as a member of the Éditeur group (not a superuser) and return the user."""
    editor = make_editor(username)
    assert not editor.is_superuser and not editor.is_staff
    client.force_login(editor)
    return editor


def login_administrator(client, username="admin"):
    """Log `client` in as a superuser, who may publish directly (editors submit to moderation)."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(username, f"{username}@example.org", "password")
    client.force_login(admin)
    return admin


def field_errors(response):
    """The errors of the main admin form re-rendered after an invalid POST (the view answers 200)."""
    assert response.status_code == 200, f"expected the form back with errors, got {response.status_code}"
    return response.context["form"].errors


def inline_errors(response, relation, index=0):
    """The errors of row `index` of the inline `relation` of the re-rendered page form."""
    assert response.status_code == 200, f"expected the form back with errors, got {response.status_code}"
    return response.context["form"].formsets[relation].forms[index].errors


def future_datetime(days=30):
    """A go-live date in the future, in the format the admin's date-time widget posts."""
    moment = timezone.localtime() + datetime.timedelta(days=days)
    return moment.strftime("%Y-%m-%d %H:%M"), moment


def get_preview(client, url):
    """GET the preview that a previous POST to `url` stored, check that it renders, and return its HTML."""
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()
