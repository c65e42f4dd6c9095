"""Texts of the navigation itself: the start page and pages the user's role does not have."""

from __future__ import annotations

START_TITLE = "Start"
NO_ACCESS_TITLE = "Ingen adgang"
NO_ACCESS = (
    "Denne side findes ikke eller hører ikke til din rolle. Vælg en side i menuen til venstre."
)
