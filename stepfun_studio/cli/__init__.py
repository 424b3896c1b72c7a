"""The command line: `stepfun-studio generate …` and `stepfun-studio providers`, no GUI.

`main(argv)` takes the words after the program name, the command first. Whatever goes wrong
ends as a message a person can act on and an exit status, never a traceback: flags and files
that cannot be used (status 2, nothing sent), a server's refusal or a lost connection (1), an
interrupt (130), and even a bug of ours (1, named as such).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from stepfun_studio.cli.output import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    UsageError,
    prepare_streams,
    report,
    warn,
)
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.text import tr

COMMANDS = ("generate", "batch", "grid", "describe", "polish", "providers", "library")


def is_command(args: Sequence[str]) -> bool:
    """True when `args` (after the program name) is a command-line run, not the GUI."""
    return bool(args) and args[0] in COMMANDS


def _run(command: str, rest: list[str]) -> int:
    if command == "library":
        from stepfun_studio.cli.library_command import run as run_library

        return run_library(rest)
    if command == "batch":
        from stepfun_studio.cli.batch_command import run as run_batch

        return run_batch(rest)
    if command in ("describe", "polish"):
        from stepfun_studio.cli.assistant_command import run as run_assistant

        return run_assistant(command, rest)
    if command == "grid":
        from stepfun_studio.cli.grid_command import run as run_grid

        return run_grid(rest)
    if command == "providers":
        from stepfun_studio.cli.providers import run as run_providers

        return run_providers(rest)
    from stepfun_studio.cli.generate import run as run_generate

    return run_generate(rest)


def main(argv: Sequence[str]) -> int:
    """Runs one command (`argv[0]`) with its flags; returns the exit status."""
    prepare_streams()
    root = logging.getLogger()
    if not root.handlers:
        # Library and keyring warnings are for the app's log; without a handler Python would
        # print them raw on stderr, between the lines meant for the person.
        root.addHandler(logging.NullHandler())
    if not is_command(argv):
        warn(tr("Cli", "Commands: {commands}.").format(commands=", ".join(COMMANDS)))
        return EXIT_USAGE
    try:
        return _run(argv[0], list(argv[1:]))
    except SystemExit as exit_:  # argparse: --help, or flags it could not parse
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except UsageError as error:
        for line in error.lines:
            warn(line)
        return EXIT_USAGE
    except AppError as error:
        report(error)
        return EXIT_FAILED
    except KeyboardInterrupt:
        warn(tr("Cli", "Interrupted."))
        return EXIT_INTERRUPTED
    except RecursionError:
        warn(tr("Cli", "Something was nested too deeply to read; nothing more was done."))
        return EXIT_FAILED
    except MemoryError:
        warn(tr("Cli", "Studio ran out of memory; nothing more was done."))
        return EXIT_FAILED
    except Exception as exc:  # the last guard: a bug of ours, said plainly, no traceback
        warn(
            tr("Cli", "Studio failed on its side ({error}: {detail}); this is a bug.").format(
                error=type(exc).__name__, detail=exc
            )
        )
        return EXIT_FAILED
