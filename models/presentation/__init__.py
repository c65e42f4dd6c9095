"""The citizen-meeting slides: aggregate figures only, safe by construction.

- `aggregates`: the only reader the slides and *Status i tal* use; explicit aggregate columns,
  counts of actions exact, counts about people (cases) of 1–4 suppressed at the source and
  shown as "under 5", public indicators only, and only with a current measurement and a
  current target.
- `family_loop`: *I sagde – vi gjorde*: per panel theme what families raised, the actions
  that answer it (current status, exact counts) and what is not yet answered, aggregate
  columns only (`said_and_done`, for the slide and the public site); `family_slides`: its
  text, cut into pages that each fit the projector.
- `slides`: the slides' content (the seven, then *I sagde – vi gjorde* on as many pages as it
  needs), speaker notes and charts' text alternatives; `charts`:
  their charts (exact, proportional status bars; the burn-down); `pptx`: the PowerPoint for a
  hall (title placeholders, native charts, 24 pt body text, notes); `text_metrics`: Arial's
  character widths, to lay the slides out.

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
        "family_loop": [
            "RespondingAction",
            "RespondingTrack",
            "RaisedItem",
            "ThemeLoop",
            "MeetingFigures",
            "FamilyLoop",
            "said_and_done",
        ],
        "pptx": ["build_pptx"],
        "slides": ["Slide", "slides"],
    },
)
