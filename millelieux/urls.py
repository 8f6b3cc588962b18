import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from millelieux.api.api import api
from millelieux.books.urls import localized_urlpatterns as book_redirect_urls
from millelieux.core.serving import favicon, robots_txt, serve_media
from millelieux.core.views import serve as serve_page
from millelieux.editions.urls import citation_urlpatterns as edition_citation_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", favicon, name="favicon"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("api/v1/", api.urls),
    path("", include("millelieux.editions.urls")),  # /editions/<exploration>/<edition>/: frozen static copies
    path("", include("millelieux.books.urls")),  # the study as a PDF book (/explorations/<slug>/livre.pdf)
]

# Uploaded images and their renditions, with or without DEBUG, unless SERVE_MEDIA is off (the view checks it,
# so that a proxy serving /media/ itself can take over). Only for a MEDIA_URL on this site.
if settings.MEDIA_URL.startswith("/") and not settings.MEDIA_URL.startswith("//"):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.append(re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media"))

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Pages in French at the root, the interface in English under /en/. Pages are served by Wagtail's view through
# core.views.serve (same address pattern, first in the list), which reads translations (core/i18n.py).
urlpatterns += i18n_patterns(
    path("", include("millelieux.census.urls")),  # the national map (/carte/), before Wagtail's catch-all
    path("", include(book_redirect_urls)),  # /en/explorations/<slug>/livre.pdf: to the book's one address
    path("", include("millelieux.explorations.urls")),  # « Citer cette page » (/citer/<id>.bib and .json)
    path("", include(edition_citation_urls)),  # /citer/editions/<exploration>/<edition>.bib and .json
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
