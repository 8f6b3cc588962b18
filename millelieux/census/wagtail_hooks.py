"""The census in the admin: its entries (read-mostly, searched and filtered) and the probable duplicates that
an editor merges or dismisses."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CensusEntry, DuplicateCandidate


class CensusEntryViewSet(ModelViewSet):
    model = CensusEntry
    icon = "site"
    menu_label = gettext_lazy("Lieux recensés")
    list_display = ["name", "census", "commune", "typology", "status"]
    list_filter = ["census", "status", "typology", "commune__department"]
    search_fields = ["name", "external_id", "commune_label", "address"]
    # Entries come from imports: an editor corrects a few fields, and adds nothing by hand.
    form_fields = ["name", "typology", "website", "location_note", "status"]
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["name"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"  # what the importer adds to "www.example.fr" too
        return super().formfield_for_dbfield(db_field, **kwargs)


class DuplicateIndexView(IndexView):
    def get_edit_url(self, instance):
        return reverse("census_duplicates:decide", args=(instance.pk,))


class DuplicateCandidateViewSet(ModelViewSet):
    model = DuplicateCandidate
    icon = "resubmit"
    menu_label = gettext_lazy("Doublons probables")
    url_namespace = "census_duplicates"
    url_prefix = "census/duplicates"
    index_view_class = DuplicateIndexView
    list_display = ["__str__", "distance_m", "name_similarity", "decision"]
    list_filter = ["decision", "first__census"]
    form_fields = ["decision"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return DuplicateCandidate.objects.select_related("first__commune", "second__commune")

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", self.decide_view, name="decide")]

    def decide_view(self, request, pk):
        """Both entries side by side; POST keep=<entry id> merges, POST dismiss=1 dismisses."""
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        candidate = get_object_or_404(self.get_queryset(request), pk=pk)
        if request.method == "POST":
            if request.POST.get("dismiss"):
                candidate.dismiss(request.user)
                messages.success(request, _("« %(pair)s » : lieux distincts.") % {"pair": candidate})
                return redirect(self.get_url_name("index"))
            keep = {str(e.pk): e for e in (candidate.first, candidate.second)}.get(
                request.POST.get("keep", "")
            )
            if keep is None:
                messages.error(request, _("Choisissez le lieu à garder."))
            else:
                other = candidate.merge(keep, request.user)
                messages.success(
                    request, _("« %(other)s » fusionné dans « %(keep)s ».") % {"other": other, "keep": keep}
                )
                return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "census/admin/duplicate_decide.html",
            {
                "candidate": candidate,
                "entries": [candidate.first, candidate.second],
                "header_icon": self.icon,
                "page_title": _("Doublon probable"),
                "index_url": reverse(self.get_url_name("index")),
            },
        )


class CensusViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Recensements")
    menu_icon = "site"
    menu_order = 250
    items = (CensusEntryViewSet("census_entries", url_prefix="census/entries"), DuplicateCandidateViewSet())


@hooks.register("register_admin_viewset")
def register_census_viewsets():
    return CensusViewSetGroup()
