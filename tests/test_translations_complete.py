"""Every string the app can show has a Chinese translation: no English left in the 中文 UI.

The source is read the way `tools/update_translations.py` reads it (Qt's lupdate over the UI,
plus the `tr("Context", …)` calls below the UI and the `_tr` wrappers lupdate cannot see), into
a throwaway .ts; each of its messages must be translated in the shipped zh_CN file, with the
same placeholders.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "resources" / "translations" / "stepfun_studio_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def _tool() -> object:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _text(message: ET.Element) -> str:
    translation = message.find("translation")
    if translation is None:
        return ""
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return " ".join(forms) if forms else (translation.text or "")


@pytest.fixture(scope="module")
def from_source(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    tool = _tool()
    folder = tmp_path_factory.mktemp("lupdate")
    package = ROOT / "stepfun_studio"
    sources = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    extra = folder / "core_strings.py"
    tool.write_core_strings(sources, extra)  # type: ignore[attr-defined]
    target = folder / "now.ts"
    qt_sources = [str(p) for p in sources if not tool.uses_core_tr(p)]  # type: ignore[attr-defined]
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(lupdate) if lupdate.exists() else "pyside6-lupdate", *qt_sources, str(extra)]
    subprocess.run(
        [*command, "-locations", "none", "-target-language", "zh_CN", "-ts", str(target)],
        check=True,
        capture_output=True,
    )
    return _messages(target)


def test_every_string_in_the_source_has_a_chinese_translation(
    from_source: dict[tuple[str, str], ET.Element],
) -> None:
    shipped = _messages(SHIPPED)
    assert len(from_source) > 500  # the scan found the app's strings at all
    missing = [
        f"{context}: {source!r}"
        for (context, source) in from_source
        if not _text(shipped.get((context, source), ET.Element("none"))).strip()
        or (shipped[(context, source)].find("translation") or ET.Element("t")).get("type")
        == "unfinished"
    ]
    assert not missing, "run `make update-translations` and translate:\n" + "\n".join(missing)


def test_translations_keep_every_placeholder() -> None:
    broken = []
    for (context, source), message in _messages(SHIPPED).items():
        text = _text(message)
        if text and sorted(set(PLACEHOLDER.findall(source))) != sorted(
            set(PLACEHOLDER.findall(text))
        ):
            broken.append(f"{context}: {source!r} → {text!r}")
    assert not broken, "\n".join(broken)


def test_every_plural_message_has_its_english_forms() -> None:
    english = ROOT / "resources" / "translations" / "stepfun_studio_en.ts"
    lacking = []
    for (context, source), message in _messages(english).items():
        if message.get("numerus") != "yes":
            continue
        forms = [form.text or "" for form in message.iter("numerusform")]
        if len(forms) < 2 or not all(forms):
            lacking.append(f"{context}: {source!r} → {forms!r}")
    assert not lacking, "\n".join(lacking)
