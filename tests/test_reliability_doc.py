"""docs/reliability.md names a test for each fault; every name it gives must exist.

A renamed or deleted test would otherwise leave the fault table pointing at nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"
NAMED = re.compile(r"`(test_\w+\.py)::(test_\w+)`")


def test_every_test_the_fault_table_names_exists() -> None:
    text = DOC.read_text("utf-8")
    named = NAMED.findall(text)
    assert len(named) >= 30, "the fault table names too few tests"
    missing = [
        f"{file}::{name}"
        for file, name in named
        if not re.search(
            rf"^(async )?def {name}\(", (ROOT / "tests" / file).read_text("utf-8"), re.M
        )
    ]
    assert missing == []


def test_the_fault_table_has_at_least_30_faults_with_a_test_each() -> None:
    rows = [line for line in DOC.read_text("utf-8").splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) >= 30
    assert [row for row in rows if not NAMED.search(row)] == []
