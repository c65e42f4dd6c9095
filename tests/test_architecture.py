"""The layer rules, checked rather than trusted: import-linter contracts and thin pages."""

from __future__ import annotations

import ast
import os
import re
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

PROJECT_ROOT = Path(__file__).resolve().parents[1]
FEATURE_PACKAGES = (
    "core",
    "auth",
    "plan",
    "restoration",
    "indicators",
    "reports",
    "reminders",
    "reviews",
    "families",
    "presentation",
)


def _lint(root: Path) -> int:
    cwd = Path.cwd()
    os.chdir(root)
    try:
        return lint_imports(config_filename=str(root / "pyproject.toml"), no_cache=True)
    finally:
        os.chdir(cwd)


def test_the_layer_contracts_hold() -> None:
    assert _lint(PROJECT_ROOT) == 0


def test_a_lower_package_importing_a_higher_one_breaks_the_contract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The contract is live: a copy of models/ where core imports reports is refused."""
    copy = tmp_path / "project"
    copy.mkdir()
    (copy / "pyproject.toml").write_text((PROJECT_ROOT / "pyproject.toml").read_text())
    for path in (PROJECT_ROOT / "models").rglob("*.py"):
        target = copy / path.relative_to(PROJECT_ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text())
    time_module = copy / "models" / "core" / "time.py"
    time_module.write_text(time_module.read_text() + "\nfrom models.reports import compare\n")
    monkeypatch.syspath_prepend(str(copy))
    for name in [name for name in sys.modules if name.split(".")[0] == "models"]:
        monkeypatch.delitem(sys.modules, name)
    assert _lint(copy) == 1
    output = capsys.readouterr().out
    assert "stacked in one direction BROKEN" in output
    assert "models.core.time -> models.reports.compare" in output


@pytest.mark.parametrize("package", FEATURE_PACKAGES)
def test_every_package_says_what_it_holds(package: str) -> None:
    init = PROJECT_ROOT / "models" / package / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text()))
    assert docstring, f"models/{package}/__init__.py has no docstring"
    for module in (init.parent).glob("*.py"):
        if module.name != "__init__.py":
            assert f"`{module.stem}`" in docstring, f"{package}: {module.stem} is not described"


@pytest.mark.parametrize(
    "page", sorted((PROJECT_ROOT / "pages").glob("*.py")), ids=lambda p: p.name
)
def test_pages_are_thin(page: Path) -> None:
    """No SQL, no sessions and no commits in a page: they read through components."""
    source = page.read_text()
    for forbidden in ("session_scope", "commit(", "sqlalchemy", "sqlmodel"):
        assert forbidden not in source, f"{page.name} uses {forbidden}"
    # SQLAlchemy's select(), not a widget such as st.multiselect( or st.selectbox(
    assert re.search(r"(?<![\w.])select\(", source) is None, f"{page.name} uses select("
