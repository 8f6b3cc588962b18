"""Factories for monographs (PlacePage), their index and the shared activities.

    from millelieux.places.factories import make_activity, make_place, make_place_index

    place = make_place()         # in the first exploration (a new "Mille Lieux" if none), under "Terrains"
    place = make_place(exploration, title="Hôtel Pasteur", commune_code="35238", commune_name="Rennes",
                       activities=["Coworking", "Fablab"],
                       revenue_shares=[{"source": "Location d'espaces", "percent": 60}],
                       timeline_events=[{"start_year": 2012, "title": "Ouverture", "kind": "opening"}],
                       stakeholders=[{"name": "Ville de Rennes", "kind": "public_authority"}],
                       fact_sources=[{"fact": "opening_year", "source": make_source()}])
    draft = make_place(exploration, title="Brouillon", live=False)
    index = make_place_index(exploration)              # the exploration's PlaceIndexPage (created if missing)

Every keyword not named here is passed to PlacePage, so any field can be set. The commune is Guéret unless
`commune` (a territories Commune) or `commune_code` is given; once the territories are loaded, the name comes
from the commune of that code. The page is built by
places.builders.build_place, as the demo loader builds it. Evidence rows: impacts.factories.make_evidence.
"""

from decimal import Decimal

from millelieux.core.builders import add_page
from millelieux.explorations.factories import default_exploration

from .builders import activity, build_place, build_place_index
from .models import PlaceIndexPage


def make_activity(name="Coworking"):
    """The activity of that name (created if missing)."""
    return activity(name)


def make_place_index(exploration=None, title="Terrains", **fields):
    """The first PlaceIndexPage of the exploration, created and published if it has none."""
    exploration = exploration or default_exploration()
    existing = PlaceIndexPage.objects.child_of(exploration).first()
    if existing is not None:
        return existing
    fields.setdefault("slug", "terrains")
    return add_page(exploration, build_place_index(title=title, **fields))


def make_place(exploration=None, title="La Quincaillerie", live=True, index=None, **fields):
    """A published PlacePage (a draft with live=False) in the exploration's place index.

    `activities` are Activity objects or names; `revenue_shares`, `timeline_events`, `stakeholders` and
    `fact_sources` are lists of dicts of the fields of their rows.
    """
    index = index or make_place_index(exploration)
    fields.setdefault("summary", f"{title}, un tiers-lieu observé dans son territoire.")
    if "commune_code" not in fields and "commune" not in fields:
        fields["commune_code"] = "23096"
        fields.setdefault("commune_name", "Guéret")
    fields.setdefault("latitude", Decimal("46.171000"))
    fields.setdefault("longitude", Decimal("1.871400"))
    fields.setdefault("opening_year", 2015)
    return add_page(index, build_place(title=title, **fields), live=live)
