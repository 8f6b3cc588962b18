"""Factories for explorations, their fields, partners and events: small, valid, published by default.

    from millelieux.explorations.factories import (
        make_event, make_exploration, make_field, make_partner, make_partnership,
    )

    exploration = make_exploration("Mille Lieux", period_start=2019)   # live, under /explorations/
    draft = make_exploration("Brouillon", live=False)                   # never published
    field = make_field(exploration, "Les communs", colour="#aa3300")    # a live snippet of that exploration
    partner = make_partner("ADEME")                                     # a live snippet
    make_partnership(exploration, partner, role="Financeur")
    event = make_event(exploration, vote_options=[{"impact": impact, "votes": 42, "chosen": True}])

`exploration=None` means the first exploration in the database (a new "Mille Lieux" if there is none), so
`make_place()`, `make_impact()` and `make_evidence(place, impact)` work together without arguments.
Every page factory returns the specific page fresh from the database; every keyword not named here is passed
to the model, so any field can be set (`make_exploration(summary="…", subtitle="…")`). The pages and snippets
are built by explorations.builders, as the demo loader builds them.
"""

import datetime
from itertools import count

from wagtail.models import Page, Site

from millelieux.core.builders import add_page
from millelieux.core.models import HomePage

from .builders import build_event, build_exploration, build_exploration_index, create_field, create_partner
from .models import ExplorationIndexPage, ExplorationPage, ExplorationPartnership, Partner

_numbers = count(1)


def unique_value(model, field, base):
    """`base`, or `base (2)`, `base (3)`… so that no `model` row has it yet in `field`."""
    value, number = base, 1
    while model.objects.filter(**{field: value}).exists():
        number += 1
        value = f"{base} ({number})"
    return value


def home_page():
    """The HomePage created by migration core/0003 (recreated as the default site root if it is gone)."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Mille Lieux", slug="accueil"))
        Site.objects.filter(is_default_site=True).delete()
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Mille Lieux"
        )
    return home


def make_exploration_index(title="Explorations", **fields):
    """The ExplorationIndexPage ("explorations") under the home page, created and published if missing."""
    existing = ExplorationIndexPage.objects.first()
    if existing is not None:
        return existing
    fields.setdefault("slug", "explorations")
    return add_page(home_page(), build_exploration_index(title=title, **fields))


def make_exploration(title="Mille Lieux", live=True, **fields):
    """A published ExplorationPage (a draft with live=False) under the exploration index.

    exploration = make_exploration("Sharitories", period_start=2017, slug="sharitories")
    """
    fields.setdefault("period_start", 2019)
    fields.setdefault("summary", f"Une exploration des tiers-lieux et de leurs impacts : {title}.")
    return add_page(make_exploration_index(), build_exploration(title=title, **fields), live=live)


def default_exploration():
    """The first exploration in the database, or a new live "Mille Lieux": what `exploration=None` means."""
    return ExplorationPage.objects.order_by("pk").first() or make_exploration()


def make_field(exploration=None, title=None, live=True, **fields):
    """A field of exploration (a snippet with drafts), live by default, with a published first revision.

    field = make_field(exploration, "La transition écologique", icon="ecology")
    """
    exploration = exploration or default_exploration()
    title = title or f"Champ {next(_numbers)}"
    # full_clean fills the slug from the title and checks it is free in this exploration
    return create_field(exploration, title=title, live=live, **fields)


def make_partner(name="Fondation des territoires", live=True, **fields):
    """A partner (a snippet with drafts), live by default; the name gets a suffix if it is taken.

    partner = make_partner("ADEME", url="https://www.ademe.fr")
    """
    return create_partner(name=unique_value(Partner, "name", name), live=live, **fields)


def make_partnership(exploration, partner=None, role="Financeur"):
    """The link between an exploration and a partner, as the exploration's "Partenaires" inline saves it."""
    partner = partner or make_partner()
    position = exploration.partnerships.count()
    return ExplorationPartnership.objects.create(
        exploration=exploration, partner=partner, role=role, sort_order=position
    )


def make_event(exploration=None, title="Soirée de restitution", live=True, vote_options=(), **fields):
    """A published EventPage of an exploration, with the impacts put to the vote.

    event = make_event(exploration, vote_options=[
        {"impact": impact, "votes": 120, "chosen": True},
        {"impact": other_impact, "votes": 80},
    ])
    """
    exploration = exploration or default_exploration()
    fields.setdefault("date", datetime.date(2019, 6, 20))
    fields.setdefault("summary", "Une soirée où les participants ont choisi deux impacts à mettre en débat.")
    return add_page(exploration, build_event(title=title, vote_options=vote_options, **fields), live=live)
