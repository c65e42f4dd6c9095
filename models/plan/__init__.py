"""The plan itself: themes, tracks, results and actions with their statuses and history.

- `tables`: the plan's tables, `plan_decision` and the `action_change` audit; `status`: the
  four statuses; `kinds`: deadline, recurring (with a rhythm) or ongoing work.
- `plan_file` / `seed`: read and validate `data/plan.yaml`; load it idempotently.
- `periods`: the Danish timeline phrases turned into dates (never a guess).
- `queries`: read models (`ActionView`, `ThemeView`, …) for pages, exports and reports.
- `action_edits`: `save_action_edits()`, the one write path for statuses and notes;
  `confirmations`: "status unchanged" (someone looked and changed nothing).
- `decisions`: plan decisions that move deadlines (re-baselining) and the restoration target.
- `owners`: owners of actions and tracks, and a user's own actions in sections.
- `change_log`, `overview`: the change log, the weekly-review summaries and attention list.
- `status_workbook`: the Excel round-trip; `export`: the plan as JSON; `status_chart`: the
  status-by-theme chart shared by the app, the reports and the slides.

Builds on `models.core` and `models.auth`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "action_edits": [
            "Outcome",
            "ActionEdit",
            "EditResult",
            "EditsRejected",
            "normalise_values",
            "save_action_edits",
            "eligible_owners",
        ],
        "change_log": ["ChangeRow", "list_changes", "list_change_authors", "changes_csv"],
        "confirmations": ["ConfirmationError", "Confirmation", "confirm_actions"],
        "decisions": [
            "DecisionError",
            "DecisionMove",
            "decision_label",
            "record_decision",
            "list_decisions",
            "decision_moves",
            "restoration_target",
        ],
        "export": ["plan_as_dict", "plan_json"],
        "owners": [
            "OwnerError",
            "MySection",
            "my_actions",
            "my_sections",
            "owned_codes",
            "set_track_owner",
        ],
        "kinds": [
            "ActionKind",
            "KIND_LABELS",
            "RHYTHM_LABELS",
            "parse_kind",
            "parse_rhythm",
            "rhythm_label",
            "next_due",
        ],
        "overview": [
            "StatusSummary",
            "status_summary",
            "Attention",
            "AttentionRow",
            "attention_reasons",
            "needs_attention",
            "attention_sections",
            "summarise_changes",
            "TimelineItem",
            "timeline_items",
        ],
        "periods": [
            "Period",
            "month_bounds",
            "quarter_bounds",
            "half_bounds",
            "year_bounds",
            "parse_period",
        ],
        "plan_file": [
            "PlanFileError",
            "ActionSeed",
            "TrackSeed",
            "ThemeSeed",
            "PlanSeed",
            "parse_plan",
            "load_plan_file",
        ],
        "queries": [
            "ActionView",
            "TrackView",
            "ThemeView",
            "PlanView",
            "ThemeSummary",
            "get_plan",
            "list_theme_codes",
            "get_themes",
            "get_theme",
            "theme_summaries",
            "data_revision",
        ],
        "seed": ["SeedReport", "seed_plan"],
        "status": ["Status", "parse_status"],
        "status_chart": [
            "status_color_scale",
            "status_by_theme_frame",
            "status_by_theme_chart",
            "status_by_theme_text",
            "status_by_theme_table",
        ],
        "status_workbook": [
            "WorkbookError",
            "build_status_workbook",
            "RowProblem",
            "RowConflict",
            "UploadPreview",
            "read_status_workbook",
        ],
        "tables": [
            "SEED_USER",
            "status_column",
            "kind_column",
            "Plan",
            "Theme",
            "Track",
            "Result",
            "Action",
            "PlanDecision",
            "ActionChange",
        ],
    },
)
