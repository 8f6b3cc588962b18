"""Reading and checking the demo's data files (millelieux/demo/content/, described in its README.md).

Every file is read and checked before anything is written: a wrong type, an unknown key, a missing required
value or a reference to a source, an impact or a place that does not exist stops the loading with a
DemoContentError naming the file and the key, in French, for the person who edits the files.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from millelieux.explorations.licences import LICENCES

CONTENT_DIR = Path(__file__).resolve().parent / "content"

SOURCES_FILE = "sources.toml"
INDEX_FILE = "explorations.toml"
EXPLORATION_FILE = "exploration.toml"
# A translation of the exploration's presentation, read with Wagtail's localisation: exploration.<language>.toml.
TRANSLATION_LANGUAGES = ("en",)
# Sub-folders of an exploration, in the order they are loaded: impacts before places (a place's evidence
# rows name its impacts), places before articles and events (which name places and impacts).
FOLDERS = ("impacts", "terrains", "articles", "evenements")

FACTS = (
    "address",
    "coordinates",
    "opening_year",
    "legal_form",
    "governance",
    "surface_m2",
    "members_count",
    "team_size",
    "business_model",
    "revenue_shares",
    "activities",
    "website",
    "body",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DemoContentError(Exception):
    """A data file cannot be used: the message names the file and the key."""

    def __init__(self, path, key, message):
        self.path, self.key = str(path), key
        where = f"{self.path}, clé « {key} »" if key else self.path
        super().__init__(f"{where} : {message}")


def _shown(value):
    text = repr(value) if not isinstance(value, str) else f"« {value} »"
    return text if len(text) < 80 else text[:77] + "…"


# -- value checkers: each returns the value to use, or raises DemoContentError ---------------------------------


class Spec:
    def __init__(self, required=False):
        self.required = required

    def empty(self):
        return ""

    def check(self, value, path, key):
        raise NotImplementedError


class Text(Spec):
    def __init__(self, required=False, max_length=None, choices=None):
        super().__init__(required)
        self.max_length, self.choices = max_length, choices

    def check(self, value, path, key):
        if not isinstance(value, str):
            raise DemoContentError(path, key, f"un texte entre guillemets est attendu, pas {_shown(value)}.")
        value = " ".join(value.split())  # line breaks in a file are plain spaces: one block, one paragraph
        if self.required and not value:
            raise DemoContentError(path, key, "ce texte ne peut pas être vide.")
        if self.max_length and len(value) > self.max_length:
            raise DemoContentError(
                path,
                key,
                f"{len(value)} caractères, pour {self.max_length} au plus : raccourcissez le texte.",
            )
        if self.choices and value not in self.choices:
            raise DemoContentError(
                path, key, f"{_shown(value)} n'est pas une valeur possible ({', '.join(self.choices)})."
            )
        return value


class Url(Text):
    def check(self, value, path, key):
        value = super().check(value, path, key)
        if value and not re.match(r"^https?://[^\s]+$", value):
            raise DemoContentError(
                path, key, f"une adresse web commençant par https:// est attendue, pas {_shown(value)}."
            )
        return value


class Slug(Text):
    def check(self, value, path, key):
        value = super().check(value, path, key)
        if value and not SLUG.match(value):
            raise DemoContentError(
                path,
                key,
                f"{_shown(value)} : seulement des minuscules sans accents, des chiffres et des tirets.",
            )
        return value


class Integer(Spec):
    def __init__(self, required=False, minimum=None, maximum=None):
        super().__init__(required)
        self.minimum, self.maximum = minimum, maximum

    def empty(self):
        return None

    def check(self, value, path, key):
        if isinstance(value, bool) or not isinstance(value, int):
            raise DemoContentError(
                path, key, f"un nombre entier est attendu (sans guillemets), pas {_shown(value)}."
            )
        if self.minimum is not None and value < self.minimum:
            raise DemoContentError(path, key, f"{value} est trop petit (au moins {self.minimum}).")
        if self.maximum is not None and value > self.maximum:
            raise DemoContentError(path, key, f"{value} est trop grand (au plus {self.maximum}).")
        return value


class Number(Spec):
    def empty(self):
        return None

    def check(self, value, path, key):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DemoContentError(
                path, key, f"un nombre est attendu (sans guillemets), pas {_shown(value)}."
            )
        return value


class Boolean(Spec):
    def empty(self):
        return False

    def check(self, value, path, key):
        if not isinstance(value, bool):
            raise DemoContentError(path, key, f"true ou false est attendu, pas {_shown(value)}.")
        return value


class Date(Spec):
    def empty(self):
        return None

    def check(self, value, path, key):
        if isinstance(value, datetime.datetime):
            raise DemoContentError(path, key, "une date sans heure est attendue, par exemple 2019-04-17.")
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        raise DemoContentError(
            path, key, f"une date de la forme 2019-04-17 est attendue, pas {_shown(value)}."
        )


class Ref(Slug):
    """The key of a source, or the identifier (file name) of an impact, a place or a field."""

    def __init__(self, kind, required=False):
        super().__init__(required)
        self.kind = kind


class ListOf(Spec):
    def __init__(self, item, required=False):
        super().__init__(required)
        self.item = item

    def empty(self):
        return []

    def check(self, value, path, key):
        if not isinstance(value, list):
            raise DemoContentError(path, key, f"une liste entre crochets est attendue, pas {_shown(value)}.")
        return [self.item.check(item, path, f"{key}[{n}]") for n, item in enumerate(value, start=1)]


class Table(Spec):
    def __init__(self, schema, required=False):
        super().__init__(required)
        self.schema = schema

    def empty(self):
        return {}

    def check(self, value, path, key):
        if not isinstance(value, dict):
            raise DemoContentError(path, key, f"une table [{key}] est attendue, pas {_shown(value)}.")
        return check_table(value, self.schema, path, f"{key}.")


class Rows(Spec):
    """An array of tables ([[key]] in TOML), each checked against `schema`."""

    def __init__(self, schema, required=False):
        super().__init__(required)
        self.schema = schema

    def empty(self):
        return []

    def check(self, value, path, key):
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise DemoContentError(path, key, f"des tables [[{key}]] sont attendues, pas {_shown(value)}.")
        return [check_table(row, self.schema, path, f"{key}[{n}].") for n, row in enumerate(value, start=1)]


class Blocks(Spec):
    """A narrative: [[key]] tables with one of heading, paragraph or quote (with its attribution)."""

    def empty(self):
        return []

    def check(self, value, path, key):
        if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
            raise DemoContentError(path, key, f"des blocs [[{key}]] sont attendus, pas {_shown(value)}.")
        blocks = []
        for n, block in enumerate(value, start=1):
            where = f"{key}[{n}]"
            kinds = [kind for kind in ("heading", "paragraph", "quote") if kind in block]
            if len(kinds) != 1:
                raise DemoContentError(
                    path, where, "un bloc a exactement une des clés heading (intertitre), paragraph ou quote."
                )
            schema = {kinds[0]: Text(required=True, max_length=200 if kinds[0] == "heading" else None)}
            if kinds[0] == "quote":
                # a quotation is only ever a verbatim public one, attributed to its published source
                schema["attribution"] = Text(required=True, max_length=200)
            blocks.append(check_table(block, schema, path, f"{where}."))
        return blocks


class FactSources(Spec):
    """[fact_sources]: for each element of the technical sheet, the key (or keys) of its sources."""

    def empty(self):
        return {}

    def check(self, value, path, key):
        if not isinstance(value, dict):
            raise DemoContentError(path, key, f"une table [{key}] est attendue, pas {_shown(value)}.")
        facts = {}
        for fact, keys in value.items():
            if fact not in FACTS:
                raise DemoContentError(
                    path, f"{key}.{fact}", f"élément inconnu ; possibles : {', '.join(FACTS)}."
                )
            keys = [keys] if isinstance(keys, str) else keys
            facts[fact] = ListOf(Ref("source")).check(keys, path, f"{key}.{fact}")
        return facts


def check_table(table, schema, path, prefix=""):
    """The table's values checked against `schema` ({key: Spec}); missing optional keys get their empty value."""
    unknown = sorted(set(table) - set(schema))
    if unknown:
        raise DemoContentError(
            path, prefix + unknown[0], f"clé inconnue ; clés possibles ici : {', '.join(sorted(schema))}."
        )
    checked = {}
    for key, spec in schema.items():
        if key in table:
            checked[key] = spec.check(table[key], path, prefix + key)
        elif spec.required:
            raise DemoContentError(path, prefix + key, "cette clé est obligatoire.")
        else:
            checked[key] = spec.empty()
    return checked


def references(table, schema, prefix=""):
    """(key, kind, value) for every reference of a checked table, for the check across files."""
    for key, spec in schema.items():
        value = table.get(key)
        if isinstance(spec, Ref) and value:
            yield prefix + key, spec.kind, value
        elif isinstance(spec, ListOf) and isinstance(spec.item, Ref):
            for n, item in enumerate(value or (), start=1):
                yield f"{prefix}{key}[{n}]", spec.item.kind, item
        elif isinstance(spec, Rows):
            for n, row in enumerate(value or (), start=1):
                yield from references(row, spec.schema, f"{prefix}{key}[{n}].")
        elif isinstance(spec, Table) and value:
            yield from references(value, spec.schema, f"{prefix}{key}.")
        elif isinstance(spec, FactSources):
            for fact, keys in (value or {}).items():
                for n, item in enumerate(keys, start=1):
                    yield f"{prefix}{key}.{fact}[{n}]", "source", item


# -- the schema of each kind of file ---------------------------------------------------------------------------

INDEX_PAGE = {"title": Text(required=True, max_length=255), "intro": Text()}

SOURCE = {
    "title": Text(required=True, max_length=300),
    "publisher": Text(max_length=200),
    "date": Date(),
    "url": Url(max_length=500),
}

EXPLORATION = {
    "title": Text(required=True, max_length=255),
    "subtitle": Text(max_length=250),
    "organisation": Text(max_length=200),
    "period_start": Integer(required=True, minimum=1900, maximum=2100),
    "period_end": Integer(minimum=1900, maximum=2100),
    "summary": Text(required=True, max_length=600),
    "source": Ref("source"),
    # the licence of the study's texts, by its SPDX identifier (CC-BY-SA-4.0 when not given)
    "content_licence": Text(choices=list(LICENCES)),
    "featured": Boolean(),
    "foreword": Blocks(),
    "method": Blocks(),
    "fields": Rows(
        {
            "slug": Slug(required=True),
            "title": Text(required=True, max_length=120),
            "description": Text(),
            "colour": Text(max_length=7),
            "icon": Text(max_length=20),
        }
    ),
    "partners": Rows(
        {
            "name": Text(required=True, max_length=200),
            "url": Url(),
            "description": Text(),
            "role": Text(max_length=200),
        }
    ),
    "places_index": Table(INDEX_PAGE),
    "impacts_index": Table(INDEX_PAGE),
    "articles_index": Table(INDEX_PAGE),
    "series": Table({"title": Text(required=True, max_length=200), "planned_count": Integer(minimum=1)}),
}

EXPLORATION_TRANSLATION = {
    "title": Text(required=True, max_length=255),
    "subtitle": Text(max_length=250),
    "summary": Text(required=True, max_length=600),
    "foreword": Blocks(),
    "method": Blocks(),
}

IMPACT = {
    "title": Text(required=True, max_length=255),
    "kind": Text(required=True, choices=("positive", "limit")),
    "exploration_fields": ListOf(Ref("field")),
    "summary": Text(required=True, max_length=600),
    "source": Ref("source"),
    "body": Blocks(),
}

PLACE = {
    "title": Text(required=True, max_length=255),
    "summary": Text(required=True, max_length=600),
    "commune_code": Text(required=True, max_length=5),
    "commune_name": Text(required=True, max_length=120),
    "address": Text(max_length=250),
    "latitude": Number(),
    "longitude": Number(),
    "opening_year": Integer(),
    "legal_form": Text(max_length=120),
    "governance": Text(),
    "surface_m2": Integer(minimum=0),
    "members_count": Integer(minimum=0),
    "team_size": Integer(minimum=0),
    "business_model": Text(),
    "website": Url(),
    "activities": ListOf(Text(required=True, max_length=80)),
    "revenue_shares": Rows(
        {"source": Text(required=True, max_length=120), "percent": Integer(required=True)}
    ),
    "fact_sources": FactSources(),
    "body": Blocks(),
    "timeline_events": Rows(
        {
            "start_year": Integer(required=True),
            "start_month": Integer(minimum=1, maximum=12),
            "end_year": Integer(),
            "title": Text(required=True, max_length=200),
            "text": Text(),
            "kind": Text(),
            "source": Ref("source"),
        }
    ),
    "stakeholders": Rows(
        {
            "name": Text(required=True, max_length=200),
            "kind": Text(required=True),
            "scale": Text(),
            "relation": Text(),
            "source": Ref("source"),
        }
    ),
    "evidence": Rows(
        {
            "impact": Ref("impact", required=True),
            "text": Text(required=True),
            "strength": Integer(minimum=1, maximum=3),
            "quote": Text(),
            "source": Ref("source"),
        }
    ),
}

ARTICLE = {
    "title": Text(required=True, max_length=255),
    "kind": Text(choices=("interview", "report", "essay")),
    "series_number": Integer(minimum=1),
    "date": Date(required=True),
    "summary": Text(required=True, max_length=600),
    "pull_quote": Text(max_length=400),
    "original_source": Ref("source"),
    "interviewees": Rows(
        {
            "name": Text(required=True, max_length=200),
            "role": Text(max_length=200),
            "organisation": Text(max_length=200),
        }
    ),
    "related_places": ListOf(Ref("place")),
    "related_impacts": ListOf(Ref("impact")),
    "body": Blocks(),
}

EVENT = {
    "title": Text(required=True, max_length=255),
    "date": Date(required=True),
    "venue": Text(max_length=250),
    "commune_code": Text(max_length=5),
    "participants_count": Integer(minimum=0),
    "summary": Text(required=True, max_length=600),
    "vote_question": Text(max_length=250),
    "source": Ref("source"),
    "vote_options": Rows(
        {"impact": Ref("impact", required=True), "votes": Integer(minimum=0), "chosen": Boolean()}
    ),
    "restitution": Blocks(),
}

SCHEMAS = {"impacts": IMPACT, "terrains": PLACE, "articles": ARTICLE, "evenements": EVENT}


# -- reading -----------------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One page or snippet to load: its record key, its data file and its checked values."""

    key: str
    path: str
    slug: str
    data: dict
    schema: dict = field(repr=False, default_factory=dict)


@dataclass
class ExplorationContent:
    entry: Entry
    impacts: list = field(default_factory=list)
    places: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    events: list = field(default_factory=list)
    translations: dict = field(default_factory=dict)  # language -> Entry

    @property
    def slug(self):
        return self.entry.slug

    def folder(self, name):
        return {
            "impacts": self.impacts,
            "terrains": self.places,
            "articles": self.articles,
            "evenements": self.events,
        }[name]


@dataclass
class DemoContent:
    directory: Path
    sources: dict  # key -> Entry
    index: Entry
    explorations: list  # of ExplorationContent


def read_toml(path, directory):
    shown = path.relative_to(directory)
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(shown, None, f"le fichier n'est pas du TOML valide ({error}).") from error
    except UnicodeDecodeError as error:
        raise DemoContentError(shown, None, "le fichier doit être enregistré en UTF-8.") from error


def read_content(directory=None):
    """Read and check every data file of `directory` (the demo's own content by default)."""
    directory = Path(directory or CONTENT_DIR)
    if not (directory / SOURCES_FILE).is_file():
        raise DemoContentError(directory, None, f"le fichier {SOURCES_FILE} manque.")

    sources = {}
    for key, table in read_toml(directory / SOURCES_FILE, directory).items():
        if not SLUG.match(key):
            raise DemoContentError(
                SOURCES_FILE, key, "une clé de source s'écrit en minuscules, chiffres et tirets."
            )
        if not isinstance(table, dict):
            raise DemoContentError(
                SOURCES_FILE, key, "chaque source est une table [clé] avec title, publisher, date, url."
            )
        data = check_table(table, SOURCE, SOURCES_FILE, f"{key}.")
        sources[key] = Entry(f"source:{key}", SOURCES_FILE, key, data, SOURCE)

    index_path = directory / INDEX_FILE
    index_data = (
        check_table(read_toml(index_path, directory), INDEX_PAGE, INDEX_FILE) if index_path.is_file() else {}
    )
    index = Entry(
        "page:explorations", INDEX_FILE, "explorations", index_data or {"title": "Explorations", "intro": ""}
    )

    explorations = []
    for folder in sorted(p for p in directory.iterdir() if (p / EXPLORATION_FILE).is_file()):
        explorations.append(read_exploration(directory, folder))
    if not explorations:
        raise DemoContentError(directory, None, f"aucun dossier ne contient de fichier {EXPLORATION_FILE}.")

    content = DemoContent(directory, sources, index, explorations)
    check_references(content)
    return content


def read_exploration(directory, folder):
    slug = folder.name
    path = (folder / EXPLORATION_FILE).relative_to(directory)
    if not SLUG.match(slug):
        raise DemoContentError(path, None, "le nom du dossier s'écrit en minuscules, chiffres et tirets.")
    data = check_table(read_toml(folder / EXPLORATION_FILE, directory), EXPLORATION, path)
    exploration = ExplorationContent(Entry(f"page:{slug}", str(path), slug, data, EXPLORATION))
    for language in TRANSLATION_LANGUAGES:
        file = folder / f"exploration.{language}.toml"
        if file.is_file():
            shown = file.relative_to(directory)
            values = check_table(read_toml(file, directory), EXPLORATION_TRANSLATION, shown)
            exploration.translations[language] = Entry(
                f"page:{slug}@{language}", str(shown), slug, values, EXPLORATION_TRANSLATION
            )
    for name in FOLDERS:
        for file in sorted((folder / name).glob("*.toml")) if (folder / name).is_dir() else ():
            shown = file.relative_to(directory)
            if not SLUG.match(file.stem):
                raise DemoContentError(
                    shown,
                    None,
                    "le nom du fichier (l'identifiant de la page) s'écrit en minuscules, chiffres et tirets.",
                )
            values = check_table(read_toml(file, directory), SCHEMAS[name], shown)
            exploration.folder(name).append(
                Entry(f"page:{slug}/{name}/{file.stem}", str(shown), file.stem, values, SCHEMAS[name])
            )
    return exploration


def check_references(content):
    """Every source key, impact, place and field named in a file exists."""
    for exploration in content.explorations:
        known = {
            "source": set(content.sources),
            "impact": {entry.slug for entry in exploration.impacts},
            "place": {entry.slug for entry in exploration.places},
            "field": {row["slug"] for row in exploration.entry.data["fields"]},
        }
        names = {"source": "source (sources.toml)", "impact": "impact", "place": "lieu", "field": "champ"}
        entries = [
            exploration.entry,
            *exploration.impacts,
            *exploration.places,
            *exploration.articles,
            *exploration.events,
        ]
        for entry in entries:
            for key, kind, value in references(entry.data, entry.schema):
                if value not in known[kind]:
                    raise DemoContentError(
                        entry.path,
                        key,
                        f"aucun(e) {names[kind]} n'a l'identifiant {_shown(value)} dans cette exploration.",
                    )
            seen = set()
            for n, row in enumerate(entry.data.get("evidence", ()), start=1):
                if row["quote"] and not row["source"]:
                    raise DemoContentError(
                        entry.path,
                        f"evidence[{n}].quote",
                        "une citation n'est permise qu'avec sa source publiée.",
                    )
                if row["impact"] in seen:
                    raise DemoContentError(
                        entry.path, f"evidence[{n}].impact", "un lieu a au plus une observation par impact."
                    )
                seen.add(row["impact"])
        data = exploration.entry.data
        if data["period_end"] and data["period_end"] < data["period_start"]:
            raise DemoContentError(
                exploration.entry.path, "period_end", "la fin de la période précède son début."
            )
