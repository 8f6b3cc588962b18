"""The book of a live exploration as a PDF download: /explorations/<slug>/livre.pdf."""

from django.http import FileResponse, Http404, HttpResponse
from django.views.decorators.http import require_safe

from .book import BookUnavailable
from .cache import live_book, printed_explorations


@require_safe
def exploration_book(request, slug):
    """The PDF of a live, public exploration, from the cache: kept current by publications once it exists
    (books.tasks), built here on the first request and after a change no publication announced (a move, a
    deletion)."""
    exploration = printed_explorations().filter(slug=slug).first()
    if exploration is None:
        raise Http404("Aucune exploration publiée ne porte cet identifiant.")
    try:
        path = live_book(exploration)
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
