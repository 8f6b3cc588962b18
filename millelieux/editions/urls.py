from django.urls import re_path

from . import views

SLUGS = r"(?P<exploration_slug>[-a-zA-Z0-9_]{1,255})/(?P<slug>[a-z0-9-]{1,80})"

# The frozen files, at the same address in every interface language (an edition holds its own /en/ pages).
urlpatterns = [
    re_path(rf"^editions/{SLUGS}/(?P<path>.*)$", views.serve_edition, name="edition"),
]

# The citation of an edition, under /en/ too (in millelieux/urls.py's i18n_patterns).
citation_urlpatterns = [
    re_path(rf"^citer/editions/{SLUGS}\.bib$", views.edition_bibtex, name="edition_bibtex"),
    re_path(rf"^citer/editions/{SLUGS}\.json$", views.edition_csl_json, name="edition_csl_json"),
]
