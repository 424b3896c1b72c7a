"""`stepfun-studio --help` and `--version` print and exit at once, with no display."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from stepfun_studio import __version__


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "usage: stepfun-studio"),
        (["-h"], "usage: stepfun-studio"),
        (["--version"], f"stepfun-studio {__version__}"),
        (["generate", "--help"], "--provider"),
        (["providers", "--help"], "--json"),
    ],
)
def test_help_and_version_answer_without_a_window(args: list[str], expected: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    env.pop("QT_QPA_PLATFORM", None)  # no display, no offscreen: a window would abort
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "stepfun_studio", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
    assert "PySide6" not in done.stderr
    # "Within a second" on a quiet machine; a loaded CI core gets some room.
    assert time.monotonic() - started < 5
