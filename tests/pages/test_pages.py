"""AppTest renders of every page, for every role, and of what the anonymous visitor gets."""

from __future__ import annotations

import pytest

from models.auth.users import Role
from models.plan.plan_file import ThemeSeed, load_plan_file
from tests.pages.apptest import new_app, rendered_text, run_app, seeded_database

PLAN = load_plan_file()
USERS = (
    ("hanna", Role.admin),
    ("erik", Role.editor),
    ("vera", Role.viewer),
    ("pia", Role.presenter),
)
INTERNAL_PAGES = ["pages/overview.py", *[f"pages/tema_{t.code.lower()}.py" for t in PLAN.themes]]


@pytest.fixture
def users() -> None:
    seeded_database(*USERS)


def nav_pages(at) -> list[str]:
    """The page titles st.navigation offered in this run."""
    (nav,) = [node for node in at.get("navigation")] or [None]
    return [page.page_name for page in nav.proto.app_pages] if nav else []


def test_first_run_without_users_offers_only_the_setup_page() -> None:
    seeded_database()
    at = run_app()
    assert at.title[0].value == "Første opsætning: opret administrator"
    assert [field.label for field in at.text_input][:2] == ["Opsætningskode", "Brugernavn"]
    assert "Spor A.1" not in rendered_text(at)


def assert_unreachable(page: str, *, username: str | None = None) -> None:
    """st.navigation did not register `page` for this user: no URL or link can open it."""
    at = new_app(username)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)


def test_the_login_form_waits_for_the_cookie_helpers_first_rerun(users: None) -> None:
    at = new_app()
    at.run()
    assert not at.text_input
    assert at.caption[-1].value == "Login-formularen indlæses …"
    at.run()
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]


def test_without_login_only_the_login_form_is_shown(users: None) -> None:
    at = run_app()
    text = rendered_text(at)
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]
    for leak in ("Spor ", "Handlinger i alt", "Genopretning i alle sager", "Brugere og roller"):
        assert leak not in text


@pytest.mark.parametrize("page", [*INTERNAL_PAGES, "pages/users.py", "pages/status_figures.py"])
def test_without_login_no_page_can_be_reached(users: None, page: str) -> None:
    assert_unreachable(page)


@pytest.mark.parametrize("username", ["hanna", "erik", "vera"])
def test_internal_roles_see_the_overview(users: None, username: str) -> None:
    at = run_app(username=username)
    assert at.title[0].value == "Udviklings- og genopretningsplan på familieområdet 2024–2027"
    total = sum(len(track.actions) for theme in PLAN.themes for track in theme.tracks)
    text = rendered_text(at)
    assert f"Handlinger i alt: <b>{total}</b>" in text
    assert [metric.label for metric in at.metric] == [
        "Afsluttet/implementeret",
        "Overskredne",
        "Obs",
    ]
    assert [sub.value for sub in at.subheader] == [
        "Status pr. tema",
        "Kræver opmærksomhed",
        "Siden sidste gennemgang",
        "Tidslinje",
    ]
    assert "Ingen ændringer i perioden." in text
    assert "Logget ind som" in text


def test_the_overview_summarises_this_weeks_changes(users: None) -> None:
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        target = session.exec(select(Action).where(Action.code == "A.4.1")).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(target.id, target.version, {"status": "Obs"})],
        )
    at = run_app(username="vera")
    text = rendered_text(at)
    assert "1 handling er gået fra Kommende opgave til Obs" in text
    assert "1 ny Obs på A.4" in text
    attention = at.dataframe[0].value
    row = attention[attention["Nr."] == "A.4.1"].iloc[0]
    assert (row["Status"], row["Hvorfor"].split(", ")[-1]) == ("Obs", "Obs")


@pytest.mark.parametrize("theme", PLAN.themes, ids=lambda theme: theme.code)
def test_theme_page_shows_each_track_of_its_theme(users: None, theme: ThemeSeed) -> None:
    at = run_app(f"pages/tema_{theme.code.lower()}.py", username="vera")
    assert at.title[0].value == f"Tema {theme.code}: {theme.title}"
    headings = [subheader.value for subheader in at.subheader]
    assert headings == [f"Spor {track.code}: {track.title}" for track in theme.tracks]
    html = rendered_text(at)
    for track in theme.tracks:
        for action in track.actions:
            assert action.code in html


@pytest.mark.parametrize("page", [*INTERNAL_PAGES])
def test_a_viewer_sees_no_edit_controls(users: None, page: str) -> None:
    at = run_app(page, username="vera")
    assert [button.label for button in at.button] == ["Log ud"]
    assert not at.text_input
    assert not at.selectbox
    assert not at.text_area


@pytest.mark.parametrize("username", ["erik", "vera", "pia"])
def test_only_admins_reach_the_user_page(users: None, username: str) -> None:
    assert_unreachable("pages/users.py", username=username)


def test_an_admin_reaches_the_user_page(users: None) -> None:
    at = run_app("pages/users.py", username="hanna")
    assert at.title[0].value == "Brugere og roller"
    assert "hanna" in rendered_text(at)
    assert "Opret bruger" in [tab.label for tab in at.tabs]


def test_a_presenter_sees_aggregate_status_only(users: None) -> None:
    at = run_app("pages/status_figures.py", username="pia")
    assert at.title[0].value == "Status i tal"
    assert [m.label for m in at.metric] == [
        "Kommende opgave",
        "I gang",
        "Obs",
        "Afsluttet/implementeret",
    ]
    text = rendered_text(at)
    for leak in ("Spor ", "BLU 29.9.2025", "Handlinger i alt", "Brugere og roller"):
        assert leak not in text


@pytest.mark.parametrize("page", [*INTERNAL_PAGES, "pages/users.py"])
def test_a_presenter_reaches_no_internal_page(users: None, page: str) -> None:
    assert_unreachable(page, username="pia")


def test_a_deactivated_user_is_logged_out_on_the_next_run(users: None) -> None:
    from models.auth.users import Actor, set_active
    from models.core.db import get_engine, session_scope

    with session_scope(get_engine(), write=True) as session:
        set_active(session, actor=Actor.command_line(), username="vera", active=False)
    at = run_app(username="vera")
    assert [field.label for field in at.text_input] == ["Brugernavn", "Adgangskode"]


def test_an_editor_switches_a_theme_page_to_edit_mode(users: None) -> None:
    at = run_app("pages/tema_c.py", username="erik")
    assert [toggle.label for toggle in at.toggle] == ["Redigér statusser"]
    assert not at.dataframe
    at.toggle[0].set_value(True).run()
    assert not at.exception
    assert len(at.dataframe) == len(PLAN.themes[2].tracks)
    save = next(button for button in at.button if button.label == "Gem ændringer")
    assert save.disabled  # nothing edited yet


@pytest.mark.parametrize("username", ["vera", "pia"])
def test_only_editors_reach_the_excel_update(users: None, username: str) -> None:
    assert_unreachable("pages/bulk_update.py", username=username)


def test_the_excel_update_page_offers_the_download(users: None) -> None:
    at = run_app("pages/bulk_update.py", username="erik")
    assert at.title[0].value == "Opdatér statusser via Excel"
    assert at.multiselect[0].value == [theme.code for theme in PLAN.themes]


def test_the_change_log_shows_the_last_weeks_changes(users: None) -> None:
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        action = session.exec(select(Action).where(Action.code == "B.1.1")).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(action.id, action.version, {"status": "Obs"})],
        )
    at = run_app("pages/change_log.py", username="vera")
    assert at.title[0].value == "Ændringslog"
    assert at.caption[0].value == "1 ændringer i perioden."
    table = at.dataframe[0].value
    assert table.iloc[0].to_dict() | {"Tidspunkt": "…"} == {
        "Tidspunkt": "…",
        "Bruger": "erik",
        "Handling": f"B.1.1 {action.text}",
        "Felt": "Status",
        "Fra": "Kommende opgave",
        "Til": "Obs",
        "Note": "",
    }


def test_the_restoration_page_without_data_says_so(users: None) -> None:
    at = run_app("pages/restoration.py", username="vera")
    assert at.title[0].value == "Genopretning af sager"
    assert at.info[0].value.startswith("Der er endnu ingen sager indlæst.")
    assert not at.get("file_uploader")
    assert [button.label for button in at.button] == ["Log ud"]


def test_the_restoration_page_with_demo_data_is_labelled_and_shows_the_figures(
    users: None,
) -> None:
    import datetime as dt

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.restoration.demo_cases import seed_demo

    with session_scope(get_engine(), write=True) as session:
        seed_demo(session, actor=Actor.command_line(), today=dt.date.today())
    at = run_app("pages/restoration.py", username="hanna")
    assert at.warning[0].value.startswith("DEMODATA: 400 af sagerne er syntetiske demosager")
    labels = [metric.label for metric in at.metric]
    assert labels[:8] == [
        "Sager i genopretning",
        "Fuldt genoprettet",
        "Med genopretningsplan",
        "Familier orienteret",
        "Åbne sagsskridt",
        "Tempo, sidste 4 uger",
        "Krævet tempo til fristen",
        "Forventet færdig",
    ]
    assert {"Indlæs demodata", "Fjern demodata"} <= {button.label for button in at.button}
    assert "Indlæs sager fra fagsystemet" in [expander.label for expander in at.expander]


def test_a_presenter_cannot_reach_the_restoration_page(users: None) -> None:
    assert_unreachable("pages/restoration.py", username="pia")


def test_the_indicator_page_shows_a_card_per_effect_goal(users: None) -> None:
    at = run_app("pages/indicators.py", username="erik")
    assert at.title[0].value == "Effektmål"
    text = rendered_text(at)
    for name in (
        "Sager pr. rådgiver",
        "Underretninger pr. år",
        "Anbragte børn og unge pr. 31.12.",
        "Andel underretninger om børn under 8 år",
        "Sygefravær",
    ):
        assert f"**{name}**" in text
    assert "Seneste: 1.023 antal (31. dec. 2017)" in text
    assert "Ikke på mål" in text
    assert "forældet" in text
    assert "Registrér eller ret måling" in [expander.label for expander in at.expander]


def test_a_viewer_sees_the_indicators_without_entry_forms(users: None) -> None:
    at = run_app("pages/indicators.py", username="vera")
    assert "Registrér eller ret måling" not in [expander.label for expander in at.expander]
    assert not at.get("form")


def test_the_report_page_creates_compares_and_offers_downloads(users: None) -> None:
    at = run_app("pages/reports.py", username="erik")
    assert at.title[0].value == "Statusrapporter til Børn & Læringsudvalget"
    assert at.info[0].value == "Der er endnu ingen statusrapporter."
    name_input = next(field for field in at.text_input if field.label.startswith("Navn"))
    name_input.input("Status BLU 29.9.2025")
    next(button for button in at.button if button.label == "Frys status nu").click().run()
    assert not at.exception
    assert at.success[0].value == "Statusrapporten «Status BLU 29.9.2025» er oprettet."
    assert [sb.value for sb in at.selectbox] == ["Status nu", "Status BLU 29.9.2025"]
    text = rendered_text(at)
    assert "Siden «Status BLU 29.9.2025»" in text
    labels = [element.proto.label for element in at.get("download_button")]
    assert labels == ["Excel (.xlsx)", "Word-bilag (.docx)", "PDF-bilag", "Diagram (PNG)"]


def test_a_viewer_reads_reports_but_cannot_create_them(users: None) -> None:
    at = run_app("pages/reports.py", username="vera")
    assert "Frys status nu" not in [button.label for button in at.button]
    assert not at.text_input


@pytest.mark.parametrize("slide", range(1, 8))
def test_a_presenter_opens_every_slide(users: None, slide: int) -> None:
    from models.presentation.slides import SLIDE_TITLES

    at = new_app("pia")
    at.query_params["slide"] = str(slide)
    at.run()
    at.run()
    assert not at.exception
    text = rendered_text(at)
    assert f"<h1>{SLIDE_TITLES[slide - 1]}</h1>" in text
    assert f"Faxe Kommune · {slide} / 7" in text
    for leak in ("BLU 29.9.2025:", "Planen, nov. 2024"):  # internal status notes
        assert leak not in text


def test_the_next_button_moves_to_the_next_slide(users: None) -> None:
    at = run_app("pages/presentation.py", username="pia")
    next_button = next(button for button in at.button if button.label == "Næste →")
    next_button.click().run()
    assert at.query_params["slide"] == "2"
    assert "<h1>Baggrunden</h1>" in rendered_text(at)
