"""`manage.py publish --out DIR`: the public status page as files, audited, in-process."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.core.db import create_db_engine
from models.presentation.public_site import MANIFEST, directory_hash
from tests.test_manage import ready, run  # noqa: F401

only_sqlite = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def publications(url: str) -> list[tuple]:
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    sa.text(
                        "SELECT username, destination, manifest_sha256, file_count, status_date "
                        "FROM publication ORDER BY id"
                    )
                )
            ]
    finally:
        engine.dispose()


def test_publish_writes_the_site_and_records_who_and_what(
    ready: str,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("models.core.time.today_local", lambda: dt.date(2026, 6, 1))
    out = tmp_path / "statusside"
    result = run("publish", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "index.html", "style.css"]
    digest = directory_hash(out)
    assert result.stdout == (
        f"Statussiden er udgivet i {out} (2 filer og SHA256SUMS).\n"
        f"SHA-256 af SHA256SUMS: {digest}\n"
    )
    ((username, destination, sha, count, status_date),) = publications(ready)
    assert (username, destination, sha, count) == ("system", str(out), digest, 2)
    assert str(status_date) == "2026-06-01"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "Status pr. 1. juni 2026" in page
    assert "Frist for genopretning af alle åbne sager: 30. juni 2026 – om 4 uger." in page


@only_sqlite
def test_publish_replaces_its_own_earlier_output_but_nothing_else(
    ready: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "statusside"
    assert run("publish", "--out", str(out)).exit_code == 0
    again = run("publish", "--out", str(out))
    assert again.exit_code == 0, again.output
    assert len(publications(ready)) == 2

    (out / "andet.html").write_text("ikke statussidens")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    refused = run("publish", "--out", str(out))
    assert refused.exit_code == 1
    assert refused.stderr.endswith(
        f"Fejl: Mappen {out} er hverken tom eller en tidligere udgivelse af statussiden "
        "(den indeholder andre filer). Intet er skrevet; vælg en tom eller ny mappe.\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert len(publications(ready)) == 2


@only_sqlite
def test_publish_into_an_unwritable_place_writes_nothing(
    ready: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    (tmp_path / "en-fil").write_text("x")
    result = run("publish", "--out", str(tmp_path / "en-fil" / "side"))
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"Fejl: Mappen {tmp_path / 'en-fil'} findes ikke. Intet er skrevet.\n"
    )
    assert publications(ready) == []
