"""Publishing the public site: to a directory (`manage.py publish`) or as a zip (the app).

Both are audited in `publication` (who, when, where, the SHA-256 of the manifest and the file
count), in the same transaction as the publishing itself:

- A directory is written in full to a hidden staging directory beside it and then moved into
  place; the previous contents are kept aside until the transaction commits (then deleted)
  or rolls back (then put back). A failed publish leaves the directory as it was and no row.
- The target must be missing, an empty directory, or a previous publication (its files are
  exactly those its `SHA256SUMS` lists); anything else, or a symbolic link, is refused, so no
  one's other files are ever deleted.
- `SHA256SUMS` is written beside the site in `sha256sum` format (one `hash  name` line per
  file, sorted); the audit row's hash is the SHA-256 of that file, so anyone can check a copy
  with `sha256sum -c SHA256SUMS` and `sha256sum SHA256SUMS`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.applog import log_event
from models.core.errors import DomainError
from models.core.formatting import date_table_da
from models.core.time import local_zone
from models.presentation.public_site.tables import MAX_DESTINATION, Publication

if TYPE_CHECKING:
    from models.presentation.public_site.page import SiteFiles

MANIFEST = "SHA256SUMS"
ZIP_DESTINATION = "Zip-fil hentet i appen: {name}"


class PublishError(DomainError):
    """A publication that cannot be carried out; the message is Danish."""


# --- the manifest ---------------------------------------------------------------------------


def manifest(files: SiteFiles) -> bytes:
    """`sha256sum` lines for every file, sorted by name."""
    lines = [
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())
    ]
    return "".join(lines).encode("utf-8")


def with_manifest(files: SiteFiles) -> SiteFiles:
    """The site's files plus `SHA256SUMS`."""
    if MANIFEST in files:
        raise ValueError(f"a site file may not be called {MANIFEST}")
    return {**files, MANIFEST: manifest(files)}


def manifest_hash(files: SiteFiles) -> str:
    """The hash the audit keeps: SHA-256 of the manifest of `files`."""
    return hashlib.sha256(manifest(files)).hexdigest()


def listed_files(manifest_text: str) -> set[str]:
    """The names a `SHA256SUMS` lists."""
    return {line.split("  ", 1)[1] for line in manifest_text.splitlines() if "  " in line}


def directory_hash(directory: Path) -> str:
    """SHA-256 of the manifest recomputed from the files in `directory` (not trusting the
    `SHA256SUMS` there): equals the audit row's hash for an untouched publication."""
    files = {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }
    return manifest_hash(files)


# --- the target directory -------------------------------------------------------------------


def _previous_publication(directory: Path) -> bool:
    """True when the directory holds exactly the files its `SHA256SUMS` lists (and it)."""
    sums = directory / MANIFEST
    if not sums.is_file():
        return False
    present = {p.relative_to(directory).as_posix() for p in directory.rglob("*") if not p.is_dir()}
    listed = listed_files(sums.read_text(encoding="utf-8", errors="replace"))
    return present == listed | {MANIFEST}


def check_target(out: Path) -> None:
    """Refuse a target that publishing could damage: see the module docstring."""
    if out.is_symlink():
        raise PublishError(f"{out} er et symbolsk link; angiv mappen selv. Intet er skrevet.")
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} er en fil, ikke en mappe. Intet er skrevet.")
    if out.is_dir() and any(out.iterdir()) and not _previous_publication(out):
        raise PublishError(
            f"Mappen {out} er hverken tom eller en tidligere udgivelse af statussiden "
            "(den indeholder andre filer). Intet er skrevet; vælg en tom eller ny mappe."
        )
    if not out.parent.is_dir():
        raise PublishError(f"Mappen {out.parent} findes ikke. Intet er skrevet.")


def _write_staging(out: Path, files: SiteFiles) -> Path:
    """Every file in a new hidden directory beside `out`; removed again if any write fails."""
    staging = out.parent / f".{out.name}.ny-{secrets.token_hex(4)}"
    staging.mkdir()
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


@dataclass
class _Swap:
    """The new directory in place and the old one aside, until the transaction ends."""

    out: Path
    aside: Path | None
    done: bool = False

    def keep(self, _session: Session) -> None:
        """The transaction committed: the old contents go."""
        if not self.done:
            self.done = True
            if self.aside is not None:
                shutil.rmtree(self.aside, ignore_errors=True)

    def end(self, _session: Session, transaction: SessionTransaction) -> None:
        """A transaction ended: if it was the outermost and did not commit (rolled back, or
        the session closed without a commit), the old contents come back."""
        if transaction.parent is None and not self.done:
            self.done = True
            shutil.rmtree(self.out, ignore_errors=True)
            if self.aside is not None:
                self.aside.rename(self.out)


def _move_into_place(staging: Path, out: Path) -> _Swap:
    aside = None
    if out.exists():
        aside = out.parent / f".{out.name}.forrige-{secrets.token_hex(4)}"
        out.rename(aside)
    try:
        staging.rename(out)
    except BaseException:
        if aside is not None:
            aside.rename(out)
        raise
    return _Swap(out, aside)


# --- publishing -----------------------------------------------------------------------------


def _record(
    session: Session, actor: Actor, destination: str, files: SiteFiles, status_date: dt.date
) -> Publication:
    publication = Publication(
        username=actor.username,
        destination=destination[:MAX_DESTINATION],
        status_date=status_date,
        manifest_sha256=manifest_hash(files),
        file_count=len(files),
    )
    session.add(publication)
    session.flush()  # a database error now, before anything is moved
    return publication


def publish_to_directory(
    session: Session, *, actor: Actor, files: SiteFiles, out: Path, status_date: dt.date
) -> Publication:
    """Write the site (and `SHA256SUMS`) to `out` and record it; the directory change is
    undone if the session's transaction rolls back, and final when it commits."""
    authorize(session, actor, EDIT_PLAN)
    out = Path(out).absolute()
    check_target(out)
    try:
        staging = _write_staging(out, with_manifest(files))
    except OSError as error:
        raise PublishError(
            f"Mappen {out} kan ikke skrives ({error.strerror}). Intet er skrevet."
        ) from None
    try:
        publication = _record(session, actor, str(out), files, status_date)
        swap = _move_into_place(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(
            f"Mappen {out} kan ikke skrives ({error.strerror}). Intet er skrevet."
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    event.listen(session, "after_commit", swap.keep)  # fires before the transaction's end
    event.listen(session, "after_transaction_end", swap.end)
    log_event("publish_site", user=actor.username, count=len(files))
    return publication


def zip_name(status_date: dt.date) -> str:
    return f"statusside-{date_table_da(status_date)}.zip"


def site_zip(files: SiteFiles, moment: dt.datetime) -> bytes:
    """The site and `SHA256SUMS` as a zip, every entry dated `moment` (local time)."""
    stamp = moment.astimezone(local_zone()).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in with_manifest(files).items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def publish_zip(
    session: Session, *, actor: Actor, files: SiteFiles, status_date: dt.date
) -> tuple[Publication, bytes]:
    """Record a publication of `files` as a zip download (editors and admins); the zip."""
    authorize(session, actor, EDIT_PLAN)
    publication = _record(
        session, actor, ZIP_DESTINATION.format(name=zip_name(status_date)), files, status_date
    )
    log_event("publish_site", user=actor.username, count=len(files))
    return publication, site_zip(files, publication.published_at)


def list_publications(session: Session, *, actor: Actor, limit: int = 50) -> list[Publication]:
    """The latest publications, newest first (editors and admins)."""
    authorize(session, actor, EDIT_PLAN)
    return list(
        session.exec(
            select(Publication)
            .order_by(sa.desc(Publication.published_at), sa.desc(Publication.id))
            .limit(limit)
        )
    )
