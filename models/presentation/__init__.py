"""The citizen-meeting slides: aggregate figures only, safe by construction.

- `aggregates`: the only reader the slides use; explicit aggregate columns, counts below 5
  shown as "under 5", public indicators only.
- `slides`: the seven slides' content; `charts`: their charts; `pptx`: the PowerPoint.

The top of the stack: may read reports and every feature package.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "aggregates": [
            "shown_count",
            "Milestone",
            "ThemeBar",
            "RestorationFigures",
            "PublicIndicator",
            "Deck",
            "build_deck",
        ],
        "charts": ["theme_bars", "burn_down"],
        "pptx": ["build_pptx"],
        "slides": ["Slide", "slides"],
    },
)
