from django.urls import re_path

from . import views

# At most nine digits: a larger id names no page, and would overflow the database's integer (a 500, not a 404).
urlpatterns = [
    re_path(r"^citer/(?P<page_id>[0-9]{1,9})\.bib$", views.cite_bibtex, name="cite_bibtex"),
    re_path(r"^citer/(?P<page_id>[0-9]{1,9})\.json$", views.cite_csl_json, name="cite_csl_json"),
]
