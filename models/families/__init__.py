"""Input from families (*Input fra familier*): what the family panel and citizen meetings said,
and how the plan answers it.

- `tables`: `family_meeting` (a family-panel meeting or citizen meeting: date, kind, title,
  participants and registered, each only if known; the questions at the tables),
  `family_input` (an item as the municipality summarises it: panel theme, the question it
  answered, response status *Modtaget* / *Under behandling* / *Besvaret med handling* /
  *Ikke muligt – begrundet*, response text, internal remark, version), `family_input_link`
  (an item answered by a track or an action) and `family_change` (the audit, per field).
- `panel`: `data/family_panel.yaml`: the panel's 4 themes and the seeded meetings and items,
  each quoting its source; `seed`: loads them, idempotent, never over a person's edit.
- `privacy`: refuses text that names a person or points at a case (its limits documented);
  CPR-like text and control characters are refused by `models.core.cpr`.
- `service`: every write, one function each (`create_meeting`, `update_meeting`,
  `add_input`, `update_input`, `add_inputs`): role re-checked, texts guarded, version checked
  (Danish conflict message), one audit row per changed field.
- `input_import`: a meeting's items from CSV/XLSX, all or nothing, errors with file, line and
  column.
- `queries`: meetings, their items with the linked actions' current status, the items per
  track (theme pages), the audit.

The citizens' view ("I sagde – vi gjorde") is built in `models.presentation.family_loop`, from
aggregate columns only. Builds on `models.plan` (and `models.restoration` for the stored case
references the guard looks for); beside `models.reports`, `models.reminders`, `models.reviews`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "tables": [
            "MeetingKind",
            "ResponseStatus",
            "OPEN_STATUSES",
            "FamilyMeeting",
            "FamilyInput",
            "FamilyInputLink",
            "FamilyChange",
        ],
        "panel": ["NO_THEME", "PanelTheme", "PanelConfig", "load_panel", "panel_config"],
        "seed": ["FamilySeed", "seed_family_panel"],
        "privacy": ["personal_data_problem", "name_in", "reference_in"],
        "service": [
            "FIELD_LABELS",
            "FamilyInputError",
            "FamilyConflict",
            "parse_response_status",
            "create_meeting",
            "update_meeting",
            "add_input",
            "add_inputs",
            "update_input",
        ],
        "input_import": [
            "COLUMNS",
            "ParsedInputs",
            "parse_inputs",
            "apply_input_import",
            "template_csv",
        ],
        "queries": [
            "LinkedAction",
            "LinkedTrack",
            "MeetingView",
            "InputView",
            "TrackInput",
            "FamilyChangeRow",
            "list_meetings",
            "meeting_inputs",
            "inputs_by_track",
            "family_history",
        ],
    },
)
