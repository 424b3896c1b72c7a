"""The program's entry point: the GUI, the command line (`generate`, `providers`), the self-test."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("generate", "providers"):
        from stepfun_studio.cli import main as cli_main

        return cli_main(args)
    if "--self-test" in args:
        from stepfun_studio.self_test import run_self_test

        return run_self_test()
    from stepfun_studio.ui.application import run_gui

    return run_gui(args)
