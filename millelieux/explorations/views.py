"""« Citer cette page »: the citation of a public page to download, as BibTeX or CSL-JSON."""

import json

from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from millelieux.core.routing import memoised, public_page, site_for_request

from .citations import bibtex, citation_key, csl_item, filename, public_item


def citable_page(request, page_id):
    """The live, public page `page_id` of the request's site, as a reader would see it; 404 for any other
    (unknown, draft, private, outside the site, or the tree's root)."""
    site = site_for_request(request)
    page = public_page(page_id, site.root_page) if site is not None else None
    if page is None:
        raise Http404
    read_in = getattr(page, "read_in", None)
    if read_in is not None:
        read_in(translation.get_language())  # the title of its translation, if the interface has one
    return page


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def citation_item(request, page_id):
    """The CSL item of the page, as its own page computed it in the same static export, else read now."""

    def compute():
        return csl_item(citable_page(request, page_id), request=request)

    return memoised(citation_key(page_id, request), compute, lasting=True)


@require_safe
def cite_bibtex(request, page_id):
    item = citation_item(request, page_id)
    return _download(bibtex(item), "application/x-bibtex; charset=utf-8", filename(item, "bib"))


@require_safe
def cite_csl_json(request, page_id):
    item = citation_item(request, page_id)
    content = json.dumps([public_item(item)], ensure_ascii=False, indent=2)
    return _download(
        content, "application/vnd.citationstyles.csl+json; charset=utf-8", filename(item, "json")
    )
