"""Theme B's page."""

from components.shell import require_shell
from components.theme_view import render_theme

require_shell(__file__)
render_theme("B")
