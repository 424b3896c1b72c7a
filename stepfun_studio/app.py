"""The program's entry point: the GUI, the command line (`generate`, `providers`), the self-test."""

from __future__ import annotations

import sys

USAGE = """usage: stepfun-studio [PICTURE ...]
       stepfun-studio generate PROMPT [options]   (stepfun-studio generate --help)
       stepfun-studio providers [--provider ID] [--json]
       stepfun-studio library check | rebuild
       stepfun-studio --self-test | --version | --help

With no command, opens the window; pictures named on the command line are offered as if
dropped on it (a running window takes them). Keys come from the keyring (Settings) or from
OPENAI_API_KEY, ARK_API_KEY, SILICONFLOW_API_KEY, COMPATIBLE_API_KEY, STEPFUN_API_KEY."""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    # Answered before Qt is imported: no window, no display needed, at once.
    if args and args[0] in ("--help", "-h"):
        print(USAGE)
        return 0
    if args and args[0] in ("--version", "-V"):
        from stepfun_studio import __version__

        print(f"stepfun-studio {__version__}")
        return 0
    if args and args[0] in ("generate", "providers", "library", "batch"):
        from stepfun_studio.cli import main as cli_main

        return cli_main(args)
    if "--self-test" in args:
        from stepfun_studio.self_test import run_self_test

        return run_self_test()
    from stepfun_studio.ui.application import run_gui

    return run_gui(args)
