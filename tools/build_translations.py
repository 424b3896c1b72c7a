"""Builds the `.qm` files from the `.ts` sources in resources/translations with Qt's lrelease.

Run by `make run` and `make test`; a missing lrelease or no `.ts` files is not an error here, the
app then simply shows English.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def lrelease_command() -> list[str] | None:
    beside_python = Path(sys.executable).with_name("pyside6-lrelease")
    if beside_python.exists():
        return [str(beside_python)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    return [found] if found else None


def main() -> int:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        return 0
    command = lrelease_command()
    if command is None:
        print("lrelease not found; translations not built", file=sys.stderr)
        return 0
    for source in sources:
        target = source.with_suffix(".qm")
        if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        subprocess.run([*command, "-silent", str(source), "-qm", str(target)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
