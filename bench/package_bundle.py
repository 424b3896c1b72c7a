"""Bundle size and build time: builds the one-folder bundle from scratch into a temporary folder,
runs its `--self-test`, and prints where the megabytes go.

    python bench/package_bundle.py

Target: the Linux folder under 200 MB. Needs the `package` extra (PyInstaller); without it the
script says so and prints null figures. The last line is one JSON object of the figures.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "stepfun_studio.spec"
TARGET_MB = 200.0


def size_of(path: Path) -> int:
    if path.is_symlink() or path.is_file():
        return path.lstat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def main() -> int:
    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is not installed: `pip install -e '.[package]'` (or `make package`)")
        print(json.dumps({"bundle_mb": None, "build_s": None, "self_test_s": None}))
        return 0
    with tempfile.TemporaryDirectory(prefix="stepfun-studio-bench-") as scratch:
        dist, work = Path(scratch) / "dist", Path(scratch) / "build"
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                "--log-level",
                "ERROR",
                "--distpath",
                str(dist),
                "--workpath",
                str(work),
                str(SPEC),
            ],
            check=True,
            cwd=ROOT,
        )
        build_s = time.perf_counter() - started
        bundle = dist / "stepfun-studio"
        exe = bundle / ("stepfun-studio.exe" if sys.platform == "win32" else "stepfun-studio")

        started = time.perf_counter()
        result = subprocess.run(
            [str(exe), "--self-test"], capture_output=True, text=True, check=False
        )
        self_test_s = time.perf_counter() - started

        total = size_of(bundle)
        internal = bundle / "_internal"
        parts = sorted(((size_of(p), p.name) for p in internal.iterdir()), reverse=True)
        files = sum(1 for p in bundle.rglob("*") if not p.is_dir())

        print(f"{'part of _internal':<44} {'MB':>8}")
        for size, name in parts[:15]:
            print(f"{name:<44} {size / 1e6:>8.1f}")
        rest = sum(size for size, _ in parts[15:])
        print(f"{'(everything else)':<44} {rest / 1e6:>8.1f}")
        print()
        print(f"{'figure':<44} {'value':>8}")
        print(f"{'bundle size, MB (target < 200)':<44} {total / 1e6:>8.1f}")
        print(f"{'files in the bundle':<44} {files:>8}")
        print(f"{'clean build, s':<44} {build_s:>8.1f}")
        print(f"{'bundle --self-test (whole process), s':<44} {self_test_s:>8.1f}")
        print(f"self-test: {(result.stdout or result.stderr).strip().splitlines()[-1]}")
        figures = {
            "bundle_mb": round(total / 1e6, 1),
            "bundle_files": files,
            "build_s": round(build_s, 1),
            "self_test_s": round(self_test_s, 1),
            "self_test_passed": result.returncode == 0,
            "under_target": total / 1e6 < TARGET_MB,
        }
        print(json.dumps(figures))
        return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
