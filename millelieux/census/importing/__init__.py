"""The census import engine: readers (CSV, GeoJSON, XLSX), mappings, row normalisation, the import itself."""

from .engine import ImportFailed, ImportReport, import_census
from .mappings import PROFILES, Mapping, MappingError, load_mapping
from .readers import FORMATS, InputError

__all__ = [
    "FORMATS",
    "PROFILES",
    "ImportFailed",
    "ImportReport",
    "InputError",
    "Mapping",
    "MappingError",
    "import_census",
    "load_mapping",
]
