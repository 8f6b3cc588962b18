"""Finding the page of an address in few queries, and what one request reads once.

Wagtail routes an address one level at a time (two queries a level: the child, then its specific page), then
reads the ancestors again for the view restrictions and the breadcrumbs, and every `.public()` reads all the
restrictions again. Here the pages along the address come in one query, the routed page keeps them as its
ancestors, and the restrictions are read once per request (a request memo, see `request_memo`).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from wagtail.models import Page, PageViewRestriction, Site

from millelieux.core import rawrows

_memo = ContextVar("millelieux_request_memo", default=None)
_lasting_memo = ContextVar("millelieux_lasting_memo", default=None)


@contextmanager
def request_memo():
    """Within this block, values read through `memoised` are read once (the serve view opens one per request)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


@contextmanager
def lasting_memo():
    """Within this block, values read through `memoised(..., lasting=True)` are read once for every request it
    serves, not once per request. The static export opens one for its whole crawl: it bakes one moment of the
    site, and its hundreds of pages read the same restrictions, site and lists. Only values that no request
    changes are read so."""
    token = _lasting_memo.set({})
    try:
        yield
    finally:
        _lasting_memo.reset(token)


def open_lasting_memo():
    """lasting_memo() for the rest of this process (a rendering process of the export)."""
    _lasting_memo.set({})


def in_lasting_memo():
    """Whether a lasting memo is open (a static export's crawl): a value read once may then cover every page that
    will ask for a part of it, where a single request would read only its part."""
    return _lasting_memo.get() is not None


def memoised(key, compute, lasting=False):
    memo = _lasting_memo.get() if lasting else None
    if memo is None:
        memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def view_restrictions():
    """Every page view restriction of the site, with its page (one query per request, or per export)."""
    return memoised(
        "view_restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page")),
        lasting=True,
    )


def private_pages_q():
    """What Wagtail's `.public()` excludes (pages in a restricted section), from the request's restrictions."""
    q = None
    for restriction in view_restrictions():
        part = Page.objects.descendant_of_q(restriction.page, inclusive=True)
        q = part if q is None else q | part
    return q if q is not None else Q(pk__in=[])  # no restricted section: exclude nothing


def public_pages_sql(alias):
    """(SQL condition, params): the page row `alias` is live and outside every restricted section (what
    `.live()` with `private_pages_q()` excluded says, for written-out SQL)."""
    # Tree paths are made of digits and capital letters only: no LIKE wildcard to escape.
    conditions, params = [f"{alias}.live"], []
    for restriction in view_restrictions():
        conditions.append(f"{alias}.path NOT LIKE %s")
        params.append(f"{restriction.page.path}%")
    return " AND ".join(conditions), params


def public_descendants_sql(alias, ancestor):
    """(SQL condition, params): the page row `alias` is a live, public descendant of `ancestor`."""
    public, params = public_pages_sql(alias)
    return f"{alias}.path LIKE %s AND {alias}.depth > %s AND {public}", [
        f"{ancestor.path}%",
        ancestor.depth,
        *params,
    ]


def specific_for_reading(page):
    """The specific page of `page`, with the rows named by its class's `route_select_related` (the related
    objects every render reads, such as a monograph's commune) in the same query, written out in SQL
    (rawrows.specific_with_related): it runs on every page."""
    model = page.specific_class
    if model is None:
        return page.specific
    specific = rawrows.specific_with_related(model, page.pk, getattr(model, "route_select_related", ()))
    if specific is None:
        raise model.DoesNotExist(f"No {model.__name__} with id {page.pk}.")
    return specific


def site_for_request(request):
    """Wagtail's Site.find_for_request, its query written out in SQL (see core/rawrows.py): it runs on every
    page. The choice among the sites is Wagtail's (get_site_for_hostname): the site of the request's hostname
    and port, else of its hostname if it is the default site or the only one of that hostname, else the
    default site. The site found is kept on the request, where Wagtail's own lookups read it."""
    if not hasattr(request, "_wagtail_site"):
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        request._wagtail_site = memoised(
            ("site", hostname, port), lambda: find_site(hostname, port), lasting=True
        )
    return request._wagtail_site


def find_site(hostname, port):
    """The Site (with its root page) that Wagtail serves at `hostname`:`port`, or None."""
    site_fields = [field.column for field in Site._meta.concrete_fields]
    sql = f"""
        SELECT {rawrows.columns("s", site_fields, "site")}, {rawrows.page_columns("p", "page")}
        FROM {rawrows.table(Site)} s JOIN wagtailcore_page p ON p.id = s.root_page_id
        WHERE s.hostname = %s OR s.is_default_site
        ORDER BY s.id
    """
    sites = []
    for row in rawrows.dict_rows(sql, [hostname]):
        site = rawrows.instance(Site, row, "site")
        site.root_page = rawrows.instance(Page, row, "page")
        sites.append(site)
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = None

    def match(site):
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        return 2 if site.is_default_site else 3

    sites.sort(key=match)
    if not sites:
        return None
    if len(sites) == 1 or match(sites[0]) in (0, 1):
        return sites[0]
    if match(sites[0]) == 2:
        # the default site, unless exactly one site has the hostname (on another port)
        return sites[len(sites) == 2]
    return None


def public_page(page_id, root):
    """The live, public page `page_id` at or below `root` (what a citation names), specific, with its ancestors
    as `_route_ancestors` (as the routing leaves them); or None. The page and its ancestors come in one query,
    written out in SQL, the page's own fields in a second."""
    public, public_params = public_pages_sql("p")
    sql = f"""
        SELECT {rawrows.page_columns("a", "page")}
        FROM wagtailcore_page p
        JOIN wagtailcore_page a ON a.depth <= p.depth AND substr(p.path, 1, length(a.path)) = a.path
        WHERE p.id = %s AND p.path LIKE %s AND {public}
        ORDER BY a.depth
    """
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    line = [
        rawrows.instance(Page, row, "page")
        for row in rawrows.dict_rows(sql, [page_id, f"{root.path}%", *public_params])
    ]
    if not line:
        return None
    page = line[-1].specific
    page._route_ancestors = line[:-1]
    return page


def route(request, path):
    """Wagtail's RouteResult (page, args, kwargs) for `path` on the request's site, or None.

    The pages whose address is a prefix of `path` come in one query; the deepest is asked to route the rest
    (a routable page's sub-pages, or a 404), which also checks that it is live, as Wagtail does. The page keeps
    the others as `_route_ancestors`. Unlike Wagtail, a child page wins over a routable page's sub-route of
    the same name.
    """
    site = site_for_request(request)
    if site is None:
        return None
    root = site.root_page
    parts = [part for part in path.split("/") if part]
    prefixes = [root.url_path + "".join(f"{part}/" for part in parts[:n]) for n in range(len(parts) + 1)]
    # Tree paths are made of digits and capital letters only: no LIKE wildcard to escape.
    sql = f"""
        SELECT {rawrows.page_columns("p", "page")} FROM wagtailcore_page p
        WHERE p.url_path IN ({", ".join(["%s"] * len(prefixes))}) AND p.path LIKE %s AND p.depth >= %s
        ORDER BY p.depth
    """
    chain = [
        rawrows.instance(Page, row, "page")
        for row in rawrows.dict_rows(sql, [*prefixes, f"{root.path}%", root.depth])
    ]
    # Keep the unbroken line from the root down (a page whose parent is not in the line cannot be reached).
    line = []
    for page in chain:
        if page.depth != root.depth + len(line) or (line and not page.path.startswith(line[-1].path)):
            break
        line.append(page)
    if not line:
        return None
    deepest = specific_for_reading(line[-1])
    deepest._route_ancestors = line[:-1]
    try:
        return deepest.route(request, parts[len(line) - 1 :])
    except Http404:
        return None
