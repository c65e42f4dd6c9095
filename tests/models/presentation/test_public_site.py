"""The public status page: aggregates only, the slides' own sentences and figures, small
counts as "under 5", accessible markup, and audited, all-or-nothing publishing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import re
import zipfile
from pathlib import Path

import pytest
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.core.formatting import date_long_da
from models.indicators.service import record_measurement
from models.plan.decisions import record_decision
from models.plan.owners import set_track_owner
from models.plan.status import STATUS_ORDER
from models.presentation.aggregates import build_deck
from models.presentation.public_site import (
    MANIFEST,
    Publication,
    PublishError,
    directory_hash,
    manifest_hash,
    publish_to_directory,
    publish_zip,
    read_site,
    render_site,
)
from models.presentation.public_site.markup import el
from models.presentation.public_site.page import INDEX, STYLESHEET, SiteFiles
from models.presentation.slides import NO_INDICATORS, slides
from models.reports.snapshots import create_snapshot, mark_presented
from models.restoration.case_import import apply_import, parse_cases
from models.restoration.demo_cases import seed_demo
from tests.factories import FAMILY_SAID, MARKERS, make_user, plant_marker_text
from tests.models.presentation.site_html import Node, parse, table_rows

TODAY = dt.date(2026, 12, 6)
NOW = dt.datetime(2026, 12, 6, 13, 5, tzinfo=dt.UTC)
CLI = Actor.command_line()
REPORT = "INTERN-RAPPORTNAVN-3141"  # a report's name is internal; only the meeting is shown
OWNER = "ejer4242"  # a track's owner: a user name
REFERENCE = "SAGSNR-LEAK-2718"  # a plan decision's case reference
DECISION_TEXT = "Intern begrundelse LEAK-TEKST-1618"


def site_of(session: Session, today: dt.date = TODAY) -> SiteFiles:
    return render_site(read_site(session, today=today, now=NOW))


def index_of(session: Session, today: dt.date = TODAY) -> Node:
    return parse(site_of(session, today)[INDEX])


def section(document: Node, id_: str) -> Node:
    return document.by_id(id_)


def figures(part: Node) -> dict[str, str]:
    """A section's key figures (its <dl>): label → value."""
    return {d.one("dt").text: d.one("dd").text for d in part.one("dl").all("div")}


def publish(session: Session, out: Path, files: SiteFiles | None = None) -> Publication:
    return publish_to_directory(
        session, actor=CLI, files=files or site_of(session), out=out, status_date=TODAY
    )


def rows(session: Session) -> list[Publication]:
    return list(session.exec(select(Publication)))


# --- nothing internal ------------------------------------------------------------------------


@pytest.fixture
def sensitive(seeded_session: Session) -> Session:
    """Demo cases, and marker text in case references, notes, responsible fields, user names,
    an internal measurement's comment, a presented report's name, a track's owner and a plan
    decision's case reference and text."""
    plant_marker_text(seeded_session, TODAY)
    create_snapshot(seeded_session, actor=CLI, name=REPORT, taken_on=TODAY, today=TODAY)
    mark_presented(seeded_session, actor=CLI, name=REPORT, presented_on=TODAY, today=TODAY)
    make_user(seeded_session, OWNER, Role.editor)
    set_track_owner(seeded_session, actor=CLI, track_code="A.1", owner=OWNER)
    record_decision(
        seeded_session,
        actor=CLI,
        decided_on=TODAY,
        body="Børn & Læringsudvalget",
        reference=REFERENCE,
        text=DECISION_TEXT,
        restoration_deadline=dt.date(2026, 12, 31),
        today=TODAY,
    )
    seeded_session.commit()
    return seeded_session


def test_no_published_file_contains_internal_text(sensitive: Session, tmp_path: Path) -> None:
    out = tmp_path / "statusside"
    publish(sensitive, out)
    sensitive.commit()
    published = {path.name: path.read_text(encoding="utf-8") for path in out.rglob("*")}
    assert set(published) == {INDEX, STYLESHEET, MANIFEST}
    everything = "\n".join(published.values())
    for marker in (*MARKERS, REPORT, OWNER, OWNER.title(), REFERENCE, DECISION_TEXT):
        assert marker not in everything
    assert "Sygefravær" not in everything  # an internal indicator
    families = section(parse(published[INDEX]), "familier")
    assert f"«{FAMILY_SAID}»" in families.text  # the public summary is there, its remark not
    assert "A.1.5" in families.text
    assert "DEMODATA – tallene viser ikke virkelige sager." in parse(published[INDEX]).text
    background = section(parse(published[INDEX]), "baggrund")
    assert f"{date_long_da(TODAY)}: Status til Børn & Læringsudvalget" in background.one("ol").text
    assert (  # the decision's body and date are public, as on the slides
        "Oprindelig frist 30. juni 2026 (passeret) · ny frist 31. december 2026 – om 3 uger, "
        "besluttet af Børn & Læringsudvalget 6. december 2026." in background.text
    )


# --- what it shows -----------------------------------------------------------------------------


def test_the_plan_in_brief_and_the_date(seeded_session: Session) -> None:
    document = index_of(seeded_session)
    assert document.one("html").attrs["lang"] == "da"
    assert document.one("h1").text == "Status på udviklings- og genopretningsplanen"
    assert "Status pr. 6. december 2026" in document.one("header").text
    assert "Genereret 6. december 2026 kl. 14:05" in document.one("footer").text
    plan = section(document, "planen")
    assert figures(plan) == {
        "Godkendt": "14. november 2024",
        "Periode": "2024–2027",
        "Temaer": "6",
        "Spor": "25",
        "Handlinger": "87",
    }
    assert "Børn & Læringsudvalget godkendte den 14. november 2024" in plan.text
    assert "Kommende opgave, I gang, Obs og Afsluttet/implementeret" in plan.text
    assert "DEMODATA" not in document.text  # no demo cases


def test_the_themes_show_each_status_exactly(seeded_session: Session) -> None:
    deck = build_deck(seeded_session, today=TODAY)
    themes = section(index_of(seeded_session), "temaer")
    assert themes.one("h2").text == "De 6 temaer"
    head, *body, foot = table_rows(themes.one("table"))
    assert head == [
        "Tema",
        "○ Kommende opgave",
        "◐ I gang",
        "! Obs",
        "✓ Afsluttet/implementeret",
        "I alt",
    ]
    assert body == [
        [f"{bar.code}: {bar.title}", *(str(bar.counts[s]) for s in STATUS_ORDER), str(bar.total)]
        for bar in deck.themes
    ]
    assert body[2] == ["C: Berigtigelse af tabt arbejdsfortjeneste", "3", "2", "0", "0", "5"]
    assert foot[0] == "Alle temaer"
    assert foot[-1] == "87"
    chart = themes.one("svg")
    assert chart.attrs["role"] == "img"
    assert "C Berigtigelse af tabt arbejdsfortjeneste: 5 handlinger" in chart.one("desc").text


@pytest.mark.parametrize(
    ("today", "sentence"),
    [
        (
            dt.date(2026, 6, 1),
            "Frist for genopretning af alle åbne sager: 30. juni 2026 – om 4 uger.",
        ),
        (
            dt.date(2026, 12, 6),
            "Frist for genopretning af alle åbne sager: 30. juni 2026 – passeret for 5 måneder "
            "siden.",
        ),
    ],
    ids=["before", "after"],
)
def test_the_deadline_is_spoken_of_as_the_slides_do(
    seeded_session: Session, today: dt.date, sentence: str
) -> None:
    document = index_of(seeded_session, today)
    deck = build_deck(seeded_session, today=today)
    assert slides(deck)[4].emphasis == sentence
    for part in ("baggrund", "genopretning"):
        assert sentence in [p.text for p in section(document, part).all("p")]
    assert ("passeret" in document.text) == (today > dt.date(2026, 6, 30))


CASES = (
    "Sagsreference;Team;Spor;Gennemgået;Sagsskridt\n"
    "S-0101;Handicap;A.1;01-10-2025;afgørelse\n"
    "S-0102;Handicap;A.1;01-10-2025;afgørelse\n"
    "S-0103;Handicap;A.1;01-10-2025;afgørelse\n"
)


def test_small_counts_of_people_are_shown_as_under_5(seeded_session: Session) -> None:
    apply_import(seeded_session, actor=CLI, parsed=parse_cases(CASES.encode(), "sager.csv"))
    seeded_session.commit()
    document = index_of(seeded_session)
    restoration = section(document, "genopretning")
    assert figures(restoration) == {
        "Sager i genopretning": "under 5",
        "Fuldt genoprettet": "0",
        "Åbne manglende sagsskridt": "under 5",
        "Forventet færdig": "kan ikke beregnes endnu",
    }
    assert (
        "Frist for genopretning af alle åbne sager: 30. juni 2026 – passeret for 5 måneder "
        "siden. Under 5 manglende sagsskridt er endnu ikke gennemført." in restoration.text
    )
    weeks = [row for table in restoration.all("table") for row in table_rows(table)[1:]]
    assert {count for _, count in weeks} == {"0", "under 5"}  # 0 before the cases were reviewed
    assert "S-0101" not in document.text
    themes = table_rows(section(document, "temaer").one("table"))
    assert themes[3][1:] == ["3", "2", "0", "0", "5"]  # actions stay exact


def test_only_the_effect_goals_the_slides_show(seeded_session: Session) -> None:
    assert section(index_of(seeded_session), "effektmaal").one("p").text == NO_INDICATORS
    for code, day, value in (
        ("sager-pr-raadgiver", dt.date(2026, 11, 30), 28),
        ("anbragte-boern", dt.date(2026, 10, 31), 120),  # public, but no target
        ("sygefravaer", dt.date(2026, 10, 31), 5),  # not public
    ):
        record_measurement(
            seeded_session,
            actor=CLI,
            indicator_code=code,
            measured_on=day,
            value=value,
            today=TODAY,
        )
    seeded_session.commit()
    goals = section(index_of(seeded_session), "effektmaal")
    assert table_rows(goals.one("table")) == [
        ["Effektmål", "Seneste måling", "Målt", "Mål", "Vurdering"],
        ["Sager pr. rådgiver", "28", "30. november 2026", "20–25", "Tæt på"],
    ]


def test_the_milestones_are_the_decks_timeline(seeded_session: Session) -> None:
    deck = build_deck(seeded_session, today=TODAY)
    items = [li.text for li in section(index_of(seeded_session), "baggrund").one("ol").all("li")]
    assert items == [f"{date_long_da(m.day)}: {m.label}" for m in deck.milestones]
    assert items[2] == (
        "14. november 2024: Udviklings- og genopretningsplanen godkendt; status hvert kvartal"
    )


# --- accessible, self-contained markup ------------------------------------------------------


def test_the_page_is_accessible_markup_without_script(seeded_session: Session) -> None:
    seed_demo(seeded_session, actor=CLI, today=TODAY)
    seeded_session.commit()
    html = site_of(seeded_session)[INDEX].decode("utf-8")
    document = parse(html)
    body = document.one("body")
    skip = next(node for node in body.walk() if node.tag == "a")
    assert (skip.text, skip.attrs["href"]) == ("Gå til indholdet", "#indhold")
    assert document.one("main").attrs["id"] == "indhold"
    assert document.one("nav").attrs["aria-label"] == "Indhold på siden"
    assert [n.tag for n in body.children if isinstance(n, Node)] == ["a", "header", "div", "footer"]
    levels = [int(n.tag[1]) for n in body.walk() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    links = [a.attrs["href"] for a in document.one("nav").all("a")]
    assert links == ["#planen", "#baggrund", "#temaer", "#genopretning", "#effektmaal", "#familier"]
    for link in links:
        assert document.by_id(link[1:]).tag == "section"
    for table in document.all("table"):
        assert table.one("caption").text
        assert all(th.attrs.get("scope") in ("col", "row") for th in table.all("th"))
    charts = document.all("svg")
    assert len(charts) == 2
    for chart in charts:
        assert chart.attrs["role"] == "img"
        name, description = chart.attrs["aria-labelledby"], chart.attrs["aria-describedby"]
        assert document.by_id(name).tag == "title"
        assert document.by_id(description).tag == "desc"
        assert not [n for n in chart.walk() if "aria-label" in n.attrs or "role" in n.attrs][1:]
    assert "<script" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert not re.search(r"""(?:href|src)=["'](?:https?:)?//""", html)  # nothing external


# --- publishing ---------------------------------------------------------------------------------


@pytest.fixture
def web(tmp_path: Path) -> Path:
    """An empty directory for the publication to go into (tmp_path holds the test database)."""
    (tmp_path / "web").mkdir()
    return tmp_path / "web"


def test_the_audit_rows_hash_is_the_hash_of_the_files_written(
    seeded_session: Session, web: Path
) -> None:
    out = web / "statusside"
    publish(seeded_session, out)
    seeded_session.commit()
    (row,) = rows(seeded_session)
    written = {p.name: p.read_bytes() for p in out.iterdir() if p.name != MANIFEST}
    recomputed = "".join(
        f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(written.items())
    )
    assert row.manifest_sha256 == hashlib.sha256(recomputed.encode()).hexdigest()
    assert (out / MANIFEST).read_text() == recomputed
    assert directory_hash(out) == row.manifest_sha256
    assert (row.username, row.destination, row.file_count) == ("system", str(out), 2)
    assert row.status_date == TODAY
    assert sorted(p.name for p in web.iterdir()) == ["statusside"]  # nothing left beside


def test_a_failed_write_leaves_no_directory_and_no_row(seeded_session: Session, web: Path) -> None:
    out = web / "statusside"
    broken = {INDEX: b"<p>1</p>", f"{INDEX}/style.css": b"p {}"}  # a file, then a file inside it
    with pytest.raises(PublishError, match="kan ikke skrives"):
        publish(seeded_session, out, broken)
    seeded_session.commit()
    assert list(web.iterdir()) == []
    assert rows(seeded_session) == []


def test_a_target_whose_parent_cannot_hold_it_is_refused(
    seeded_session: Session, web: Path
) -> None:
    (web / "en-fil").write_text("x")
    with pytest.raises(PublishError, match="findes ikke"):
        publish(seeded_session, web / "en-fil" / "statusside")
    seeded_session.commit()
    assert [p.name for p in web.iterdir()] == ["en-fil"]
    assert rows(seeded_session) == []


def test_a_directory_with_other_files_is_refused_and_left_alone(
    seeded_session: Session, web: Path
) -> None:
    out = web / "www"
    out.mkdir()
    (out / "forside.html").write_text("kommunens egen side")
    with pytest.raises(PublishError, match="hverken tom eller en tidligere udgivelse"):
        publish(seeded_session, out)
    seeded_session.commit()
    assert [(p.name, p.read_text()) for p in out.iterdir()] == [
        ("forside.html", "kommunens egen side")
    ]
    assert rows(seeded_session) == []


def test_a_previous_publication_is_replaced_and_a_rollback_puts_it_back(
    seeded_session: Session, web: Path
) -> None:
    out = web / "statusside"
    out.mkdir()  # empty: fine
    publish(seeded_session, out)
    seeded_session.commit()
    first = directory_hash(out)

    publish(seeded_session, out, site_of(seeded_session, dt.date(2026, 12, 7)))
    seeded_session.rollback()  # e.g. the commit failed: the publication did not happen
    assert directory_hash(out) == first
    assert len(rows(seeded_session)) == 1

    publish(seeded_session, out, site_of(seeded_session, dt.date(2026, 12, 7)))
    seeded_session.commit()
    assert directory_hash(out) != first
    assert [r.manifest_sha256 for r in rows(seeded_session)][-1] == directory_hash(out)
    assert "Status pr. 7. december 2026" in (out / INDEX).read_text()
    assert sorted(p.name for p in web.iterdir()) == ["statusside"]


def test_a_viewer_may_not_publish(seeded_session: Session, web: Path) -> None:
    make_user(seeded_session, "vera", Role.viewer)
    with pytest.raises(PermissionDenied):
        publish_to_directory(
            seeded_session,
            actor=Actor("vera", Role.viewer),
            files=site_of(seeded_session),
            out=web / "statusside",
            status_date=TODAY,
        )
    assert list(web.iterdir()) == []


def test_the_zip_holds_exactly_the_files_its_audit_row_hashes(seeded_session: Session) -> None:
    make_user(seeded_session, "erik", Role.editor)
    files = site_of(seeded_session)
    publication, data = publish_zip(
        seeded_session, actor=Actor("erik", Role.editor), files=files, status_date=TODAY
    )
    seeded_session.commit()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = {name: archive.read(name) for name in archive.namelist()}
    assert unpacked == {**files, MANIFEST: unpacked[MANIFEST]}
    assert publication.manifest_sha256 == manifest_hash(files)
    assert hashlib.sha256(unpacked[MANIFEST]).hexdigest() == publication.manifest_sha256
    (row,) = rows(seeded_session)
    assert (row.username, row.destination) == (
        "erik",
        "Zip-fil hentet i appen: statusside-06-12-2026.zip",
    )


def test_every_text_is_escaped_and_only_markup_is_kept() -> None:
    hostile = '<script>alert("x")</script> & "citat"'
    assert el("p", hostile, title=hostile) == (
        '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;citat&quot;">'
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;citat&quot;</p>"
    )
    assert el("li", el("time", "1. maj", datetime="2026-05-01"), ": ", 3, None) == (
        '<li><time datetime="2026-05-01">1. maj</time>: 3</li>'
    )
    assert el("main", tabindex="-1", hidden=True, id=None) == '<main tabindex="-1" hidden></main>'


# --- I sagde – vi gjorde ---------------------------------------------------------------------


def test_the_families_section_follows_the_linked_actions_status(seeded_session: Session) -> None:
    """What was done is the linked action's status now: a status change shows on the next
    render without touching the input item."""
    from models.families.service import add_input
    from models.families.tables import FamilyMeeting
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    def families() -> str:
        return section(index_of(seeded_session), "familier").text

    assert "Der er endnu ikke registreret" not in families()  # the seeded meeting's items
    assert "Det arbejder vi videre med" in families()  # … which nobody has answered yet
    meeting_id = seeded_session.exec(select(FamilyMeeting.id)).first()
    add_input(
        seeded_session,
        actor=CLI,
        meeting_id=meeting_id,
        text="Tag telefonen, når vi ringer",
        theme="kommunikation",
        status="Besvaret med handling",
        response="Telefontiden er udvidet.",
        actions=["C.1.2"],
    )
    seeded_session.commit()
    action = seeded_session.exec(select(Action).where(Action.code == "C.1.2")).one()
    before = families()
    # (.text drops the space at the end of the bold "I sagde: "; the status has its symbol)
    assert "I sagde:«Tag telefonen, når vi ringer»Vi gjorde:" in before
    assert re.search(rf"C\.1\.2 {re.escape(action.text)} \(\S\s{action.status.value}\)", before)
    assert "Kommunens svar: Telefontiden er udvidet." in before
    save_action_edits(
        seeded_session,
        actor=CLI,
        edits=[ActionEdit(action.id or 0, action.version, {"status": "Afsluttet/implementeret"})],
    )
    seeded_session.commit()
    after = families()
    assert re.search(rf"C\.1\.2 {re.escape(action.text)} \(\S\sAfsluttet/implementeret\)", after)
