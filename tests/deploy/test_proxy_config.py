"""The proxy template: the variables compose and render.sh give it, and `nginx -t` on it."""

from __future__ import annotations

import re
from pathlib import Path

from tests.deploy.compose_file import environment, interpolate
from tests.deploy.proxy import (
    DEPLOY,
    check_config,
    free_port,
    render_template,
    self_signed_certificate,
    template_variables,
    write_config,
)

RENDER_SH = DEPLOY / "nginx" / "render.sh"


SITE = {"PROXY_SERVER_NAME": "dashboard.example.dk"}  # as deploy/.env would set it


def compose_values() -> dict[str, str]:
    """The proxy's PROXY_* variables as compose hands them over with a filled-in .env."""
    env = environment("proxy")
    return {key: interpolate(value, SITE) for key, value in env.items() if key.startswith("PROXY_")}


def test_compose_gives_the_template_exactly_its_variables() -> None:
    assert template_variables() == set(compose_values())


def test_render_sh_substitutes_and_requires_exactly_the_template_variables() -> None:
    script = RENDER_SH.read_text()
    listed = re.search(r"VARIABLES='([^']*)'", script)
    assert listed is not None
    assert set(re.findall(r"\$\{(\w+)\}", listed[1])) == template_variables()
    assert set(re.findall(r'"\$\{(\w+):\?\}"', script)) == template_variables()
    assert RENDER_SH.stat().st_mode & 0o111, "render.sh is executable"


def test_rendering_leaves_only_nginx_variables() -> None:
    text = render_template(compose_values())
    assert "${" not in text
    assert template_variables(text) == set()
    assert "return 301 https://$host$request_uri;" in text
    assert "hash $dashboard_route consistent;" in text


def _values(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """The compose values, on free ports, with a real certificate and local upstreams (the
    compose service names do not resolve here, and nginx -t resolves them)."""
    cert, key = self_signed_certificate(tmp_path, compose_values()["PROXY_SERVER_NAME"])
    return {
        **compose_values(),
        "PROXY_HTTP_PORT": str(free_port()),
        "PROXY_HTTPS_PORT": str(free_port()),
        "PROXY_TLS_CERT_FILE": str(cert),
        "PROXY_TLS_KEY_FILE": str(key),
        "PROXY_UPSTREAM_1": "127.0.0.1:8501",
        "PROXY_UPSTREAM_2": "127.0.0.1:8502",
        **overrides,
    }


def test_nginx_accepts_the_rendered_template(tmp_path: Path) -> None:
    result = check_config(write_config(tmp_path / "nginx", _values(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
    assert "test is successful" in result.stderr


def test_nginx_refuses_a_rendering_with_a_missing_value(tmp_path: Path) -> None:
    """The check is real: an empty upstream, as an unset variable would leave it, fails."""
    values = _values(tmp_path, PROXY_UPSTREAM_2="")
    result = check_config(write_config(tmp_path / "nginx", values))
    assert result.returncode != 0
    assert "dashboard.conf" in result.stderr
