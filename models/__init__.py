"""The domain: feature packages stacked in one direction, never importing streamlit.

    core < auth < plan | restoration | indicators < reports | reminders < presentation

A package imports only packages to its left (plan, restoration and indicators not each
other, nor reports and reminders); `schema` (every table) and `bootstrap` (start-up seeding
and migrations) sit on top. The order is checked by import-linter (`.importlinter`, run by
the test suite).
"""
