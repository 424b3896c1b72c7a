"""`stepfun-studio library check` and `library rebuild`: the library's repairs from a shell.

`check` reports what Check library reports in the window (images whose file is missing, missing
references, files the database does not know) and never deletes anything. `rebuild` builds a
new database from the stored pictures' own metadata, keeping the old database beside it: the
way back when the database was lost or damaged (the app's recovery notice points here). Ratings,
favourites, tags, notes and collections come back from the edits journal beside the pictures
(`edits.jsonl`), replayed after the files are read.
"""

from __future__ import annotations

import argparse

from stepfun_studio.cli.keeping import library_paths, open_library
from stepfun_studio.cli.output import EXIT_FAILED, EXIT_OK, UsageError, say, warn
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.text import tr


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stepfun-studio library",
        description="Check the picture library, or rebuild its database from the pictures.",
    )
    parser.add_argument(
        "action",
        choices=("check", "rebuild", "caption"),
        help="check: report problems, delete nothing; rebuild: a new database from the files; "
        "caption: caption pictures for search (see `library caption --help`)",
    )
    return parser


def run(argv: list[str]) -> int:
    if argv[:1] == ["caption"]:
        from stepfun_studio.cli.assistant_command import caption_library

        return caption_library(argv[1:])
    action = _parser().parse_args(argv).action
    return check() if action == "check" else rebuild()


def check() -> int:
    library = open_library()
    try:
        report = library.check()
    finally:
        library.close()
    if report.ok:
        say(tr("Cli", "The library is in order: every image has its file."))
        return EXIT_OK
    if report.missing_files:
        say(
            tr("Cli", "Images whose file is missing: {count}").format(
                count=len(report.missing_files)
            )
        )
    if report.missing_references:
        say(
            tr("Cli", "Reference images missing: {count}").format(
                count=len(report.missing_references)
            )
        )
    if report.files_without_row:
        say(
            tr("Cli", "Files not in the library: {count}").format(
                count=len(report.files_without_row)
            )
        )
        for path in report.files_without_row[:20]:
            say(f"  {path}")
    say(
        tr(
            "Cli",
            "Nothing was deleted. `stepfun-studio library rebuild` builds the database "
            "again from the pictures.",
        )
    )
    return EXIT_FAILED


def rebuild() -> int:
    from stepfun_studio.library.library import Library

    try:
        library = Library.rebuild_from_files(library_paths())
    except AppError as error:
        raise UsageError(error.message) from None
    try:
        warn(library.recovery_notice or "")
        replayed = library.last_replay
        if replayed is not None:
            say(
                tr(
                    "Cli",
                    "{applied} edits (ratings, favourites, tags, notes, collections) were "
                    "restored from the edits journal.",
                ).format(applied=replayed.applied)
            )
            if replayed.skipped:
                warn(
                    tr(
                        "Cli",
                        "{skipped} damaged lines of the edits journal were skipped; the log "
                        "names them.",
                    ).format(skipped=replayed.skipped)
                )
        say(tr("Cli", "The previous database was set aside, not deleted."))
    finally:
        library.close()
    return EXIT_OK
