"""The places × impacts matrix of an exploration (tableau croisé) and the filters of its address.

Plain functions on what the exploration page hands them (lists or querysets of places, impacts and evidence
rows): this module imports no app above explorations, so the layering holds without naming impacts here.

    filters = read_filters(request.GET, fields, kinds=["positive", "limit"])   # or raises FilterError
    matrix = build_matrix(places, impacts, evidence, kinds=["positive", "limit"], request=request)
    for row in matrix.rows:
        row.place, row.url, row.count
        for cell in row.cells:
            cell.impact, cell.evidence, cell.url, cell.dots, cell.label   # evidence None: not observed
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

FIELD_PARAMETER = "champ"
KIND_PARAMETER = "nature"
MAX_VALUE_LENGTH = 120  # the longest field slug; anything longer cannot name a field or a kind
MAX_STRENGTH = 3


class FilterError(Exception):
    """A filter of the matrix's address that names nothing: the page answers 400 with `message`."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Filters:
    """The field (an ExplorationField or None) and the kind ("positive", "limit" or "") the matrix shows."""

    field: object = None
    kind: str = ""

    @property
    def active(self):
        return self.field is not None or bool(self.kind)

    def query(self, **changes):
        """The query string ("?champ=…&nature=…", or "") of these filters with `champ`/`nature` changed."""
        values = {
            FIELD_PARAMETER: self.field.slug if self.field is not None else "",
            KIND_PARAMETER: self.kind,
        }
        values.update(changes)
        pairs = [(name, value) for name, value in values.items() if value]
        return "?" + urlencode(pairs) if pairs else ""


def _repeated_message(name, count):
    if name == FIELD_PARAMETER:
        message = _(
            "L'adresse donne %(count)s fois le filtre « champ » : le tableau se filtre par un seul champ."
        )
    else:
        message = _(
            "L'adresse donne %(count)s fois le filtre « nature » : le tableau se filtre par une seule nature."
        )
    return message % {"count": count}


def _too_long_message(name, length):
    if name == FIELD_PARAMETER:
        message = _(
            "La valeur du filtre « champ » est trop longue (%(length)s caractères) pour nommer un champ."
        )
    else:
        message = _(
            "La valeur du filtre « nature » est trop longue (%(length)s caractères) pour nommer une nature."
        )
    return message % {"length": number_format(length, force_grouping=True)}


def _single_value(query, name):
    """The one value of `name` in the query (stripped; "" when absent or empty), or FilterError."""
    values = query.getlist(name)
    if len(values) > 1:
        raise FilterError(_repeated_message(name, len(values)))
    value = values[0].strip() if values else ""
    if len(value) > MAX_VALUE_LENGTH:
        raise FilterError(_too_long_message(name, len(value)))
    return value


def _quoted(value):
    """A value read from the address, shortened for a message (the template escapes it)."""
    return Truncator(value).chars(40)


def read_filters(query, fields, kinds):
    """The Filters named by a query dict (`request.GET`), or FilterError saying what is wrong.

    `fields` are the live fields of the exploration (matched by slug), `kinds` a list of (value, label) pairs.
    An empty value means "no filter" (what the form sends for "Tous"); other parameters are ignored.
    """
    slug = _single_value(query, FIELD_PARAMETER)
    kind = _single_value(query, KIND_PARAMETER)
    chosen_field = None
    if slug:
        chosen_field = next((f for f in fields if f.slug == slug), None)
        if chosen_field is None:
            if fields:
                message = _(
                    "Cette exploration n'a pas de champ « %(slug)s ». Ses champs sont : %(fields)s."
                ) % {"slug": _quoted(slug), "fields": ", ".join(f"« {f.title} »" for f in fields)}
            else:
                message = _("Cette exploration n'a pas de champ « %(slug)s » : elle n'en a aucun.") % {
                    "slug": _quoted(slug)
                }
            raise FilterError(message)
    if kind and kind not in dict(kinds):
        raise FilterError(
            _("La nature « %(kind)s » n'existe pas. Les natures possibles sont : %(kinds)s.")
            % {
                "kind": _quoted(kind),
                "kinds": ", ".join(f"« {value} » ({label})" for value, label in kinds),
            }
        )
    return Filters(field=chosen_field, kind=kind)


@dataclass
class Choice:
    """A link of the filter chips: its label, its query string, whether it is the view shown."""

    label: str
    query: str
    current: bool
    value: str = ""
    colour: str = ""


def field_choices(filters, fields):
    """The chips of the fields: « all fields », then each field; every link keeps the chosen kind."""
    choices = [Choice(_("Tous les champs"), filters.query(**{FIELD_PARAMETER: ""}), filters.field is None)]
    for f in fields:
        current = filters.field is not None and filters.field.pk == f.pk
        choices.append(Choice(f.title, filters.query(**{FIELD_PARAMETER: f.slug}), current, f.slug, f.colour))
    return choices


def kind_choices(filters, kinds):
    """The chips of the kinds: « both », then each (value, label); every link keeps the chosen field."""
    choices = [Choice(_("Toutes les natures"), filters.query(**{KIND_PARAMETER: ""}), not filters.kind)]
    for value, label in kinds:
        choices.append(Choice(label, filters.query(**{KIND_PARAMETER: value}), filters.kind == value, value))
    return choices


@dataclass
class Cell:
    impact: object
    evidence: object = None
    url: str = ""
    dots: str = ""
    label: str = ""
    starts_group: bool = False


@dataclass
class Row:
    place: object
    url: str
    cells: list = field(default_factory=list)

    @property
    def count(self):
        return sum(1 for cell in self.cells if cell.evidence is not None)


@dataclass
class Column:
    impact: object
    url: str
    count: int = 0
    starts_group: bool = False  # the first column of a kind after another kind: drawn with a separator


@dataclass
class Group:
    """The columns of one kind (positives, limits): `span` columns under one header."""

    kind: str
    label: str
    span: int


@dataclass
class Matrix:
    columns: list
    rows: list
    groups: list

    @property
    def evidence_count(self):
        return sum(column.count for column in self.columns)

    @property
    def is_empty(self):
        return not self.columns or not self.rows


def strength_dots(strength, maximum=MAX_STRENGTH):
    """●●○ for a strength of 2 out of 3."""
    strength = max(0, min(int(strength), maximum))
    return "●" * strength + "○" * (maximum - strength)


def build_matrix(places, impacts, evidence, kinds=(), request=None):
    """The matrix of `places` (rows, in their order) × `impacts` (columns) filled with `evidence` rows.

    Columns follow the order of `kinds`, (value, label) pairs (positives, then limits), keeping the given
    order within a kind. Evidence rows whose place or impact is not in the matrix are left out. A filled cell
    links to the evidence on the monograph, `#observation-<impact slug>`. Evaluates each argument once and
    runs no query per place, impact or cell.
    """
    kinds = list(kinds)
    kind_order = [value for value, _label in kinds]
    impacts = sorted(
        impacts, key=lambda i: kind_order.index(i.kind) if i.kind in kind_order else len(kind_order)
    )
    columns = [Column(impact, impact.get_url(request)) for impact in impacts]
    column_of = {column.impact.pk: column for column in columns}
    for previous, column in zip(columns, columns[1:], strict=False):
        column.starts_group = previous.impact.kind != column.impact.kind
    groups = []
    for value, label in kinds + [("", "")]:
        span = sum(
            1 for impact in impacts if (impact.kind == value if value else impact.kind not in kind_order)
        )
        if span:
            groups.append(Group(value, label, span))
    found = {(e.place_id, e.impact_id): e for e in evidence}
    labels = {}
    rows = []
    for place in places:
        row = Row(place=place, url=place.get_url(request))
        for impact in impacts:
            cell = Cell(impact, starts_group=column_of[impact.pk].starts_group)
            row_evidence = found.get((place.pk, impact.pk))
            if row_evidence is not None:
                cell.evidence = row_evidence
                cell.url = f"{row.url}#observation-{impact.slug}"
                cell.dots = strength_dots(row_evidence.strength)
                if row_evidence.strength not in labels:
                    labels[row_evidence.strength] = _("intensité %(strength)s") % {
                        "strength": row_evidence.get_strength_display().lower()
                    }
                cell.label = labels[row_evidence.strength]
                column_of[impact.pk].count += 1
            row.cells.append(cell)
        rows.append(row)
    return Matrix(columns=columns, rows=rows, groups=groups)
