"""Load the demo content (millelieux/demo/content.py) into the page tree, idempotently.

Every object is found by its natural key (a page by its slug under its parent, a snippet by its name): what
exists is left as it is, so a second run creates nothing and never overwrites an editor's changes.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from millelieux.articles.models import ArticleIndexPage, ArticlePage, ArticleSeries, Interviewee
from millelieux.core.models import HomePage
from millelieux.explorations.models import (
    EventPage,
    EventVoteOption,
    ExplorationField,
    ExplorationIndexPage,
    ExplorationPage,
    ExplorationPartnership,
    Partner,
)
from millelieux.impacts.models import Evidence, ImpactIndexPage, ImpactPage
from millelieux.places.models import (
    Activity,
    PlaceIndexPage,
    PlacePage,
    RevenueShare,
    Stakeholder,
    TimelineEvent,
)

_ALLOWED_TAGS = re.compile(r"&lt;(/?)(b|i|em|strong)&gt;")


@dataclass
class DemoReport:
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)

    def lines(self):
        yield f"{len(self.created)} objet(s) créé(s), {len(self.existing)} déjà présent(s)"


def _decimal(value):
    # A float becomes a Decimal with more places than the field allows; its shortest repr does not.
    return None if value is None else Decimal(str(value))


def stream(blocks):
    """Turn the content's (kind, text[, attribution]) tuples into StreamField data."""
    data = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            data.append(("heading", block[1]))
        elif kind == "paragraph":
            safe = _ALLOWED_TAGS.sub(r"<\1\2>", html.escape(block[1], quote=False))
            data.append(("paragraph", RichText(f"<p>{safe}</p>")))
        elif kind == "quote":
            data.append(("quote", {"text": block[1], "attribution": block[2] if len(block) > 2 else ""}))
        else:
            raise ValueError(f"unknown demo block kind {kind!r}")
    return data


class DemoLoader:
    def __init__(self, content=None):
        if content is None:
            from . import content as demo_content

            content = demo_content.EXPLORATIONS
        self.content = content
        self.report = DemoReport()

    # -- helpers --------------------------------------------------------------------------------------
    def _child(self, parent, model, slug, build):
        """The live child page `slug` of `parent`, created and published from build() if missing."""
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            self.report.existing.append(existing)
            return existing.specific
        page = build()
        page.slug = slug
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(page)
        return model.objects.get(pk=page.pk)

    def _publish_snippet(self, obj):
        obj.live = True
        obj.save()
        obj.save_revision().publish()

    # -- loading --------------------------------------------------------------------------------------
    def load(self):
        with transaction.atomic():
            home = HomePage.objects.first()
            if home is None:
                raise RuntimeError("La page d'accueil manque : lancez d'abord « millelieux migrate ».")
            index = self._child(
                home,
                ExplorationIndexPage,
                "explorations",
                lambda: ExplorationIndexPage(
                    title="Explorations",
                    intro="<p>Les études de terrain publiées sur la plateforme, "
                    "des plus récentes aux plus anciennes.</p>",
                ),
            )
            explorations = [self.load_exploration(index, data) for data in self.content]
            if home.default_exploration_id is None and explorations:
                home.default_exploration = explorations[0]
                home.save_revision().publish()
        return self.report

    def load_exploration(self, index, data):
        exploration = self._child(
            index,
            ExplorationPage,
            data["slug"],
            lambda: ExplorationPage(
                title=data["title"],
                subtitle=data.get("subtitle", ""),
                organisation=data.get("organisation", ""),
                period_start=data["period_start"],
                period_end=data.get("period_end"),
                summary=data["summary"],
                foreword=stream(data.get("foreword", [])),
                method=stream(data.get("method", [])),
            ),
        )
        fields = {
            f["slug"]: self.load_field(exploration, position, f)
            for position, f in enumerate(data.get("fields", []))
        }
        self.load_partners(exploration, data.get("partners", []))

        places = {}
        if data.get("places"):
            place_index = self._child(
                exploration,
                PlaceIndexPage,
                "terrains",
                lambda: PlaceIndexPage(
                    title="Terrains", intro=f"<p>{html.escape(data.get('places_intro', ''))}</p>"
                ),
            )
            places = {p["slug"]: self.load_place(place_index, p) for p in data["places"]}

        impacts = {}
        if data.get("impacts"):
            impact_index = self._child(
                exploration,
                ImpactIndexPage,
                "impacts",
                lambda: ImpactIndexPage(
                    title="Impacts", intro=f"<p>{html.escape(data.get('impacts_intro', ''))}</p>"
                ),
            )
            impacts = {i["slug"]: self.load_impact(impact_index, i, fields, places) for i in data["impacts"]}

        if data.get("articles"):
            series_data = data.get("series")
            series = None
            if series_data:
                series, created = ArticleSeries.objects.get_or_create(
                    title=series_data["title"], defaults={"planned_count": series_data.get("planned_count")}
                )
                (self.report.created if created else self.report.existing).append(series)
            article_index = self._child(
                exploration,
                ArticleIndexPage,
                "articles",
                lambda: ArticleIndexPage(
                    title="Articles", intro=f"<p>{html.escape(data.get('articles_intro', ''))}</p>"
                ),
            )
            for article in data["articles"]:
                self.load_article(article_index, article, series, places, impacts)

        for event in data.get("events", []):
            self.load_event(exploration, event, impacts)
        return exploration

    def load_field(self, exploration, position, data):
        existing = ExplorationField.objects.filter(exploration=exploration, slug=data["slug"]).first()
        if existing:
            self.report.existing.append(existing)
            return existing
        obj = ExplorationField(
            exploration=exploration,
            slug=data["slug"],
            title=data["title"],
            description=data.get("description", ""),
            colour=data.get("colour", "#1f6f5c"),
            icon=data.get("icon", "territory"),
            sort_order=position,
        )
        self._publish_snippet(obj)
        self.report.created.append(obj)
        return obj

    def load_partners(self, exploration, partners):
        for position, data in enumerate(partners):
            partner = Partner.objects.filter(name=data["name"]).first()
            if partner is None:
                partner = Partner(
                    name=data["name"], url=data.get("url", ""), description=data.get("description", "")
                )
                self._publish_snippet(partner)
                self.report.created.append(partner)
            if not ExplorationPartnership.objects.filter(exploration=exploration, partner=partner).exists():
                ExplorationPartnership.objects.create(
                    exploration=exploration, partner=partner, role=data.get("role", ""), sort_order=position
                )
                self.report.created.append(partner)

    def load_place(self, index, data):
        def build():
            page = PlacePage(
                title=data["title"],
                summary=data["summary"],
                commune_code=data["commune_code"],
                commune_name=data["commune_name"],
                address=data.get("address") or "",
                latitude=_decimal(data.get("latitude")),
                longitude=_decimal(data.get("longitude")),
                opening_year=data.get("opening_year"),
                legal_form=data.get("legal_form") or "",
                governance=data.get("governance") or "",
                surface_m2=data.get("surface_m2"),
                members_count=data.get("members_count"),
                team_size=data.get("team_size"),
                business_model=data.get("business_model") or "",
                website=data.get("website") or "",
                body=stream(data.get("body", [])),
            )
            page.activities = [
                Activity.objects.get_or_create(name=name)[0] for name in data.get("activities", [])
            ]
            page.revenue_shares = [
                RevenueShare(source=s, percent=p, sort_order=n)
                for n, (s, p) in enumerate(data.get("revenue_shares", []))
            ]
            page.timeline_events = [
                TimelineEvent(
                    sort_order=n,
                    start_year=e["start_year"],
                    start_month=e.get("start_month"),
                    end_year=e.get("end_year"),
                    title=e["title"],
                    text=e.get("text", ""),
                    kind=e.get("kind", "other"),
                )
                for n, e in enumerate(data.get("timeline", []))
            ]
            page.stakeholders = [
                Stakeholder(
                    sort_order=n,
                    name=s["name"],
                    kind=s["kind"],
                    scale=s.get("scale", ""),
                    relation=s.get("relation", ""),
                )
                for n, s in enumerate(data.get("stakeholders", []))
            ]
            return page

        return self._child(index, PlacePage, data["slug"], build)

    def load_impact(self, index, data, fields, places):
        created_before = len(self.report.created)

        def build():
            page = ImpactPage(
                title=data["title"],
                kind=data["kind"],
                summary=data["summary"],
                body=stream(data.get("body", [])),
            )
            page.exploration_fields = [fields[slug] for slug in data.get("fields", [])]
            return page

        impact = self._child(index, ImpactPage, data["slug"], build)
        if len(self.report.created) > created_before:
            for e in data.get("evidence", []):
                evidence = Evidence(
                    place=places[e["place"]],
                    impact=impact,
                    text=e["text"],
                    quote=e.get("quote", ""),
                    source=e.get("source", ""),
                    strength=e.get("strength", Evidence.MEDIUM),
                )
                evidence.full_clean()
                evidence.save()
        return impact

    def load_article(self, index, data, series, places, impacts):
        def build():
            page = ArticlePage(
                title=data["title"],
                kind=data.get("kind", ArticlePage.INTERVIEW),
                series=series,
                series_number=data.get("series_number") if series else None,
                date=date.fromisoformat(data["date"]),
                summary=data["summary"],
                pull_quote=data.get("pull_quote", ""),
                body=stream(data.get("body", [])),
            )
            page.interviewees = [
                Interviewee(sort_order=n, **person) for n, person in enumerate(data.get("interviewees", []))
            ]
            page.related_places = [places[slug] for slug in data.get("places", [])]
            page.related_impacts = [impacts[slug] for slug in data.get("impacts", [])]
            return page

        return self._child(index, ArticlePage, data["slug"], build)

    def load_event(self, exploration, data, impacts):
        def build():
            page = EventPage(
                title=data["title"],
                date=date.fromisoformat(data["date"]),
                venue=data.get("venue", ""),
                commune_code=data.get("commune_code", ""),
                participants_count=data.get("participants_count"),
                summary=data["summary"],
                vote_question=data.get("vote_question", ""),
                restitution=stream(data.get("restitution", [])),
            )
            page.vote_options = [
                EventVoteOption(
                    sort_order=n,
                    impact=impacts[o["impact"]],
                    votes=o.get("votes"),
                    chosen=o.get("chosen", False),
                )
                for n, o in enumerate(data.get("vote_options", []))
            ]
            return page

        return self._child(exploration, EventPage, data["slug"], build)


def load_demo(content=None):
    """Load the demo content; returns a DemoReport of what was created and what already existed."""
    return DemoLoader(content).load()
