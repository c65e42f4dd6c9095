"""A small disk of the tests' own that really fills up: a tmpfs mounted in a temporary
directory, filled to the last byte by a filler file, and freed again by deleting it.

SQLite on it meets the real thing: a write that needs another page of the WAL (or of the file)
gets ENOSPC from the kernel and fails with SQLITE_FULL ("database or disk is full").
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import skip_or_fail

CHUNKS = (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1)  # bytes per write, until nothing more fits


class SmallDisk:
    """A mounted tmpfs at `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / "filler"

    def fill(self) -> None:
        """Take every free byte (as a log or a backup run wild would)."""
        with self.filler.open("ab", buffering=0) as handle:
            for size in CHUNKS:
                block = b"\0" * size
                while True:
                    try:
                        handle.write(block)
                    except OSError as error:
                        if error.errno != errno.ENOSPC:
                            raise
                        break
        assert shutil.disk_usage(self.path).free == 0

    def free(self) -> None:
        """What the operator does: delete what filled the disk."""
        self.filler.unlink(missing_ok=True)


@contextmanager
def small_disk(size_mb: int) -> Iterator[SmallDisk]:
    """A tmpfs of `size_mb` MB, unmounted afterwards. Needs root and `mount`; without them
    the test is skipped, or fails under REQUIRE_SERVICES=1 (CI)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        skip_or_fail("the full-disk tests mount a small tmpfs: they need root and mount")
    path = Path(tempfile.mkdtemp(prefix="outage-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0755", "tmpfs", str(path)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        path.rmdir()
        skip_or_fail(f"the full-disk tests could not mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run(["umount", "--lazy", str(path)], check=False)
        path.rmdir()
