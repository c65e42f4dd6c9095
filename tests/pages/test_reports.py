"""AppTest renders of the status reports page (Statusrapporter)."""

from __future__ import annotations

from tests.pages.apptest import rendered_text, run_app


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
