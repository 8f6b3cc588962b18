"""Serving pages: Wagtail's view, with a faster routing and translations read in place."""

from django.utils import translation
from wagtail import views as wagtail_views

from millelieux.core.routing import request_memo, route


def serve(request, path):
    """Wagtail's page view, with two differences.

    The address is found in one query in the site's own tree (core/routing.py), whatever the interface
    language, rather than level by level in the tree of the root's translation; and the page found shows the
    text of its live translation into the interface's language when it has one (core/i18n.py). Everything
    else (hooks, view restrictions, routable sub-pages) is Wagtail's own view. The response is rendered
    within the request memo, so what the templates read once per request is read once.
    """
    with request_memo():
        if not hasattr(request, "_wagtail_route_for_request"):
            found = route(request, path)
            if found is not None and _is_the_page_itself(found):
                read_in = getattr(found[0], "read_in", None)
                if read_in is not None:
                    read_in(translation.get_language())
            # Wagtail's view (and anything else asking Page.route_for_request) reads the route from here.
            request._wagtail_route_for_request = found
        response = wagtail_views.serve(request, path)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        return response


def shows_the_page_itself(request, page):
    """True when `request` shows `page` itself, read in the interface's language, not one of its routable
    sub-pages (which keep its French text)."""
    found = getattr(request, "_wagtail_route_for_request", None)
    return found is not None and found[0].pk == page.pk and _is_the_page_itself(found)


def _is_the_page_itself(found):
    """True unless the route is a sub-page of a routable page (the matrix, the partners): those list the
    study's French content, so they keep the French text and its language marks."""
    _page, args, _kwargs = found
    view = args[0] if args else None
    return view is None or getattr(view, "__name__", "") == "index_route"
