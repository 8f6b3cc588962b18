"""The book of a live exploration as a PDF download: /explorations/<slug>/livre.pdf."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

from millelieux.core.routing import private_pages_q
from millelieux.explorations.models import ExplorationPage

from .book import BookUnavailable
from .cache import cached_book


@require_safe
def exploration_book(request, slug):
    """The PDF of a live, public exploration, from the cache (built on the first request after a change)."""
    exploration = (
        ExplorationPage.objects.live()
        .exclude(private_pages_q())
        .filter(slug=slug, locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    if exploration is None:
        raise Http404("Aucune exploration publiée ne porte cet identifiant.")
    try:
        # the site's own address on the cover, whatever host the request came through (the file is shared)
        site = exploration.get_site()
        path = cached_book(exploration, base_url=site.root_url if site else None)
    except BookUnavailable as error:
        return HttpResponse(error.message, status=503, content_type="text/plain; charset=utf-8")
    response = FileResponse(
        open(path, "rb"),  # noqa: SIM115 (FileResponse closes it)
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{exploration.slug}.pdf",
    )
    response["ETag"] = f'"{path.stem}"'
    return response
