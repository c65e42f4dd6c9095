"""Quarterly status reports for the committee: frozen snapshots and their exports.

- `snapshots`: snapshots (never changed afterwards), the 5 key messages, "Status nu".
- `compare`: what changed between two reports, as rows and Danish sentences.
- `xlsx`, `document` (Word and PDF), `charts` (PNG via vl-convert): the exports.

Builds on the feature packages below it (plan, restoration, indicators).
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "charts": ["status_by_theme", "chart_png"],
        "compare": ["ActionChangeRow", "Comparison", "compare"],
        "document": ["Appendix", "appendix", "build_docx", "build_pdf"],
        "snapshots": [
            "SnapshotError",
            "KeyMessage",
            "KeyMessageChange",
            "Snapshot",
            "SnapshotAction",
            "SnapshotEvent",
            "seed_key_messages",
            "current_key_messages",
            "set_key_messages",
            "current_state",
            "create_snapshot",
            "delete_snapshot",
            "list_snapshots",
            "StatusReport",
            "load_report",
            "report_now",
        ],
        "xlsx": ["build_report_xlsx"],
    },
)
