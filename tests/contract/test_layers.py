"""The layers import downwards only: contract <- bot <- actions; contract <- api."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("contract", "bot", "actions", "api")
# What each package may import of the project's own packages.
ALLOWED = {
    "contract": set(),
    "bot": {"contract"},
    "actions": {"contract", "bot"},
    "api": {"contract"},
}


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names & set(LAYERS)


def python_files(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).rglob("*.py") if "alembic" not in p.parts[-3:-1])


@pytest.mark.parametrize("package", LAYERS)
def test_layer_imports_only_downwards(package):
    offences = []
    for path in python_files(package):
        forbidden = imported_packages(path) - ALLOWED[package] - {package}
        if forbidden:
            offences.append(f"{path.relative_to(ROOT)} imports {sorted(forbidden)}")
    assert not offences, "\n".join(offences)


def test_the_rule_catches_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from actions.forms import x\nimport bot.nlu\n", encoding="utf-8")
    assert imported_packages(bad) == {"actions", "bot"}


def _string_constants(path: Path) -> list[str]:
    """String literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_only_the_contract_opens_the_questionnaire_and_needs_files():
    readers = []
    for package in ("bot", "actions", "api", "scripts"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "lookup" in path.parts:
                continue
            names = ("questionnaire.yml", "questionnaire", "data/needs.yml")
            if any(text.endswith(names) for text in _string_constants(path)):
                readers.append(str(path.relative_to(ROOT)))
    assert not readers, f"data files opened outside contract/: {readers}"
