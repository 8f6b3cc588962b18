"""A large generated exploration for query-count tests and benchmarks: N places, M impacts, K articles.

    from millelieux.demo.generated import generate_exploration
    exploration = generate_exploration(places=100, impacts=30, articles=300)

Everything is built with the same builders as the demo and the factories (published pages with
revisions, timelines, stakeholders, sources, evidence, a numbered series), so pages render as real ones.
The content is placeholder text, clearly so: this never goes into the demo.
"""

import random

from millelieux.articles.builders import build_article, build_article_index, find_or_create_series
from millelieux.core.builders import add_page
from millelieux.explorations.builders import build_event, build_exploration, create_field
from millelieux.explorations.factories import make_exploration_index
from millelieux.impacts.builders import build_evidence, build_impact, build_impact_index
from millelieux.places.builders import build_place, build_place_index
from millelieux.sources.builders import find_or_create_source

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
