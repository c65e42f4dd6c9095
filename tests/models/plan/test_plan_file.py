"""The transcribed plan file: complete, valid, and bad files rejected with file, line, column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.plan.periods import parse_period
from models.plan.plan_file import PlanFileError, load_plan_file, parse_plan
from models.plan.status import Status
from tests.models.plan.plan_phrases import PLAN_PHRASES

# The plan's overview ("Skematisk oversigt over temaer og spor"), verbatim.
EXPECTED_TRACKS = {
    "A.1": "Genopretning i alle sager; fagligt og administrativt",
    "A.2": "Kvalitet i arbejdet med børn og unge",
    "A.3": "Kvalitet i valg af indsats",
    "A.4": "Kvalitet i opfølgning",
    "A.5": "Kvalitet i det administrative sagsarbejde",
    "A.6": "Fagligt ledelsestilsyn",
    "A.7": "Kvalitetsstandarder",
    "B.1": "Barnets perspektiv; ret til inddragelse i egen sag",
    "B.2": "Implementering af barnets lov",
    "B.3": "God forvaltningsskik og retssikkerhedsloven",
    "C.1": "Berigtigelse i sager med tabt arbejdsfortjeneste",
    "D.1": "Systemmæssig understøttelse",
    "D.2": "Økonomistyring og økonomisk ledelsestilsyn",
    "D.3": "Økonomisk sagsgennemgang og valideringsprocesser",
    "D.4": "Korrekt opkrævning og kontering af forældrebetaling",
    "D.5": "Aktivitetsbaseret model for beregning af budgetbehov",
    "E.1": "Arbejds miljø",
    "E.2": "Opstart nye medarbejdere",
    "E.3": "Organisatoriske tilpasninger",
    "E.4": "Sagsantal pr. rådgiver",
    "E.5": "Kommunikation og samarbejde med familier",
    "F.1": "Rette indsatser",
    "F.2": "Prissætning af indsatser i Familie- og ungeindsatsen",
    "F.3": "Hjemtagelse af ekstern familiebehandling, kontaktpersonordning m.m.",
    "F.4": "Godkendelse af Hyblerne",
}
EXPECTED_THEMES = {
    "A": "Ensartet, høj faglig kvalitet i sagsbehandlingen",
    "B": "Retssikkerhed og barnets lov i sagerne",
    "C": "Berigtigelse af tabt arbejdsfortjeneste",
    "D": "Datakvalitet og økonomisk styring",
    "E": "Organisationsudvikling",
    "F": "Udvikling af interne tilbud",
}

PLAN = load_plan_file()
ALL_ACTIONS = [a for theme in PLAN.themes for track in theme.tracks for a in track.actions]


def test_plan_metadata() -> None:
    meta = PLAN.meta
    assert meta["title"] == "Udviklings- og genopretningsplan på familieområdet"
    assert (meta["period_start_year"], meta["period_end_year"]) == (2024, 2027)
    assert (meta["approved_by"], meta["approved_on"]) == (
        "Børn & Læringsudvalget",
        dt.date(2024, 11, 14),
    )
    assert meta["restoration_deadline"] == dt.date(2026, 6, 30)
    assert meta["restoration_deadline"] == parse_period(meta["restoration_deadline_text"]).end
    assert (meta["budget_2025_dkk"], meta["budget_2025_text"]) == (17_500_000, "17,5 mio. kr.")


def test_themes_and_tracks_are_the_plans_own() -> None:
    assert {t.code: t.title for t in PLAN.themes} == EXPECTED_THEMES
    tracks = {track.code: track.title for theme in PLAN.themes for track in theme.tracks}
    assert list(tracks) == list(EXPECTED_TRACKS)
    assert tracks == EXPECTED_TRACKS
    for theme in PLAN.themes:
        assert all(track.code.startswith(theme.code + ".") for track in theme.tracks)


def test_every_track_has_results_and_numbered_actions() -> None:
    for theme in PLAN.themes:
        for track in theme.tracks:
            assert track.results, track.code
            assert [a.code for a in track.actions] == [
                f"{track.code}.{n}" for n in range(1, len(track.actions) + 1)
            ]


def test_every_timeline_phrase_is_covered_by_the_parser_table() -> None:
    """Each timeline in the plan has a hand-checked expected period in test_periods."""
    missing = sorted({a.timeline for a in ALL_ACTIONS if a.timeline not in PLAN_PHRASES})
    assert missing == []


def test_seeded_statuses_name_their_source() -> None:
    with_status = [a for a in ALL_ACTIONS if a.status != Status.upcoming]
    assert with_status, "the seed documents state some statuses"
    for action in with_status:
        assert action.status_source.strip(), action.code


def test_no_cpr_like_number_in_the_plan_file() -> None:
    from re import search

    text = Path("data/plan.yaml").read_text(encoding="utf-8")
    assert search(r"\b(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[- ]?\d{4}\b", text) is None


VALID = """\
plan:
  title: T
  municipality: M
  period_start_year: 2024
  period_end_year: 2027
  approved_by: U
  approved_on: 2024-11-14
  restoration_deadline: 2026-06-30
  restoration_deadline_text: medio 2026
  budget_2025_dkk: 1
  budget_2025_text: 1 kr.
themes:
  - code: A
    title: Tema
    tracks:
      - code: A.1
        title: Spor
        results: [R]
        actions:
          - code: A.1.1
            text: Handling
            timeline: Primo 2025
"""


def test_a_minimal_valid_file_parses() -> None:
    plan = parse_plan(VALID, path=Path("plan.yaml"))
    assert [a.code for a in plan.themes[0].tracks[0].actions] == ["A.1.1"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "            text: Handling\n",
            "",
            "plan.yaml, linje 20, kolonne 13: feltet 'text' mangler",
        ),
        (
            "            timeline: Primo 2025\n",
            "            timeline: Primo 2025\n            status: Færdig\n",
            "plan.yaml, linje 20, kolonne 13: ukendt status 'Færdig'",
        ),
        (
            "            timeline: Primo 2025\n",
            "            timeline: Primo 2025\n            status: Obs\n",
            "plan.yaml, linje 20, kolonne 13: "
            "en status fra et kildedokument kræver 'status_source'",
        ),
        (
            "  period_end_year: 2027\n",
            "  period_end_year: snart\n",
            "plan.yaml, linje 2, kolonne 3: feltet 'period_end_year' skal være et heltal, "
            "fandt 'snart'",
        ),
        (
            "        results: [R]\n",
            "        results: [R\n",
            "plan.yaml, linje 19, kolonne 16: ugyldig YAML (did not find expected ',' or ']'",
        ),
        (
            "          - code: A.1.1\n",
            "          - code: A.1\n",
            "plan.yaml: koderne A.1 forekommer flere gange",
        ),
        (
            "            timeline: Primo 2025\n",
            "            timeline: Primo 2025\n            kind: recurring\n",
            "plan.yaml, linje 20, kolonne 13: "
            "en tilbagevendende handling (og kun den) skal have en 'rhythm'",
        ),
        (
            "            timeline: Primo 2025\n",
            "            timeline: Primo 2025\n            kind: årlig\n",
            "plan.yaml, linje 20, kolonne 13: Ukendt type 'årlig'.",
        ),
        (
            "            timeline: Primo 2025\n",
            "            timeline: Primo 2025\n            kind: recurring\n"
            "            rhythm: hver dag\n",
            "plan.yaml, linje 20, kolonne 13: Ukendt rytme 'hver dag'.",
        ),
        (
            "            timeline: Primo 2025\n",
            "            timeline: Primo 2025\n            period: {start: 2025-10-01}\n",
            "plan.yaml, linje 23, kolonne 21: 'period' skal angive både start og end",
        ),
    ],
    ids=[
        "missing-text",
        "unknown-status",
        "status-without-source",
        "wrong-type",
        "bad-yaml",
        "duplicate-code",
        "recurring-without-rhythm",
        "unknown-kind",
        "unknown-rhythm",
        "half-a-period",
    ],
)
def test_bad_plan_files_are_refused_with_where_and_why(old: str, new: str, message: str) -> None:
    assert old in VALID
    with pytest.raises(PlanFileError) as error:
        parse_plan(VALID.replace(old, new), path=Path("plan.yaml"))
    assert str(error.value).startswith(message)
