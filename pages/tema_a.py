"""Theme A's page."""

from components.shell import require_shell
from components.theme_view import render_theme
from models.auth.users import READ_INTERNAL

require_shell(__file__, READ_INTERNAL)
render_theme("A")
