"""The two queries of a monograph's render that link it to the rest of its exploration: its evidence with the
other places sharing each impact, and the monographs before and after it. Written out in SQL (see
core/rawrows.py for why); `tests/test_reading_queries.py` checks them against the same queries in the ORM."""

from django.apps import apps

from millelieux.core.rawrows import PAGE_LINK_FIELDS, columns, dict_rows, instance, table
from millelieux.core.routing import public_descendants_sql

EVIDENCE_FIELDS = ("id", "place_id", "impact_id", "source_id", "text", "quote", "strength")
SOURCE_FIELDS = ("id", "title", "publisher", "date", "url")


def read_evidence(place, exploration, per_impact):
    """Rows of Evidence, with `.impact`, `.place` and `.source` loaded and `.reading_rank` set: this place's
    evidence whose impact is published, and for each of those impacts up to `per_impact` rows of the other
    public monographs of `exploration` (strongest first, then by title), ordered by impact title then rank.

    Each impact's rows are ranked with this place's own first (a window function), so that one query keeps
    its own row and the next `per_impact` of every impact, whatever the size of the exploration.
    """
    evidence_model = apps.get_model("impacts", "Evidence")
    impact_model = apps.get_model("impacts", "ImpactPage")
    place_model = apps.get_model("places", "PlacePage")
    source_model = apps.get_model("sources", "Source")
    # The impacts observed here and published; the rows of other places count when those are public pages of
    # the exploration. Rows are ranked with the fewest columns, then the kept ones are read in full.
    live_impacts_here = f"""SELECT own.impact_id FROM {table(evidence_model)} own
        JOIN wagtailcore_page live_impact ON live_impact.id = own.impact_id
        WHERE own.place_id = %s AND live_impact.live"""
    if exploration is not None:
        public, public_params = public_descendants_sql("pp", exploration)
        others, others_params = f"OR ({public})", public_params
    else:
        others, others_params = "", []
    sql = f"""
    SELECT ranked.reading_rank, {columns("e", EVIDENCE_FIELDS, "evidence")},
        {columns("ip", PAGE_LINK_FIELDS, "impact")}, i.kind AS impact__kind,
        {columns("pp", PAGE_LINK_FIELDS, "place")}, p.commune_name AS place__commune_name,
        {columns("s", SOURCE_FIELDS, "source")}
    FROM (
        SELECT e.id AS evidence_id,
            ROW_NUMBER() OVER (
                PARTITION BY e.impact_id
                ORDER BY CASE WHEN e.place_id = %s THEN 0 ELSE 1 END, e.strength DESC, pp.title, e.place_id
            ) AS reading_rank
        FROM {table(evidence_model)} e
        JOIN wagtailcore_page pp ON pp.id = e.place_id
        WHERE e.impact_id IN ({live_impacts_here}) AND (e.place_id = %s {others})
    ) ranked
    JOIN {table(evidence_model)} e ON e.id = ranked.evidence_id
    JOIN wagtailcore_page ip ON ip.id = e.impact_id
    JOIN {table(impact_model)} i ON i.page_ptr_id = e.impact_id
    JOIN wagtailcore_page pp ON pp.id = e.place_id
    JOIN {table(place_model)} p ON p.page_ptr_id = e.place_id
    LEFT JOIN {table(source_model)} s ON s.id = e.source_id
    WHERE ranked.reading_rank <= %s
    ORDER BY ip.title, e.impact_id, ranked.reading_rank
    """
    params = [place.pk, place.pk, place.pk, *others_params, per_impact + 1]
    rows = []
    # One instance per page or source, whatever the number of rows it is in: a page's is costly to make.
    pages, sources = {place.pk: place}, {}
    for row in dict_rows(sql, params):
        evidence = instance(evidence_model, row, "evidence")
        if evidence.impact_id not in pages:
            pages[evidence.impact_id] = instance(impact_model, row, "impact")
        if evidence.place_id not in pages:
            pages[evidence.place_id] = instance(place_model, row, "place")
        evidence.impact, evidence.place = pages[evidence.impact_id], pages[evidence.place_id]
        if evidence.source_id is not None:
            if evidence.source_id not in sources:
                sources[evidence.source_id] = instance(source_model, row, "source")
            evidence.source = sources[evidence.source_id]
        evidence.reading_rank = row["reading_rank"]
        rows.append(evidence)
    return rows


def neighbours(place, exploration):
    """(previous, next): the public monographs of `exploration` just before and after `place` in the order of
    the terrains index (title, then id, in the database's collation), each or None. `place` itself need not
    be published (a preview)."""
    place_model = apps.get_model("places", "PlacePage")
    public, public_params = public_descendants_sql("c", exploration)
    candidates = f"""SELECT c.id FROM wagtailcore_page c JOIN {table(place_model)} cp ON cp.page_ptr_id = c.id
        WHERE {public} AND c.id <> %s"""
    before = "(c.title < %s OR (c.title = %s AND c.id < %s))"
    after = "(c.title > %s OR (c.title = %s AND c.id > %s))"
    mine = [place.title, place.title, place.pk]
    sql = f"""
    SELECT {columns("pg", PAGE_LINK_FIELDS, "place")}, p.commune_name AS place__commune_name,
        CASE WHEN pg.title < %s OR (pg.title = %s AND pg.id < %s) THEN 1 ELSE 0 END AS is_before
    FROM wagtailcore_page pg JOIN {table(place_model)} p ON p.page_ptr_id = pg.id
    WHERE pg.id IN (
        SELECT * FROM ({candidates} AND {before} ORDER BY c.title DESC, c.id DESC LIMIT 1) earlier
        UNION ALL
        SELECT * FROM ({candidates} AND {after} ORDER BY c.title, c.id LIMIT 1) later
    )
    """
    params = [*mine, *public_params, place.pk, *mine, *public_params, place.pk, *mine]
    found = {True: None, False: None}
    for row in dict_rows(sql, params):
        found[bool(row["is_before"])] = instance(place_model, row, "place")
    return found[True], found[False]
