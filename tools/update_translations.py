"""Refreshes resources/translations/*.ts from the source with pyside6-lupdate.

lupdate finds `self.tr(...)` and `QCoreApplication.translate(...)`, but not the
`stepfun_studio.core.text.tr(context, text)` calls of the layers below the UI. This script collects
those with `ast`, writes them as `QCoreApplication.translate(...)` calls into a temporary file,
and hands that file to lupdate with the real sources, so one run keeps every string and every
existing translation.

    .venv/bin/python tools/update_translations.py            # refresh the .ts files
    .venv/bin/python tools/update_translations.py --fill m.json zh_CN
        # fill unfinished zh_CN entries from {"source": "translation"} (a translator's helper)
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "stepfun_studio"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def lupdate_command() -> list[str]:
    beside_python = Path(sys.executable).with_name("pyside6-lupdate")
    return [str(beside_python) if beside_python.exists() else "pyside6-lupdate"]


def core_tr_calls(path: Path) -> list[tuple[str, str]]:
    """(context, text) of every `tr("Context", "text")` call with literal arguments."""
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) != 2:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name != "tr":
            continue
        context, text = node.args
        if (
            isinstance(context, ast.Constant)
            and isinstance(context.value, str)
            and isinstance(text, ast.Constant)
            and isinstance(text.value, str)
        ):
            found.append((context.value, text.value))
    return found


def wrapper_context(tree: ast.Module) -> str | None:
    """The context of a module's `def _tr(text, n=-1)` that calls `QCoreApplication.translate`
    with a literal context: lupdate cannot see through such a wrapper, so its calls are
    collected here (the gallery's context menu and dialogs were English in Chinese)."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and inner.func.attr == "translate"
                    and inner.args
                    and isinstance(inner.args[0], ast.Constant)
                    and isinstance(inner.args[0].value, str)
                ):
                    return inner.args[0].value
    return None


def wrapper_calls(path: Path) -> list[tuple[str, str, bool]]:
    """(context, text, plural) of every `_tr("text"[, n])` in a module with a `_tr` wrapper."""
    tree = ast.parse(path.read_text("utf-8"))
    context = wrapper_context(tree)
    if context is None:
        return []
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_tr"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((context, node.args[0].value, len(node.args) > 1))
    return found


def write_core_strings(sources: list[Path], target: Path) -> int:
    calls: dict[tuple[str, str], bool] = {}
    for source in sources:
        for context, text in core_tr_calls(source):
            calls[(context, text)] = False
        for context, text, plural in wrapper_calls(source):
            calls[(context, text)] = plural or calls.get((context, text), False)
    # The providers' names are data (core/models.json); the UI shows them translated.
    table = json.loads((PACKAGE / "core" / "models.json").read_text("utf-8"))
    for provider in table.get("providers", []):
        calls[("ProviderNames", provider["label"])] = False
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    lines += [
        f"QCoreApplication.translate({context!r}, {text!r}, None, 1)"
        if plural
        else f"QCoreApplication.translate({context!r}, {text!r})"
        for (context, text), plural in calls.items()
    ]
    target.write_text("\n".join(lines) + "\n", "utf-8")
    return len(calls)


def uses_core_tr(path: Path) -> bool:
    """Files that import `core.text.tr`: lupdate would misread `tr("Context", "text")` there
    as text + disambiguation, so their strings come from `core_tr_calls` alone."""
    text = path.read_text("utf-8")
    return "from stepfun_studio.core.text import tr" in text or path.name == "text.py"


def update() -> int:
    sources = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
    qt_sources = [p for p in sources if not uses_core_tr(p)]
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        extra = Path(folder) / "core_strings.py"
        count = write_core_strings(sources, extra)
        print(f"{count} core/api/library strings collected with ast")
        for language in LANGUAGES:
            ts = TRANSLATIONS / f"stepfun_studio_{language}.ts"
            command = [
                *lupdate_command(),
                *map(str, qt_sources),
                str(extra),
                "-locations",
                "none",
                "-no-obsolete",
                "-target-language",
                language,
                "-ts",
                str(ts),
            ]
            subprocess.run(command, check=True)
    fill_english_plurals()
    return 0


def english_forms(source: str) -> tuple[str, str]:
    """ "Queued %n image(s)." -> ("Queued %n image.", "Queued %n images.")."""
    singular = source.replace("(s) are ", " is ").replace("(s) were ", " was ")
    singular = singular.replace("%n were ", "%n was ").replace("%n are ", "%n is ")
    return singular.replace("(s)", ""), source.replace("(s)", "s")


def fill_english_plurals() -> int:
    """English needs two forms for every "%n thing(s)" message; both follow from the source."""
    ts = TRANSLATIONS / "stepfun_studio_en.ts"
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        for form in list(translation):
            translation.remove(form)
        for text in english_forms(source):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{filled} English plural messages filled")
    return filled


def fill(mapping_path: Path, language: str) -> int:
    """Puts translations from a JSON map into the unfinished entries of one .ts file."""
    mapping: dict[str, str] = json.loads(mapping_path.read_text("utf-8"))
    ts = TRANSLATIONS / f"stepfun_studio_{language}.ts"
    tree = ET.parse(ts)
    filled = missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished", None):
            continue
        if translation.get("type") is None and (translation.text or list(translation)):
            continue
        wanted = mapping.get(source)
        if wanted is None:
            missing += 1
            continue
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            form = ET.SubElement(translation, "numerusform")
            form.text = wanted
        else:
            translation.text = wanted
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{filled} filled, {missing} still unfinished in {ts.name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fill", type=Path, help="JSON map of source -> translation")
    parser.add_argument("language", nargs="?", default="zh_CN")
    args = parser.parse_args(argv)
    if args.fill:
        return fill(args.fill, args.language)
    return update()


if __name__ == "__main__":
    raise SystemExit(main())
