"""The cache of books: one build for simultaneous requests, never a half-written file, old versions removed."""

import threading
import time

import pytest

from millelieux.books.cache import cached_file
from millelieux.books.files import write_atomically


def test_simultaneous_requests_wait_for_one_build(tmp_path):
    builds = []
    start = threading.Barrier(4)

    def build():
        builds.append(threading.get_ident())
        time.sleep(0.3)  # long enough for the other callers to arrive while it builds
        return b"%PDF-livre"

    paths = []

    def request():
        start.wait()
        path = cached_file(tmp_path, "abc.pdf", build)
        paths.append((path, path.read_bytes()))

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(builds) == 1
    assert paths == [(tmp_path / "abc.pdf", b"%PDF-livre")] * 4


def test_a_new_version_replaces_the_old_one(tmp_path):
    cached_file(tmp_path, "ancien.pdf", lambda: b"%PDF-ancien")

    path = cached_file(tmp_path, "nouveau.pdf", lambda: b"%PDF-nouveau")

    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["nouveau.pdf"]
    assert path.read_bytes() == b"%PDF-nouveau"


def test_a_failed_build_leaves_neither_a_file_nor_a_fragment(tmp_path):
    cached_file(tmp_path, "ancien.pdf", lambda: b"%PDF-ancien")

    def broken():
        raise RuntimeError("la composition a échoué")

    with pytest.raises(RuntimeError):
        cached_file(tmp_path, "nouveau.pdf", broken)

    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".lock")) == ["ancien.pdf"]


def test_a_write_is_renamed_into_place_whole(tmp_path):
    target = tmp_path / "livre.pdf"
    target.write_bytes(b"ancien")

    write_atomically(target, b"nouveau" * 1000)

    assert target.read_bytes() == b"nouveau" * 1000
    assert [p.name for p in tmp_path.iterdir()] == ["livre.pdf"]
