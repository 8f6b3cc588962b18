"""Pages rendered by two processes give the same export as one (on PostgreSQL; an in-memory SQLite database
is not shared between processes, so there the export stays in one)."""

import fcntl
import multiprocessing
from pathlib import Path

import pytest

from millelieux.articles.factories import make_article
from millelieux.explorations.factories import make_exploration
from millelieux.export.crawler import RESULTS_PIPE_SIZE, RenderingPool
from millelieux.export.site import MARKER, export_site
from millelieux.places.factories import make_place

# Committed data (the workers read it from their own connections). Every transactional test of the suite puts
# the migrations' data back after it (serialized_rollback): mixed with others, a flush would leave the next one
# without its page tree, or with duplicate content types.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def contents(outdir):
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in outdir.rglob("*")
        if path.is_file() and path.name != MARKER
    }


def test_two_processes_write_the_same_files_as_one(tmp_path):
    exploration = make_exploration(title="Mille Lieux")
    for title in ("La Quincaillerie", "Le Hangar", "La Coroutine"):
        make_place(exploration, title=title)
    make_article(exploration)

    alone = export_site(tmp_path / "one", workers=1)
    shared = export_site(tmp_path / "two", workers=2)

    assert contents(tmp_path / "two") == contents(tmp_path / "one")
    assert shared.pages == alone.pages >= 10


def system_pipe_limit():
    try:
        return int(Path("/proc/sys/fs/pipe-max-size").read_text())
    except (OSError, ValueError):
        return 0


@pytest.mark.skipif(
    not hasattr(fcntl, "F_GETPIPE_SZ") or system_pipe_limit() < RESULTS_PIPE_SIZE,
    reason="pipe sizes are set on Linux only, up to the system's limit",
)
def test_the_pipe_bringing_pages_back_from_the_rendering_processes_holds_several_pages():
    """A rendered page and its pieces are 100 to 200 KB pickled: with a pipe of 64 KiB, a rendering process
    waited for this one to read each of them."""
    context = multiprocessing.get_context("fork")
    with RenderingPool(1, context=context) as pool:
        size = fcntl.fcntl(pool._outqueue._writer.fileno(), fcntl.F_GETPIPE_SZ)
        assert pool.apply(len, ("x" * 300_000,)) == 300_000

    assert size == RESULTS_PIPE_SIZE
