"""Load the demo content (the data files of millelieux/demo/content/) into the page tree, safely and idempotently.

Pages, sources and snippets are built by the apps' builders, the same ones the factories use. Every object the
loader creates is recorded (DemoRecord) under the key of its data file entry, so that running it again:
- creates nothing that already exists, and never changes an existing object (an editor's changes stay);
- finds a page again by its id, whatever its slug became (no second copy of a renamed page);
- leaves deleted what an editor deleted (a recorded object that is gone is not re-created).
An object that exists but was never recorded (loaded by an older version) is adopted as it is. Everything
happens in one transaction, after every data file was read and checked: an error writes nothing.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Site

from millelieux.articles.builders import build_article, build_article_index, find_or_create_series
from millelieux.articles.models import ArticleIndexPage, ArticlePage, ArticleSeries
from millelieux.core.builders import add_page, create_translation, rich_text
from millelieux.core.models import HomePage
from millelieux.explorations.builders import (
    build_event,
    build_exploration,
    build_exploration_index,
    create_field,
    create_partner,
)
from millelieux.explorations.models import (
    EventPage,
    ExplorationField,
    ExplorationIndexPage,
    ExplorationPage,
    Partner,
)
from millelieux.impacts.builders import build_evidence, build_impact, build_impact_index
from millelieux.impacts.models import Evidence, ImpactIndexPage, ImpactPage
from millelieux.places.builders import build_place, build_place_index
from millelieux.places.models import PlaceIndexPage, PlacePage
from millelieux.sources.builders import find_or_create_source
from millelieux.sources.models import Source

from .files import DemoContentError, Entry, read_content
from .models import DemoRecord
from .pictures import CoverPlace, exploration_cover

SITE_KEY = "site:default"
# The Site created by the first migration, before anyone chose an address for it.
PLACEHOLDER_SITE = ("localhost", 80)


@dataclass
class DemoReport:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)
    deleted: list = field(default_factory=list)  # keys of recorded objects an editor deleted

    def lines(self):
        yield (
            f"{len(self.created)} objet(s) créé(s), "
            f"{len(self.existing)} déjà présent(s) et laissé(s) tel(s) quel(s)"
        )
        if self.deleted:
            yield f"{len(self.deleted)} supprimé(s) par un éditeur et non recréé(s) : {', '.join(self.deleted)}"


def _shown_key(key):
    """A model error key ("timeline_events[0].end_year") as a data file key (rows counted from 1)."""
    if not key or key == "__all__":
        return None
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + 1}]", key)


class DemoLoader:
    def __init__(self, directory=None):
        self.content = read_content(directory)
        self.report = DemoReport()
        self.sources = {}

    # -- the one rule for every object ---------------------------------------------------------------------------
    def obtain(self, key, path, find_existing, create):
        """The object recorded under `key`; else an unrecorded existing one (adopted); else a new one.

        None when the recorded object was deleted: the loader leaves it deleted.
        """
        record = DemoRecord.objects.filter(key=key).first()
        if record is not None:
            obj = record.target()
            if obj is None:
                self.report.deleted.append(key)
            else:
                self.report.existing.append(obj)
            return obj
        obj = find_existing()
        if obj is not None:
            self.report.existing.append(obj)
        else:
            try:
                obj = create()
            except ValidationError as error:
                first, messages = next(iter(error.message_dict.items()))
                raise DemoContentError(path, _shown_key(first), " ".join(messages)) from error
            self.report.created.append(obj)
        DemoRecord.remember(key, obj)
        return obj

    def page(self, entry, parent, model, slug, build):
        """The page of `entry` (see obtain), created under `parent` from build() if it was never loaded."""

        def create():
            page = build()
            page.slug = slug
            return add_page(parent, page)

        def find_existing():
            if parent is None:
                return None
            return model.objects.child_of(parent).filter(slug=slug).first()

        if parent is None and not DemoRecord.objects.filter(key=entry.key).exists():
            # Its parent page was deleted by an editor: there is nowhere to put it.
            self.report.deleted.append(entry.key)
            return None
        return self.obtain(entry.key, entry.path, find_existing, create)

    def source(self, key):
        return self.sources.get(key) if key else None

    # -- loading --------------------------------------------------------------------------------------------------
    def load(self):
        with transaction.atomic():
            home = HomePage.objects.first()
            if home is None:
                raise RuntimeError("La page d'accueil manque : lancez d'abord « millelieux migrate ».")
            self.load_sources()
            index_entry = self.content.index
            index = self.obtain(
                index_entry.key,
                index_entry.path,
                lambda: ExplorationIndexPage.objects.first(),  # there is at most one
                lambda: self._add(
                    home,
                    build_exploration_index(
                        title=index_entry.data["title"], intro=rich_text(index_entry.data["intro"])
                    ),
                    "explorations",
                ),
            )
            for exploration in self.content.explorations:
                self.load_exploration(home, index, exploration)
        return self.report

    def _add(self, parent, page, slug):
        page.slug = slug
        return add_page(parent, page)

    def load_sources(self):
        for key, entry in self.content.sources.items():
            data = entry.data
            self.sources[key] = self.obtain(
                entry.key,
                entry.path,
                lambda d=data: Source.objects.filter(title=d["title"], url=d["url"]).order_by("pk").first(),
                lambda d=data: find_or_create_source(**d)[0],
            )

    def load_exploration(self, home, index, content):
        entry, data = content.entry, content.entry.data
        created_before = len(self.report.created)
        partners = [self.load_partner(entry, row) for row in data["partners"]]

        def build():
            return build_exploration(
                title=data["title"],
                subtitle=data["subtitle"],
                organisation=data["organisation"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                summary=data["summary"],
                foreword=data["foreword"],
                method=data["method"],
                source=self.source(data["source"]),
                **({"content_licence": data["content_licence"]} if data["content_licence"] else {}),
                image=self.cover(content),
                partnerships=[
                    {"partner": partner, "role": row["role"]}
                    for partner, row in zip(partners, data["partners"], strict=True)
                    if partner is not None
                ],
            )

        exploration = self.page(entry, index, ExplorationPage, content.slug, build)
        created = exploration is not None and exploration in self.report.created[created_before:]
        if created and data["featured"] and home.default_exploration_id is None:
            home = HomePage.objects.get(pk=home.pk)
            home.default_exploration = exploration
            home.save_revision().publish()

        for language, translation in content.translations.items():
            self.load_translation(translation, exploration, language)

        fields = {
            row["slug"]: self.load_field(content, exploration, position, row)
            for position, row in enumerate(data["fields"])
        }
        impacts = self.load_impacts(content, exploration, fields)
        places = self.load_places(content, exploration, impacts)
        self.load_articles(content, exploration, places, impacts)
        for event in content.events:
            self.load_event(event, exploration, impacts)

    def load_translation(self, entry, page, language):
        """The page's translation into `language` (Wagtail's localisation), made once from `entry`."""
        if page is None:
            return None
        values = {name: value for name, value in entry.data.items() if value not in (None, "", [])}
        return self.obtain(
            entry.key,
            entry.path,
            lambda: page.get_translations().filter(locale__language_code=language).specific().first(),
            lambda: create_translation(page, language, **values),
        )

    def cover(self, content):
        """The cover picture of an exploration, drawn by the project from the territory data (demo.pictures),
        made with the exploration page only: None when there is nothing to draw yet (territories not loaded,
        no place) or when an editor deleted it."""
        key = f"picture:{content.slug}/carte-des-terrains"
        cover = None
        if not DemoRecord.objects.filter(key=key).exists():
            places = sorted(content.places, key=lambda entry: entry.data["title"])
            cover = exploration_cover(
                content.entry.data["title"],
                content.slug,
                [
                    CoverPlace(
                        entry.data["title"],
                        entry.data["commune_code"],
                        entry.data.get("latitude"),
                        entry.data.get("longitude"),
                    )
                    for entry in places
                ],
            )
            if cover is None:
                return None
        return self.obtain(
            key,
            content.entry.path,
            lambda: get_image_model().objects.filter(title=cover.title).order_by("pk").first(),
            lambda: cover.save(),
        )

    def load_partner(self, entry, row):
        return self.obtain(
            f"partner:{row['name']}",
            entry.path,
            lambda: Partner.objects.filter(name=row["name"]).first(),
            lambda: create_partner(name=row["name"], url=row["url"], description=row["description"]),
        )

    def load_field(self, content, exploration, position, row):
        key = f"field:{content.slug}/{row['slug']}"
        if exploration is None and not DemoRecord.objects.filter(key=key).exists():
            self.report.deleted.append(key)
            return None
        options = {key: row[key] for key in ("description", "colour", "icon") if row[key]}
        return self.obtain(
            key,
            content.entry.path,
            lambda: ExplorationField.objects.filter(exploration=exploration, slug=row["slug"]).first(),
            lambda: create_field(
                exploration, title=row["title"], slug=row["slug"], sort_order=position, **options
            ),
        )

    def index_page(self, content, exploration, model, slug, data_key, default_title, build):
        data = content.entry.data[data_key] or {"title": default_title, "intro": ""}
        entry = Entry(f"page:{content.slug}/{slug}", content.entry.path, slug, data, content.entry.schema)
        return self.page(
            entry,
            exploration,
            model,
            slug,
            lambda: build(title=data["title"], intro=rich_text(data["intro"])),
        )

    def load_impacts(self, content, exploration, fields):
        if not content.impacts:
            return {}
        index = self.index_page(
            content, exploration, ImpactIndexPage, "impacts", "impacts_index", "Impacts", build_impact_index
        )
        impacts = {}
        for entry in content.impacts:
            data = entry.data
            impacts[entry.slug] = self.page(
                entry,
                index,
                ImpactPage,
                entry.slug,
                lambda d=data: build_impact(
                    title=d["title"],
                    kind=d["kind"],
                    summary=d["summary"],
                    source=self.source(d["source"]),
                    body=d["body"],
                    exploration_fields=[fields[s] for s in d["exploration_fields"] if fields.get(s)],
                ),
            )
        return impacts

    def load_places(self, content, exploration, impacts):
        if not content.places:
            return {}
        index = self.index_page(
            content, exploration, PlaceIndexPage, "terrains", "places_index", "Terrains", build_place_index
        )
        return {
            entry.slug: self.page(
                entry, index, PlacePage, entry.slug, lambda e=entry: self.build_place(e, impacts)
            )
            for entry in content.places
        }

    def build_place(self, entry, impacts):
        data = dict(entry.data)
        fact_sources = data.pop("fact_sources")
        evidence = data.pop("evidence")
        for name in ("timeline_events", "stakeholders"):
            data[name] = [dict(row, source=self.source(row["source"])) for row in data[name]]
        page = build_place(
            **data,
            fact_sources=[
                {"fact": fact, "source": self.source(key)}
                for fact, keys in fact_sources.items()
                for key in keys
                if self.source(key) is not None
            ],
        )
        page.evidence = build_evidence(
            [
                {
                    "impact": impacts[row["impact"]],
                    "text": row["text"],
                    "strength": row["strength"] or Evidence.MEDIUM,
                    "quote": row["quote"],
                    "source": self.source(row["source"]),
                }
                for row in evidence
                if impacts.get(row["impact"]) is not None  # an impact an editor deleted is left out
            ]
        )
        return page

    def load_articles(self, content, exploration, places, impacts):
        if not content.articles:
            return
        series = None
        series_data = content.entry.data["series"]
        if series_data:
            series = self.obtain(
                f"series:{series_data['title']}",
                content.entry.path,
                lambda: ArticleSeries.objects.filter(title=series_data["title"]).first(),
                lambda: find_or_create_series(**series_data)[0],
            )
        index = self.index_page(
            content,
            exploration,
            ArticleIndexPage,
            "articles",
            "articles_index",
            "Articles",
            build_article_index,
        )
        for entry in content.articles:
            data = entry.data

            def build(d=data):
                return build_article(
                    title=d["title"],
                    kind=d["kind"] or ArticlePage.INTERVIEW,
                    series=series if d["series_number"] else None,
                    series_number=d["series_number"] if series else None,
                    date=d["date"],
                    summary=d["summary"],
                    pull_quote=d["pull_quote"],
                    original_source=self.source(d["original_source"]),
                    body=d["body"],
                    interviewees=d["interviewees"],
                    related_places=[places[s] for s in d["related_places"] if places.get(s)],
                    related_impacts=[impacts[s] for s in d["related_impacts"] if impacts.get(s)],
                )

            self.page(entry, index, ArticlePage, entry.slug, build)

    def load_event(self, entry, exploration, impacts):
        data = entry.data

        def build():
            return build_event(
                title=data["title"],
                date=data["date"],
                venue=data["venue"],
                commune_code=data["commune_code"],
                participants_count=data["participants_count"],
                summary=data["summary"],
                vote_question=data["vote_question"],
                source=self.source(data["source"]),
                restitution=data["restitution"],
                vote_options=[
                    {"impact": impacts[row["impact"]], "votes": row["votes"], "chosen": row["chosen"]}
                    for row in data["vote_options"]
                    if impacts.get(row["impact"]) is not None
                ],
            )

        return self.page(entry, exploration, EventPage, entry.slug, build)


def load_demo(directory=None):
    """Load the demo content; returns a DemoReport of what was created, kept, or left deleted."""
    return DemoLoader(directory).load()


def configure_site_once(hostname, port):
    """Point the default Site at the address the demo is served on, the first time the demo is set up only.

    The Site is changed only while it still has the placeholder address of the first migration; whatever it
    has then is never touched again (an administrator may have set the real address since).
    Returns True when the Site was changed.
    """
    if DemoRecord.objects.filter(key=SITE_KEY).exists():
        return False
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    changed = (site.hostname, site.port) == PLACEHOLDER_SITE
    if changed:
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    DemoRecord.remember(SITE_KEY, site)
    return changed


__all__ = ["DemoContentError", "DemoLoader", "DemoReport", "configure_site_once", "load_demo"]
