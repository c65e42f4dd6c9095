"""The citizen-meeting slides: aggregate figures only, safe by construction.

- `aggregates`: the only reader the slides and *Status i tal* use; explicit aggregate columns,
  counts of 1–4 suppressed at the source and shown as "under 5", public indicators only, and
  only with a current measurement and a current target.
- `slides`: the seven slides' content; `charts`: their charts (status bars with fixed-length
  "under 5" segments); `pptx`: the PowerPoint.

The top of the stack: may read reports and every feature package.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "aggregates": [
            "status_totals",
            "Milestone",
            "ThemeBar",
            "RestorationFigures",
            "PublicIndicator",
            "Deck",
            "build_deck",
        ],
        "charts": ["theme_frame", "theme_bars", "burn_down"],
        "pptx": ["build_pptx"],
        "slides": ["Slide", "slides"],
    },
)
