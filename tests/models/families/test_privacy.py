"""The guard against names and case references in families' input, on its own."""

from __future__ import annotations

import pytest

from models.families.panel import load_panel
from models.families.privacy import name_in, personal_data_problem, reference_in

PANEL = load_panel()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mette Hansen oplevede ikke at blive hørt", "Mette"),
        ("Vi talte med Hans om sagen", "Hans"),  # mid-sentence: the name, not "his"
        ("Forælderen nævnte Jensen fra kommunen", "Jensen"),
        ("Forælderen nævnte Brixsen", "Brixsen"),  # an unlisted "-sen" surname
        ("Rådgiveren ringede til fru Holt", "Holt"),
        ("Et brev fra hr. Holt", "Holt"),  # "hr." ends no sentence
        ("min søn Malthe fik ingen samtale", "Malthe"),
        ("rådgiver Zeynep svarede ikke", "Zeynep"),
        ("METTE SAGDE DET PÅ MØDET", "METTE"),
        ("Sagsbehandler Birthe Leak", "Birthe"),
    ],
)
def test_a_name_is_found(text: str, name: str) -> None:
    assert name_in(text) == name
    assert f"ligner et navn («{name}»)" in (personal_data_problem(text) or "")


@pytest.mark.parametrize(
    "text",
    [
        "Hans mor oplevede at blive overrumplet",  # "Hans" = his, at a sentence's start
        "Per måned kom der flere afgørelser",
        "Liv og trivsel for barnet",
        "Overhold Barnets lov",
        "Samtale med LIGEVÆRD, ANSVAR, ORDENTLIGHED, ENGAGEMENT med os",
        "FUI – kvalitetsoplevelse og tilbud",
        "Social- og Boligstyrelsens Task Force blev nævnt",
        "Krisen var stor. Processen tog lang tid",
        "EVA har evalueret området",
        "Faxe Kommune og Haslev",
        "sager fra 2024 og 2025",
        "Svar på A.1.2 og E.5.4",
        "Hvad hæftede I jer ved under gennemgangen af genopretningsplanen?",
    ],
)
def test_ordinary_text_passes(text: str) -> None:
    assert personal_data_problem(text) is None


def test_every_seeded_text_passes() -> None:
    texts = [theme.title for theme in PANEL.themes]
    for meeting in PANEL.meetings:
        texts += [meeting.title, *meeting.questions, *(item.text for item in meeting.items)]
    assert [text for text in texts if personal_data_problem(text)] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Familien i S-0412 ventede", "S-0412"),
        ("se sag nr. 1234", "sag nr. 1234"),
        ("Sagsnr. 2024-55 mangler", "Sagsnr. 2024"),
        ("j.nr. 27.15.00", "j.nr. 27"),
        ("Vedr. xqz-leak-7731", "xqz-leak-7731"),  # stored: any case
    ],
)
def test_a_case_reference_is_found(text: str, found: str) -> None:
    assert reference_in(text, ["XQZ-LEAK-7731"]) == found
    assert "ligner en sagsreference" in (personal_data_problem(text, ["XQZ-LEAK-7731"]) or "")


def test_a_word_with_digits_is_a_reference_only_if_stored() -> None:
    assert reference_in("Svar på A.1.2 i 2025") is None
    assert reference_in("Svar på A.1.2 i 2025", ["A.1.2"]) == "A.1.2"
