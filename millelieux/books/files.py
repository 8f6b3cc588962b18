"""Files written whole and locked: a reader sees the old file or the new one, and one process builds at a time."""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

try:  # POSIX; elsewhere two simultaneous first requests may both build (the rename keeps the file whole)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None


@contextmanager
def locked(path):
    """Hold an exclusive lock on `path` (created if missing) for the block."""
    with open(path, "a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)


def write_atomically(path, data):
    """Write `data` to `path` through a temporary file of the same folder renamed over it: a reader sees the
    old file or the new one, never part of it."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
