"""Theme A's page."""

from components.theme_view import render_theme

render_theme("A")
