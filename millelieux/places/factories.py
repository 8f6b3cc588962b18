"""Factories for monographs (PlacePage), their index and the shared activities.

    from millelieux.places.factories import make_activity, make_place, make_place_index

    place = make_place()         # in the first exploration (a new "Mille Lieux" if none), under "Terrains"
    place = make_place(exploration, title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes",
                       activities=["Coworking", "Fablab"],
                       revenue_shares=[{"source": "Location d'espaces", "percent": 60}],
                       timeline_events=[{"start_year": 2012, "title": "Ouverture", "kind": "opening"}],
                       stakeholders=[{"name": "Ville de Rennes", "kind": "public_authority"}])
    draft = make_place(exploration, title="Brouillon", live=False)
    index = make_place_index(exploration)              # the exploration's PlaceIndexPage (created if missing)

Every keyword not named here is passed to PlacePage, so any field can be set.
"""

from decimal import Decimal

from millelieux.core.factories import add_page
from millelieux.explorations.factories import default_exploration

from .models import Activity, PlaceIndexPage, PlacePage, RevenueShare, Stakeholder, TimelineEvent


def make_activity(name="Coworking"):
    """The activity of that name (created if missing)."""
    return Activity.objects.get_or_create(name=name)[0]


def make_place_index(exploration=None, title="Terrains", **fields):
    """The first PlaceIndexPage of the exploration, created and published if it has none."""
    exploration = exploration or default_exploration()
    existing = PlaceIndexPage.objects.child_of(exploration).first()
    if existing is not None:
        return existing
    fields.setdefault("slug", "terrains")
    return add_page(exploration, PlaceIndexPage(title=title, **fields))


def make_place(
    exploration=None,
    title="La Quincaillerie",
    live=True,
    index=None,
    activities=(),
    revenue_shares=(),
    timeline_events=(),
    stakeholders=(),
    **fields,
):
    """A published PlacePage (a draft with live=False) in the exploration's place index.

    `activities` are Activity objects or names; `revenue_shares`, `timeline_events` and `stakeholders` are
    lists of dicts of the fields of RevenueShare, TimelineEvent and Stakeholder.
    """
    index = index or make_place_index(exploration)
    fields.setdefault("summary", f"{title}, un tiers-lieu observé dans son territoire.")
    fields.setdefault("commune_code", "23096")
    fields.setdefault("commune_name", "Guéret")
    fields.setdefault("latitude", Decimal("46.171000"))
    fields.setdefault("longitude", Decimal("1.871400"))
    fields.setdefault("opening_year", 2015)
    page = PlacePage(title=title, **fields)
    page.activities = [a if isinstance(a, Activity) else make_activity(a) for a in activities]
    page.revenue_shares = [RevenueShare(sort_order=n, **row) for n, row in enumerate(revenue_shares)]
    page.timeline_events = [TimelineEvent(sort_order=n, **row) for n, row in enumerate(timeline_events)]
    page.stakeholders = [Stakeholder(sort_order=n, **row) for n, row in enumerate(stakeholders)]
    return add_page(index, page, live=live)
