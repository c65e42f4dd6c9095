"""User text through the one helper renders as exactly that text: no link, image, markup."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt

from components.safe_text import WORD_JOINER, inert, inert_html

PAYLOADS = [
    "[Nulstil din adgangskode](https://phish.example/login)",
    "![](https://tracker.example/pixel.png)",
    "<img src=https://tracker.example/x.png onerror=alert(1)>",
    "<script>alert('x')</script>",
    "**fed** _kursiv_ `kode` # Overskrift",
    "- punkt\n1. nummer\n> citat",
    "https://phish.example/login og www.phish.example",
    ":red[rød] :material/warning: $x^2$",
    "Familien (Ærø) har 3 * 4 = 12 ønsker & 100 % styr på det \\ ~~ikke~~",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_payloads_render_as_their_own_text(payload: str) -> None:
    markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = markdown.parse(inert(payload))
    kinds = {token.type for token in tokens} | {
        child.type for token in tokens for child in token.children or []
    }
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}
    rendered = markdown.render(inert(payload))
    for tag in ("<a ", "<img", "<script"):
        assert tag not in rendered
    text = html.unescape(rendered.removeprefix("<p>").removesuffix("</p>\n"))
    assert text.replace(WORD_JOINER, "") == payload  # the joiner is invisible


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ("https://phish.example", f"https{WORD_JOINER}://phish.example"),
        ("se www.phish.example", f"se www{WORD_JOINER}.phish.example"),
        ("skriv til bo@phish.example", f"skriv til bo{WORD_JOINER}@phish.example"),
        ("Frist 1. marts: ok", "Frist 1. marts: ok"),
    ],
)
def test_bare_urls_and_addresses_are_not_linked(payload: str, expected: str) -> None:
    """Streamlit links bare URLs after parsing; the joiner breaks the pattern it looks for."""
    assert inert(payload) == expected


def test_html_payloads_are_escaped() -> None:
    assert inert_html('<b onclick="x">Ærø</b> & co') == (
        "&lt;b onclick=&quot;x&quot;&gt;Ærø&lt;/b&gt; &amp; co"
    )
    assert inert(None) == inert_html(None) == ""
