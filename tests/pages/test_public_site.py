"""AppTest renders of *Offentlig statusside*: the preview is the site that is published, and
*Udgiv* records who published which files."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from models.core.db import get_engine, session_scope
from models.presentation.public_site import manifest_hash, preview_html, read_site, render_site
from models.presentation.public_site.tables import Publication
from tests.pages.apptest import run_app

TODAY = dt.date(2026, 12, 6)
NOW = dt.datetime(2026, 12, 6, 13, 5, tzinfo=dt.UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today and now as the page reads them, fixed: the page's site can be rendered again."""
    monkeypatch.setattr("models.core.time.today_local", lambda: TODAY)
    monkeypatch.setattr("models.core.time.utcnow", lambda: NOW)


def expected_files() -> dict[str, bytes]:
    with session_scope(get_engine()) as session:
        return render_site(read_site(session, today=TODAY, now=NOW))


def preview(at: AppTest) -> str:
    (frame,) = at.get("iframe")
    return frame.proto.srcdoc


def test_an_editor_previews_exactly_what_udgiv_publishes(users: None, clock: None) -> None:
    at = run_app("pages/public_site.py", username="erik")
    assert at.title[0].value == "Offentlig statusside"
    files = expected_files()
    assert preview(at) == preview_html(files)
    (frame,) = at.get("iframe")
    assert frame.proto.alt == "Forhåndsvisning af den offentlige statusside"
    assert at.info[0].value == "Statussiden er ikke udgivet endnu."
    assert not at.get("download_button")

    (publish,) = [button for button in at.button if button.label == "Udgiv"]
    publish.click().run()
    assert not at.exception
    digest = manifest_hash(files)
    assert re.fullmatch(  # published_at is the real moment of the click
        r"Statussiden er udgivet \d+\. \w+ \d{4} kl\. \d\d:\d\d\. "
        f"SHA-256 af SHA256SUMS: {digest}",
        at.success[0].value,
    )
    (download,) = at.get("download_button")
    assert download.proto.label == "Hent den udgivne statusside (zip)"
    with session_scope(get_engine()) as session:
        (row,) = session.exec(select(Publication)).all()
        assert (row.username, row.manifest_sha256, row.file_count) == ("erik", digest, 2)
    history = at.dataframe[0].value
    assert list(history.columns) == [
        "Tidspunkt",
        "Udgivet af",
        "Hvor",
        "Status pr.",
        "Filer",
        "SHA-256 af SHA256SUMS",
    ]
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", history.iloc[0, 0])
    assert history.iloc[0, 1:].tolist() == [
        "erik",
        "Zip-fil hentet i appen: statusside-06-12-2026.zip",
        "06-12-2026",
        "2",
        digest,
    ]


@pytest.mark.parametrize("username", ["vera", "pia"])
def test_viewers_and_presenters_have_no_public_site_page(users: None, username: str) -> None:
    at = run_app(username=username)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/public_site.py")  # its URL only says "Ingen adgang" for them


def test_admins_have_the_page(users: None) -> None:
    at = run_app("pages/public_site.py", username="hanna")
    assert at.title[0].value == "Offentlig statusside"
    assert "Udgiv" in [button.label for button in at.button]


def test_the_site_is_rendered_once_per_state_of_the_data(
    users: None, clock: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its charts are rendered to SVG, which is slow at scale: a rerun or another editor's
    load of an unchanged plan reuses the files; an edit makes new ones."""
    import components.public_site_view as view
    from tests.pages.edits import set_status

    renders: list[int] = []
    real_render = view.render_site

    def counting_render(site: object) -> object:
        renders.append(1)
        return real_render(site)

    monkeypatch.setattr(view, "render_site", counting_render)
    at = run_app("pages/public_site.py", username="erik")
    at.run()
    run_app("pages/public_site.py", username="hanna")
    assert len(renders) == 1

    set_status()  # an editor elsewhere saves a status
    at.run()
    assert len(renders) == 2
    assert preview(at) == preview_html(expected_files())
