"""The import of one census file: read, normalise and check every row, write in batches inside one
transaction, mark vanished entries as gone, flag probable duplicates, and account for every row in a report.

Without `continue_on_error`, one rejected row (or any failure) rolls the whole import back: the database is
exactly as before and the report says `"refused": true`. A dry run goes through the same steps and rolls
back at the end, so its report says what a real import would do.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from millelieux.census.models import Census, CensusEntry, CensusImport, DuplicateCandidate

from .duplicates import probable_duplicates
from .mappings import CENSUS_KEYS
from .normalise import Communes, Normaliser
from .readers import InputError, open_source

BATCH_SIZE = 2000
WRITTEN_FIELDS = [
    "name",
    "address",
    "postcode",
    "commune_id",
    "commune_label",
    "typology",
    "typology_label",
    "latitude",
    "longitude",
    "location_note",
    "website",
    "extra",
]
UPDATED_FIELDS = [*WRITTEN_FIELDS, "status", "row_hash", "last_import"]


class ImportRefused(Exception):
    """Raised inside the transaction to roll it back; the report is kept."""


class ImportFailed(Exception):
    """An unexpected failure during the import: everything was rolled back. `report` says how far it got."""

    def __init__(self, message, report):
        super().__init__(message)
        self.report = report


@dataclass
class ImportReport:
    source: str
    file: str
    format: str = ""
    dry_run: bool = False
    refused: bool = False
    message: str = ""
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    gone: int = 0
    duplicates: list = field(default_factory=list)
    # (line, id, outcome, errors or None, warnings or None) per row: on 100,000 rows, a tuple takes a third
    # of a dict's memory; the dicts are made only for the written report
    compact_rows: list = field(default_factory=list, repr=False)
    import_id: int | None = None

    def add(self, row):
        self.total += 1
        setattr(self, row.outcome, getattr(self, row.outcome) + 1)
        self.compact_rows.append((row.line, row.id, row.outcome, row.errors or None, row.warnings or None))

    @property
    def rows(self):
        """One dict per row read, in the file's order: line, id, outcome, errors and (if any) warnings."""
        return [_row_dict(*row) for row in self.compact_rows]

    @property
    def warnings(self):
        return sum(1 for row in self.compact_rows if row[4])

    def as_dict(self):
        return {
            "source": self.source,
            "file": self.file,
            "format": self.format,
            "dry_run": self.dry_run,
            "refused": self.refused,
            "written": not (self.dry_run or self.refused),
            "message": self.message,
            "total": self.total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "gone": self.gone,
            "warnings": self.warnings,
            "duplicates": self.duplicates,
            "rows": self.rows,
        }

    def write(self, path):
        Path(path).write_text(json.dumps(self.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")


def _row_dict(line, identifier, outcome, errors, warnings):
    entry = {"line": line, "id": identifier, "outcome": outcome, "errors": errors or []}
    if warnings:
        entry["warnings"] = warnings
    return entry


def file_sha256(path):
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def census_for(source, mapping):
    """The census named by `source` (a slug or a name), created with the mapping's defaults if new."""
    defaults = dict(mapping.census)
    profile_slug = defaults.pop("slug", None)
    slug = slugify(source or profile_slug or mapping.name)[:60]
    if not slug:
        raise InputError(_("Recensement : « %(source)s » ne donne pas d'identifiant.") % {"source": source})
    if source and profile_slug and slug != profile_slug:
        defaults = {}  # another census read with a built-in profile: the profile's publisher is not its own
    census = Census.objects.filter(slug=slug).first()
    if census is None:
        values = {k: v for k, v in defaults.items() if k in CENSUS_KEYS}
        if values.get("published"):
            values["published"] = datetime.date.fromisoformat(values["published"])
        if not values.get("name"):
            values["name"] = source or slug
        census = Census.objects.create(slug=slug, **values)
    return census


def import_census(
    path,
    mapping,
    source=None,
    fmt="auto",
    sheet=None,
    dry_run=False,
    continue_on_error=False,
    progress=None,
):
    """Import `path` with `mapping` into the census `source`; returns an ImportReport.

    Raises InputError (before anything is written) when the file or its header cannot be used. `progress`,
    if given, is called as progress(rows_done, rows_estimate)."""
    path = Path(path)
    data = open_source(path, fmt, sheet, drop=mapping.personal)
    missing = mapping.missing_columns(data.header, data.point_geometry)
    if missing:
        raise InputError(
            _("Colonnes obligatoires absentes du fichier : %(columns)s (correspondance « %(mapping)s »).")
            % {"columns": ", ".join(f"« {c} »" for c in missing), "mapping": mapping.name}
        )
    report = ImportReport(source="", file=path.name, format=data.format, dry_run=dry_run)
    try:
        with transaction.atomic():
            census = census_for(source, mapping)
            report.source = census.slug
            record = CensusImport.objects.create(
                census=census, file_name=path.name[:300], file_sha256=file_sha256(path)
            )
            seen = _write_rows(census, record, data, mapping, report, progress)
            if report.total == 0:
                raise InputError(_("Le fichier ne contient aucune ligne de données (en-tête seul)."))
            if report.rejected and not continue_on_error:
                report.refused = True
                report.message = _(
                    "Import refusé : %(n)s ligne(s) rejetée(s), rien n'a été écrit (voir le rapport, ou "
                    "--continue-on-error pour importer les autres)."
                ) % {"n": report.rejected}
                raise ImportRefused
            report.gone = _mark_gone(census, record, seen)
            del seen  # its memory serves the duplicates and the report that follow
            report.duplicates = _flag_duplicates(census)
            record.finished_at = timezone.now()
            for name in ("total", "created", "updated", "unchanged", "rejected", "gone"):
                setattr(record, name, getattr(report, name))
            record.report = report.as_dict()
            record.save()
            report.import_id = record.pk
            if dry_run:
                report.import_id = None
                transaction.set_rollback(True)
    except ImportRefused:
        pass
    except InputError:
        raise
    except Exception as error:
        report.refused = True
        report.message = _("Import interrompu, rien n'a été écrit : %(error)s") % {"error": error}
        raise ImportFailed(report.message, report) from error
    return report


def _write_rows(census, record, data, mapping, report, progress):
    # The census's entries, loaded once (no query per row); each is taken out when its row is read, so
    # the memory it held serves the rows that follow.
    existing = {
        external_id: (pk, row_hash, status)
        for external_id, pk, row_hash, status in census.entries.values_list(
            "external_id", "pk", "row_hash", "status"
        ).iterator(chunk_size=BATCH_SIZE)
    }
    merged = dict(
        census.entries.filter(extra__has_key="merged_into").values_list("external_id", "extra__merged_into")
    )
    normalise = Normaliser(mapping, communes=Communes())
    seen = set()
    to_create, to_update = [], []
    for raw in data.rows:
        row = normalise(raw)
        if row.id is not None and not raw.problem:
            if row.id in seen:
                row.error(mapping.id_column, row.id, _("identifiant déjà vu plus haut dans le fichier"))
            seen.add(row.id)
        if row.errors:
            row.outcome = "rejected"
        else:
            row_hash = row.row_hash()
            known = existing.pop(row.id, None)  # an id seen twice is rejected above: one look-up each
            status = CensusEntry.Status.GONE if row.id in merged else CensusEntry.Status.PRESENT
            values = row.values  # the row keeps only its outcome, errors and warnings from here
            if row.id in merged:
                values["extra"] = dict(values["extra"], merged_into=merged[row.id])
            if known is None:
                row.outcome = "created"
                values.update(external_id=row.id, status=status, row_hash=row_hash)
                to_create.append(values)
            elif known[1] == row_hash and known[2] == status:
                row.outcome = "unchanged"
            else:
                row.outcome = "updated"
                to_update.append(
                    CensusEntry(pk=known[0], status=status, row_hash=row_hash, last_import=record, **values)
                )
        report.add(row)
        if len(to_create) >= BATCH_SIZE:
            insert(census, record, to_create)
            to_create = []
        if len(to_update) >= BATCH_SIZE:
            CensusEntry.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=BATCH_SIZE)
            to_update = []
        if progress and report.total % 500 == 0:
            progress(report.total, data.size_hint)
    insert(census, record, to_create)
    CensusEntry.objects.bulk_update(to_update, UPDATED_FIELDS, batch_size=BATCH_SIZE)
    if progress:
        progress(report.total, report.total)
    return seen


INSERTED_FIELDS = [*WRITTEN_FIELDS, "external_id", "status", "row_hash"]


def insert(census, record, rows):
    """Insert new entries (dicts of field values) with one executemany: bulk_create builds a model instance
    per row and, on SQLite, sends batches of ~50 rows; this is several times faster on 100,000 rows."""
    if not rows:
        return
    meta = CensusEntry._meta
    fields = [meta.get_field(name) for name in INSERTED_FIELDS]  # "commune_id" gives the commune field
    extra = meta.get_field("extra")
    quote = connection.ops.quote_name
    columns = [f.column for f in fields] + ["census_id", "first_import_id", "last_import_id"]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(meta.db_table), ", ".join(quote(c) for c in columns), ", ".join(["%s"] * len(columns))
    )
    params = [
        [extra.get_db_prep_save(row[n], connection) if n == "extra" else row[n] for n in INSERTED_FIELDS]
        + [census.pk, record.pk, record.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _mark_gone(census, record, seen):
    """Entries of the census that the file no longer lists: marked as gone, never deleted."""
    present = census.entries.filter(status=CensusEntry.Status.PRESENT).values_list("pk", "external_id")
    vanished = [pk for pk, external_id in present.iterator(chunk_size=BATCH_SIZE) if external_id not in seen]
    for start in range(0, len(vanished), BATCH_SIZE):
        CensusEntry.objects.filter(pk__in=vanished[start : start + BATCH_SIZE]).update(
            status=CensusEntry.Status.GONE, last_import=record
        )
    return len(vanished)


def _flag_duplicates(census):
    """Record new probable duplicates (a pair an editor already decided on is not proposed again); returns
    the open pairs of present entries as [[external id, external id], …]."""
    entries = census.entries.filter(status=CensusEntry.Status.PRESENT, latitude__isnull=False)
    known = set(DuplicateCandidate.objects.filter(first__census=census).values_list("first_id", "second_id"))
    points = entries.values_list("pk", "name", "latitude", "longitude").iterator(chunk_size=BATCH_SIZE)
    new = [
        DuplicateCandidate(first_id=a, second_id=b, distance_m=distance, name_similarity=score)
        for a, b, distance, score in probable_duplicates(points)
        if (a, b) not in known and (b, a) not in known
    ]
    DuplicateCandidate.objects.bulk_create(new, batch_size=BATCH_SIZE)
    open_pairs = DuplicateCandidate.objects.filter(
        first__census=census,
        decision=DuplicateCandidate.Decision.OPEN,
        first__status=CensusEntry.Status.PRESENT,
        second__status=CensusEntry.Status.PRESENT,
    ).values_list("first__external_id", "second__external_id")
    return sorted([list(pair) for pair in open_pairs], key=_natural_pair)


def _natural_pair(pair):
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in pair]
