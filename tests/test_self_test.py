"""`python -m stepfun_studio --self-test` from the source tree: passes, cleans up, and fails with
the reason when generation breaks (a stand-in fault switched on through the environment)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import stepfun_studio

ROOT = Path(__file__).resolve().parent.parent


def run_self_test(tmp_path: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # Where the self-test makes its temporary home, so the test can see it was removed.
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    env.update(TMPDIR=str(scratch), TEMP=str(scratch), TMP=str(scratch))
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-m", "stepfun_studio", "--self-test"],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_self_test_passes_and_leaves_nothing_behind(tmp_path: Path, isolated_home: Path) -> None:
    # A key in the environment must be ignored: were it used, the request would go to the real
    # StepFun host and the test would fail (no network here, and it would bill someone).
    result = run_self_test(tmp_path, STEPFUN_API_KEY="sk-self-test-must-not-use-this")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    line = lines[0]
    assert line.startswith(f"StepFun Studio {stepfun_studio.__version__} self-test passed")
    assert "main window opened (offscreen)" in line
    made = r"Generate made 1 image with the built-in stand-in \((\d+)x(\d+), seed (\d+)\)"
    match = re.search(made, line)
    assert match is not None, line
    assert int(match.group(3)) > 0  # the seed the stand-in chose and the library stored
    stored = re.search(r"stored in a temporary library \(image #1, (\d+) bytes\)", line)
    assert stored is not None and int(stored.group(1)) > 1000, line
    assert "sk-self-test-must-not-use-this" not in result.stdout + result.stderr

    assert list((tmp_path / "scratch").iterdir()) == []  # the temporary home is gone
    assert not isolated_home.exists()  # the caller's STEPFUN_STUDIO_HOME was never touched


def test_self_test_fails_with_the_reason_when_the_server_fails(tmp_path: Path) -> None:
    result = run_self_test(tmp_path, STEPFUN_SELF_TEST_FAULT="500")

    assert result.returncode == 1
    assert result.stdout == ""
    last = result.stderr.strip().splitlines()[-1]
    assert "self-test FAILED: the job failed:" in last
    assert "HTTP 500" in last
    assert list((tmp_path / "scratch").iterdir()) == []


def test_self_test_fails_when_the_picture_is_wrong(tmp_path: Path) -> None:
    # A picture of the wrong size must never count as a stored result.
    result = run_self_test(tmp_path, STEPFUN_SELF_TEST_FAULT="wrong_size")

    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "self-test FAILED" in last
    assert "not a usable picture" in last
