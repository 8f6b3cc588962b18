"""Editions in the admin: the list of every edition (with its state and, for a failure, why) and the
« Geler une édition » form, for the users who can publish an exploration."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from .forms import FreezeForm, publishable_explorations
from .freezing import FreezeError, freeze_edition
from .models import Edition


def editions_view(request):
    """GET: the editions of the explorations the user can publish, and the form; POST: freeze one."""
    explorations = publishable_explorations(request.user)
    if not explorations:
        raise PermissionDenied
    form = FreezeForm(request.POST or None, explorations=explorations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            edition = freeze_edition(
                data["exploration"],
                title=data["title"],
                slug=data["slug"],
                date=data["date"],
                authors=data["authors"],
                user=request.user,
                origin=request.build_absolute_uri("/").rstrip("/"),
            )
        except FreezeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Édition « %(title)s » gelée : %(pages)s pages, à l'adresse %(url)s.")
                % {"title": edition.title, "pages": edition.pages, "url": edition.base_url},
            )
            return redirect("editions_admin")
    editions = Edition.objects.filter(exploration__in=[page.pk for page in explorations]).select_related(
        "exploration", "created_by"
    )
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return TemplateResponse(
        request,
        "editions/admin/editions.html",
        {"form": form, "editions": editions, "page_title": _("Éditions citables")},
        status=status,
    )


@hooks.register("register_admin_urls")
def register_editions_urls():
    return [path("editions/", editions_view, name="editions_admin")]


class EditionsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(publishable_explorations(request.user))


@hooks.register("register_admin_menu_item")
def register_editions_menu_item():
    return EditionsMenuItem(
        gettext_lazy("Éditions citables"), reverse("editions_admin"), icon_name="history", order=260
    )
