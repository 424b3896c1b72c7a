"""The program's entry point: the GUI, the `generate` command line, or the bundle's self-test."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "generate":
        from stepfun_studio.cli import main as cli_main

        return cli_main(args[1:])
    if "--self-test" in args:
        from stepfun_studio.self_test import run_self_test

        return run_self_test()
    from stepfun_studio.ui.application import run_gui

    return run_gui(args)
