"""Caption run over a 2,000-picture library in the demo, killed midway and started again.

Builds a library of N distinct small pictures with prompts that never say what they show, runs
`stepfun-studio library caption` (no key: the built-in stand-in answers) as a subprocess, kills
it after a few seconds, runs it again to the end, then checks: every picture has a caption, no
picture was captioned twice (one assistant call per picture in the library's own call log), and
a word that appears only in the captions ("tones") finds every picture. Prints a table, then one
JSON object as the last line.

    .venv/bin/python bench/caption_run.py [--pictures 2000] [--kill-after 6]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from stepfun_studio.core.paths import AppPaths  # noqa: E402
from stepfun_studio.core.request import GenerationRequest  # noqa: E402
from stepfun_studio.core.result import GenerationResult  # noqa: E402
from stepfun_studio.library.library import Library  # noqa: E402
from stepfun_studio.library.records import ImageQuery  # noqa: E402


def build(home: Path, count: int) -> None:
    library = Library.open(AppPaths.under(home))
    try:
        for index in range(count):
            data = io.BytesIO()
            colour = (index % 256, (index // 256) % 256, (index * 7) % 256)
            Image.new("RGB", (64, 64), colour).save(data, format="PNG")
            request = GenerationRequest(prompt=f"untitled {index}", model="gpt-image-1",
                                        provider="openai")  # fmt: skip
            library.ingest_result(GenerationResult(request, data.getvalue(), 0, "success", 64, 64))
    finally:
        library.close()


def caption(home: Path, kill_after: float | None) -> tuple[int, float]:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env["STEPFUN_STUDIO_HOME"] = str(home)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    command = [sys.executable, "-m", "stepfun_studio", "library", "caption", "--limit", "100000"]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if kill_after is not None:
        time.sleep(kill_after)
        process.send_signal(signal.SIGKILL)
    process.communicate(timeout=3600)
    return process.returncode, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pictures", type=int, default=2000)
    parser.add_argument("--kill-after", type=float, default=6.0)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="caption-bench-"))
    started = time.perf_counter()
    build(home, args.pictures)
    built_s = time.perf_counter() - started
    killed_status, first_s = caption(home, args.kill_after)
    library = Library.open(AppPaths.under(home))
    try:
        after_kill = args.pictures - library.uncaptioned_count()
    finally:
        library.close()
    status, second_s = caption(home, None)
    library = Library.open(AppPaths.under(home))
    try:
        left = library.uncaptioned_count()
        with library._db.read() as connection:
            calls = connection.execute("SELECT count(*) FROM assistant_calls").fetchone()[0]
        found = library.count(ImageQuery(text="tones"))
    finally:
        library.close()
    rows = [
        ("pictures", args.pictures),
        ("library built (s)", f"{built_s:.1f}"),
        ("first run killed after (s)", f"{first_s:.1f} (status {killed_status})"),
        ("captioned before the kill", after_kill),
        ("second run (s)", f"{second_s:.1f} (status {status})"),
        ("left without a caption", left),
        ("assistant calls recorded", calls),
        ("found by a caption-only word", found),
    ]
    for name, value in rows:
        print(f"{name:32} {value}")
    result = {
        "pictures": args.pictures,
        "captioned_before_kill": after_kill,
        "left_uncaptioned": left,
        "assistant_calls": calls,
        "captioned_twice": max(0, calls - args.pictures),
        "found_by_caption_word": found,
        "second_run_s": round(second_s, 1),
    }
    print(json.dumps(result))
    ok = left == 0 and found == args.pictures and 0 < after_kill < args.pictures
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
