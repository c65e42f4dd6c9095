"""Charts as inline SVG with a text alternative, rendered without a browser (vl-convert).

Vega writes its own ARIA roles and English labels into the SVG ("Y-axis for a discrete scale
…"); they are removed, and the root gets `role="img"` named by a Danish `<title>` and
described by a `<desc>` that holds the chart's figures. The same figures are also on the page
as a table.
"""

from __future__ import annotations

import re

import altair as alt

from models.presentation.public_site.markup import Html, el

_VEGA_ATTRIBUTES = re.compile(r'\s(?:role|aria-[a-z-]+|class|pointer-events)="[^"]*"')
_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")


def chart_svg(chart: alt.TopLevelMixin, *, name: str, description: str, id_: str) -> Html:
    """`chart` as an `<svg role="img">` named `name`, described by `description`; the ids
    `{id_}-navn` and `{id_}-beskrivelse` must be unique on the page."""
    import vl_convert  # heavy: only when a site is rendered

    svg = vl_convert.vegalite_to_svg(chart.to_json())
    svg = _VEGA_ATTRIBUTES.sub("", svg)
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        raise ValueError("vl-convert returned no <svg> element")
    labels = el("title", name, id=f"{id_}-navn") + el("desc", description, id=f"{id_}-beskrivelse")
    root = (
        f'<svg{opening.group(1)} role="img" focusable="false" '
        f'aria-labelledby="{id_}-navn" aria-describedby="{id_}-beskrivelse">'
    )
    return Html(root + labels + svg[opening.end() :])  # no XML prolog inside HTML
