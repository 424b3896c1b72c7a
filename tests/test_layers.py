"""The layer rules of DESIGN.md, checked on the source: arrows point down only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "stepfun_studio"

# What each layer may import from our own package.
ALLOWED_OWN = {
    "core": {"core"},
    "api": {"core", "api"},
    "library": {"core", "library"},
    "jobs": {"core", "api", "library", "jobs", "settings"},
    "settings": {"core", "api", "settings"},
    "standin": {"core", "standin"},
}
NO_QT = {"core", "api", "library", "standin"}
NO_WIDGETS = {"core", "api", "library", "jobs", "settings", "standin"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(p) in ALLOWED_OWN)


def test_there_are_sources_to_check() -> None:
    assert any(layer_of(p) == "core" for p in SOURCES)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layer_imports_point_down(path: Path) -> None:
    layer = layer_of(path)
    for module in imported_modules(path):
        if module.startswith("stepfun_studio."):
            target = module.split(".")[1]
            assert target in ALLOWED_OWN[layer], f"{layer} must not import {module}"
        if layer in NO_QT:
            assert not module.startswith("PySide6"), f"{layer} must not import Qt ({module})"
        if layer in NO_WIDGETS:
            assert module not in ("PySide6.QtWidgets",), f"{layer} must not import QtWidgets"
