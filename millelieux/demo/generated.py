"""A large generated exploration for query-count tests and benchmarks: N places, M impacts, K articles.

    from millelieux.demo.generated import generate_exploration
    exploration = generate_exploration(places=100, impacts=30, articles=300)

Everything is built with the same builders as the demo and the factories (published pages with
revisions, timelines, stakeholders, sources, evidence, a numbered series), so pages render as real ones.
The content is placeholder text, clearly so: this never goes into the demo.
"""

import random

from millelieux.articles.builders import build_article, build_article_index, find_or_create_series
from millelieux.census.models import Census, CensusEntry
from millelieux.core.builders import add_page
from millelieux.explorations.builders import build_event, build_exploration, create_field
from millelieux.explorations.factories import make_exploration_index
from millelieux.impacts.builders import build_evidence, build_impact, build_impact_index
from millelieux.places.builders import build_place, build_place_index
from millelieux.sources.builders import find_or_create_source
from millelieux.territories.models import Commune, Department, Epci, Region
from millelieux.territories.outlines import encode

COMMUNES = [
    ("35238", "Rennes"),
    ("23096", "Guéret"),
    ("89024", "Auxerre"),
    ("59350", "Lille"),
    ("33063", "Bordeaux"),
    ("44005", "Saint-Herblain"),
    ("86133", "Ligugé"),
    ("60029", "Auvers"),
]


def _square(west, south, size):
    return [
        (west, south),
        (west + size, south),
        (west + size, south + size),
        (west, south + size),
        (west, south),
    ]


def generate_territories():
    """The communes of COMMUNES with square outlines, in departments of one region, half of them in a
    métropole, and a census entry in each: so that generated monographs draw a location map and a territory
    context (call it before generate_exploration, on a database without the real territories)."""
    region = Region.objects.create(
        code="53",
        name="Région générée",
        outline=encode([_square(-5, 42, 9)]),
        outline_coarse=encode([_square(-5, 42, 9)]),
    )
    epci = Epci.objects.create(code="200000000", name="Métropole générée", kind="ME")
    census = Census.objects.create(slug="recensement-genere", name="Recensement généré")
    for n, (code, name) in enumerate(COMMUNES):
        department, _created = Department.objects.get_or_create(
            code=code[:2], defaults={"name": f"Département {code[:2]}", "region": region}
        )
        department.outline = encode([_square(-4 + n, 43 + n / 2, 1)])
        department.save()
        latitude, longitude = 43.5 + n / 2, -3.5 + n
        commune = Commune.objects.create(
            code=code,
            name=name,
            department=department,
            epci=epci if n % 2 else None,
            population=1000 * (n + 1),
            size_class="0-5000",
            latitude=latitude,
            longitude=longitude,
            outline=encode([_square(longitude - 0.1, latitude - 0.1, 0.2)]),
        )
        CensusEntry.objects.create(
            census=census,
            external_id=code,
            name=f"Lieu recensé {n + 1}",
            commune=commune,
            latitude=latitude,
            longitude=longitude,
        )


def generate_exploration(places=100, impacts=30, articles=300, seed=2019, title="Exploration générée"):
    rng = random.Random(seed)
    exploration = add_page(
        make_exploration_index(),
        build_exploration(
            title=f"{title} ({places} lieux)",
            period_start=2018,
            period_end=2019,
            summary="Exploration générée pour mesurer les pages.",
            foreword=[{"paragraph": "Texte généré."}],
        ),
    )
    source, _created = find_or_create_source(
        title="Source générée", publisher="Mille Lieux", url="https://example.org/"
    )
    fields = [create_field(exploration, title=f"Champ {n + 1}", sort_order=n) for n in range(4)]

    impact_index = add_page(exploration, build_impact_index())
    impact_pages = [
        add_page(
            impact_index,
            build_impact(
                title=f"Impact {n + 1:02d}",
                kind="limit" if n % 5 == 4 else "positive",
                summary="Un impact généré.",
                exploration_fields=rng.sample(fields, 2),
                source=source,
                body=[{"paragraph": "Texte généré."}],
            ),
        )
        for n in range(impacts)
    ]

    place_index = add_page(exploration, build_place_index())
    place_pages = []
    for n in range(places):
        code, commune = COMMUNES[n % len(COMMUNES)]
        page = build_place(
            title=f"Lieu {n + 1:03d}",
            summary="Un lieu généré.",
            commune_code=code,
            commune_name=commune,
            opening_year=2000 + n % 19,
            surface_m2=100 + n,
            activities=["Coworking", "Fablab"],
            timeline_events=[
                {"start_year": 1990 + 5 * k, "title": f"Étape {k + 1}", "kind": "activity", "source": source}
                for k in range(6)
            ],
            stakeholders=[
                {"name": f"Acteur {k + 1}", "kind": "partner", "scale": "local", "source": source}
                for k in range(8)
            ],
            fact_sources=[{"fact": "surface_m2", "source": source}],
            body=[{"paragraph": "Texte généré."}],
        )
        page.evidence = build_evidence(
            [
                {
                    "impact": impact,
                    "text": "Observation générée.",
                    "strength": rng.randint(1, 3),
                    "source": source,
                }
                for impact in rng.sample(impact_pages, min(6, len(impact_pages)))
            ]
        )
        place_pages.append(add_page(place_index, page))

    article_index = add_page(exploration, build_article_index())
    series, _created = find_or_create_series(
        title=f"Entretiens générés ({exploration.pk})", planned_count=None
    )
    for n in range(articles):
        add_page(
            article_index,
            build_article(
                title=f"Article {n + 1:03d}",
                date=f"2019-{1 + n % 12:02d}-{1 + n % 28:02d}",
                summary="Article généré.",
                series=series,
                series_number=n + 1,
                interviewees=[{"name": f"Équipe {n + 1}"}],
                related_places=rng.sample(place_pages, 2),
                related_impacts=rng.sample(impact_pages, 2),
                body=[{"paragraph": "Texte généré."}],
            ),
        )

    add_page(
        exploration,
        build_event(
            title="Soirée générée",
            date="2019-04-17",
            summary="Un événement généré.",
            vote_options=[{"impact": impact, "chosen": n < 2} for n, impact in enumerate(impact_pages[:8])],
        ),
    )
    return exploration
