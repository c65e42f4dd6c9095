"""Restoring the open cases: pseudonymised cases, their missing steps and the pace.

- `tables`: `restoration_case` and `missing_step`, and the configured vocabulary.
- `case_import`: the all-or-nothing CSV/XLSX import with line/column problems.
- `metrics`: pure functions: open steps, pace, required pace, projection, burn-down/up.
- `report`: the page's figures built from the database; `demo_cases`: labelled demo data.
- `wording`: the one sentence about the restoration deadline, for every page and export.

Builds on `models.core` and `models.auth`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "case_import": [
            "ParsedCase",
            "ParsedFile",
            "ImportSummary",
            "parse_cases",
            "summarise",
            "apply_import",
            "template_csv",
        ],
        "demo_cases": ["seed_demo", "remove_demo"],
        "wording": ["DEADLINE_LABEL", "remaining_clause", "deadline_sentence"],
        "metrics": [
            "StepSpan",
            "open_steps",
            "pace",
            "required_pace",
            "projected_completion",
            "weekly_dates",
            "burn_down",
            "burn_up",
            "ideal_line",
            "Headline",
            "headline",
        ],
        "report": [
            "OverdueStep",
            "LostEarnings",
            "RestorationReport",
            "build_report",
            "restoration_revision",
        ],
        "tables": ["Vocabulary", "vocabulary", "RestorationCase", "MissingStep"],
    },
)
