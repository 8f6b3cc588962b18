"""Building monographs from plain data: shared by the factories and the demo loader.

    from millelieux.core.builders import add_page
    from millelieux.places.builders import build_place

    page = build_place(
        title="La Quincaillerie", summary="…", commune_code="23096", commune_name="Guéret",
        latitude=46.171967, longitude=1.869143, surface_m2=1000,
        activities=["Fablab", "Coworking"],
        revenue_shares=[{"source": "Épicerie", "percent": 72}],
        timeline_events=[{"start_year": 2015, "start_month": 3, "title": "Inauguration", "kind": "opening",
                          "source": source}],
        stakeholders=[{"name": "Grand Guéret", "kind": "public_authority", "source": source}],
        fact_sources=[{"fact": "surface_m2", "source": source}],
        body=[{"heading": "Une radio dans une boutique vide"}, {"paragraph": "…"}],
    )
    page.evidence = build_evidence([...])      # impacts.builders: the impacts must exist first
    add_page(index, page)

The page comes back unsaved. Its inline rows are checked one by one: a ValidationError names the row, for
example {"timeline_events[2].end_year": ["…"]}. Every keyword not named here is a field of PlacePage.
"""

from decimal import Decimal

from millelieux.core.builders import checked_rows, narrative

from .models import (
    Activity,
    PlaceFactSource,
    PlaceIndexPage,
    PlacePage,
    RevenueShare,
    Stakeholder,
    TimelineEvent,
)


def coordinate(value):
    """A Decimal from a float or a string: a float's shortest repr, not its binary expansion."""
    return None if value is None else Decimal(str(value))


def activity(name_or_activity):
    """The Activity of that name (created if missing), or the Activity given."""
    if isinstance(name_or_activity, Activity):
        return name_or_activity
    return Activity.objects.get_or_create(name=name_or_activity)[0]


def build_place(
    *,
    title,
    activities=(),
    revenue_shares=(),
    timeline_events=(),
    stakeholders=(),
    fact_sources=(),
    body=(),
    latitude=None,
    longitude=None,
    **fields,
):
    page = PlacePage(
        title=title,
        latitude=coordinate(latitude),
        longitude=coordinate(longitude),
        body=narrative(body),
        **fields,
    )
    page.activities = [activity(a) for a in activities]
    page.revenue_shares = checked_rows(RevenueShare, "revenue_shares", revenue_shares)
    page.timeline_events = checked_rows(TimelineEvent, "timeline_events", timeline_events)
    page.stakeholders = checked_rows(Stakeholder, "stakeholders", stakeholders)
    page.fact_sources = checked_rows(PlaceFactSource, "fact_sources", fact_sources)
    return page


def build_place_index(*, title="Terrains", **fields):
    """An unsaved PlaceIndexPage (`intro` is rich text: see core.builders.rich_text)."""
    return PlaceIndexPage(title=title, **fields)
