"""Reading a census file row by row: CSV (`,` or `;`, UTF-8 with or without BOM, Windows-1252), GeoJSON
FeatureCollection, XLSX. Each reader yields RawRow(line, values, problem); `values` never holds the personal
columns, which are dropped here, as the file is read."""

import codecs
import csv
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

FORMATS = ("auto", "csv", "geojson", "xlsx")
LATITUDE, LONGITUDE = "@latitude", "@longitude"  # a GeoJSON point's coordinates, as two columns
SNIFF_BYTES = 64 * 1024

csv.field_size_limit(sys.maxsize)


class InputError(Exception):
    """A file that cannot be read as a census; the message says why in one line."""


@dataclass
class RawRow:
    line: int  # the line of the file where the row starts (CSV, XLSX) or the feature's number (GeoJSON)
    values: dict
    problem: str = ""  # why the row cannot be read as the header says (wrong number of cells)


@dataclass
class Source:
    format: str
    header: list
    rows: object  # an iterator of RawRow
    point_geometry: bool = False
    size_hint: int = 0  # an estimate of the number of rows, for the progress bar


def detect_format(path, head):
    suffix = path.suffix.lower()
    if suffix in (".geojson", ".json"):
        return "geojson"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt", ".tsv"):
        return "csv"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
        return "geojson"
    return "csv"


def open_source(path, fmt="auto", sheet=None, drop=()):
    path = Path(path)
    if fmt not in FORMATS:
        raise InputError(
            _("Format inconnu : « %(format)s » (attendu : %(formats)s).")
            % {"format": fmt, "formats": ", ".join(FORMATS)}
        )
    if not path.exists():
        raise InputError(_("Fichier introuvable : %(path)s") % {"path": path})
    if not path.is_file():
        raise InputError(_("Ce n'est pas un fichier : %(path)s") % {"path": path})
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise InputError(
            _("Fichier illisible : %(path)s (%(error)s)") % {"path": path, "error": error}
        ) from error
    if not head:
        raise InputError(_("Le fichier est vide (0 octet) : %(path)s") % {"path": path})
    if fmt == "auto":
        fmt = detect_format(path, head)
    if fmt != "xlsx" and b"\x00" in head:
        raise InputError(
            _("Le fichier semble binaire, pas un texte %(format)s : %(path)s")
            % {"format": fmt.upper(), "path": path}
        )
    reader = {"csv": _csv_source, "geojson": _geojson_source, "xlsx": _xlsx_source}[fmt]
    return reader(path, head, set(drop), sheet)


def _check_header(header, path):
    if not any(header):
        raise InputError(_("Le fichier n'a pas de ligne d'en-tête : %(path)s") % {"path": path})
    seen, twice = set(), []
    for column in header:
        if column in seen and column not in twice:
            twice.append(column)
        seen.add(column)
    if twice:
        raise InputError(
            _("Colonnes en double dans l'en-tête : %(columns)s")
            % {"columns": ", ".join(f"« {c} »" for c in twice)}
        )


def _encoding(path, head):
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    # Check the whole file in chunks (it is streamed afterwards): one invalid byte means it is not UTF-8.
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1024 * 1024):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def _delimiter(first_line):
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _csv_source(path, head, drop, sheet):
    encoding = _encoding(path, head)
    try:
        first_line = head.decode(encoding, errors="replace").lstrip("\ufeff").splitlines()[0]
    except IndexError:
        first_line = ""
    delimiter = _delimiter(first_line)
    handle = path.open("r", encoding=encoding, errors="replace", newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as error:
        handle.close()
        raise InputError(_("CSV illisible : %(error)s") % {"error": error}) from error
    try:
        _check_header(header, path)
    except InputError:
        handle.close()
        raise
    size = path.stat().st_size
    hint = max(1, int(size / max(1, len(head)) * head.count(b"\n"))) if size else 0

    def rows():
        with handle:
            start = reader.line_num + 1
            try:
                for cells in reader:
                    line, start = start, reader.line_num + 1
                    if not cells or (len(cells) == 1 and not cells[0].strip()):
                        continue  # a blank line is not a row
                    problem = ""
                    if len(cells) != len(header):
                        problem = _("la ligne a %(cells)s cellules, l'en-tête %(columns)s colonnes") % {
                            "cells": len(cells),
                            "columns": len(header),
                        }
                    values = {k: v for k, v in zip(header, cells, strict=False) if k not in drop}
                    yield RawRow(line, values, problem)
            except csv.Error as error:
                raise InputError(
                    _("CSV illisible à la ligne %(line)s : %(error)s")
                    % {"line": reader.line_num, "error": error}
                ) from error

    return Source("csv", [h for h in header if h not in drop], rows(), size_hint=hint)


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _geojson_source(path, head, drop, sheet):
    # A FeatureCollection is one JSON document: it is read whole (a census of 100,000 points is ~50 MB).
    try:
        with path.open("r", encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except (UnicodeDecodeError, ValueError) as error:
        raise InputError(_("GeoJSON illisible : %(error)s") % {"error": error}) from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError(_("GeoJSON : une FeatureCollection est attendue."))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise InputError(_("Le fichier ne contient aucun lieu (FeatureCollection vide)."))
    header, point = {}, False
    for feature in features:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        for key in properties or {}:
            header.setdefault(key, None)
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        point = point or (isinstance(geometry, dict) and geometry.get("type") == "Point")
    header = [h for h in header if h not in drop]

    def rows():
        for number, feature in enumerate(features, start=1):
            properties = feature.get("properties") if isinstance(feature, dict) else None
            if not isinstance(properties, dict):
                yield RawRow(number, {}, _("l'objet n'a pas de propriétés"))
                continue
            values = {k: _scalar(v) for k, v in properties.items() if k not in drop}
            geometry = feature.get("geometry")
            if isinstance(geometry, dict) and geometry.get("type") == "Point":
                coordinates = geometry.get("coordinates") or []
                if len(coordinates) >= 2:
                    values[LONGITUDE], values[LATITUDE] = _scalar(coordinates[0]), _scalar(coordinates[1])
            yield RawRow(number, values)

    return Source("geojson", header, rows(), point_geometry=point, size_hint=len(features))


def _xlsx_source(path, head, drop, sheet):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise InputError(
            _("Classeur XLSX illisible : %(path)s (%(error)s)") % {"path": path, "error": error}
        ) from error
    if sheet:
        if sheet not in workbook.sheetnames:
            workbook.close()
            raise InputError(
                _("Feuille « %(sheet)s » absente du classeur (feuilles : %(sheets)s).")
                % {"sheet": sheet, "sheets": ", ".join(workbook.sheetnames)}
            )
        worksheet = workbook[sheet]
    else:
        worksheet = workbook.worksheets[0]
    cells = worksheet.iter_rows(values_only=True)
    header, header_line = [], 0
    for row in cells:
        header_line += 1
        if any(v not in (None, "") for v in row):
            header = [_scalar(v).strip() for v in row]
            break
    while header and not header[-1]:
        header.pop()
    try:
        _check_header(header, path)
    except InputError:
        workbook.close()
        raise

    def rows():
        try:
            for line, row in enumerate(cells, start=header_line + 1):
                values = list(row)
                while len(values) > len(header) and values[-1] in (None, ""):
                    values.pop()  # a sheet's rows are padded to its widest one
                if not any(v not in (None, "") for v in values):
                    continue
                problem = ""
                if len(values) > len(header):
                    problem = _("la ligne a %(cells)s cellules, l'en-tête %(columns)s colonnes") % {
                        "cells": len(values),
                        "columns": len(header),
                    }
                values += [None] * (len(header) - len(values))
                yield RawRow(
                    line,
                    {k: _scalar(v) for k, v in zip(header, values, strict=False) if k not in drop},
                    problem,
                )
        finally:
            workbook.close()

    return Source("xlsx", [h for h in header if h not in drop], rows(), size_hint=worksheet.max_row or 0)
