"""The edits journal: user edits survive a rebuild of the database from the picture files.

Through a real library on disk: edits are made with the library's own methods, the database is
thrown away (or rebuilt in place, as the window does), and every edit must be back.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest
from test_cli_support import run_cli
from test_library_support import simple_result

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.edits_journal import journal_path
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery

Edits = dict[str, object]


def _make_edits(library: Library) -> dict[str, str]:
    """Five pictures and one edit of every kind; returns prompt -> role."""
    ids = {n: library.ingest_result(simple_result(f"picture {n}", n + 1)) for n in range(5)}
    library.set_rating([ids[0], ids[1]], 4)
    library.set_rating([ids[1]], 2)  # the later rating wins
    library.set_favourite([ids[0]], True)
    library.set_rejected([ids[2]], True)
    library.move_to_trash([ids[3]])
    library.move_to_trash([ids[4]])
    library.restore([ids[4]])
    library.set_note(ids[0], "睡莲 note, first")
    library.set_note(ids[0], "睡莲 note, final")
    library.add_tags([ids[0], ids[1]], ["sunset", "draft", "猫"])
    library.remove_tags([ids[1]], ["draft"])
    keep = library.create_collection("Keepers")
    gone = library.create_collection("Doomed")
    renamed = library.create_collection("old name")
    library.add_to_collection([ids[0], ids[1], ids[2]], keep)
    library.remove_from_collection([ids[2]], keep)
    library.add_to_collection([ids[0]], gone)
    library.delete_collection(gone)
    library.rename_collection(renamed, "New name")
    library.add_to_collection([ids[4]], renamed)
    return {f"picture {n}": str(n) for n in ids}


def _state(library: Library) -> Edits:
    """Every edit the library holds, keyed by prompt (ids change in a rebuild)."""
    records = [library.get(i) for i in library.query_ids(ImageQuery())]
    records += [library.get(i) for i in library.query_ids(ImageQuery(trash=True))]
    by_prompt: Edits = {}
    for record in records:
        assert record is not None
        by_prompt[record.prompt] = (
            record.rating,
            record.favourite,
            record.rejected,
            record.trashed_at,
            record.note,
            tuple(sorted(record.tags)),
        )
    collections = {}
    for info in library.list_collections():
        members = library.query_ids(ImageQuery(collection_id=info.id))
        collections[info.name] = sorted(library.get(i).prompt for i in members)  # type: ignore[union-attr]
    return {
        "images": by_prompt,
        "collections": collections,
        "tags": library.list_tags(),
        "search": len(library.query_ids(ImageQuery(text="睡莲"))),
    }


def test_every_edit_survives_losing_the_database(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as library:
        _make_edits(library)
        before = _state(library)
    assert before["collections"] == {
        "Keepers": ["picture 0", "picture 1"],
        "New name": ["picture 4"],
    }
    assert before["search"] == 1
    app_paths.database_path.unlink()

    with Library.rebuild_from_files(app_paths) as rebuilt:
        assert _state(rebuilt) == before
        assert rebuilt.last_replay is not None and rebuilt.last_replay.skipped == 0
        # A second rebuild, with edits made after the first, keeps both.
        first = rebuilt.query_ids(ImageQuery(text="picture 2"))[0]
        rebuilt.set_rating([first], 5)
        rebuilt.create_collection("After")
        again = _state(rebuilt)
    with Library.rebuild_from_files(app_paths) as twice:
        assert _state(twice) == again


def test_rebuild_in_place_keeps_edits_and_a_copy(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as library:
        _make_edits(library)
        before = _state(library)
        seen: list[tuple[int, int]] = []
        report = library.rebuild_in_place(lambda done, total: seen.append((done, total)))
        assert _state(library) == before
        assert report.images == 5 and report.edits_skipped == 0
        assert report.edits_applied > 10
        assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    assert report.kept_at is not None and report.kept_at.exists()
    copy = sqlite3.connect(report.kept_at)
    try:
        assert copy.execute("SELECT count(*) FROM images WHERE rating > 0").fetchone()[0] == 2
    finally:
        copy.close()
    assert "rebuilt from 5 image files" in report.message()


def test_a_library_from_before_the_journal_gets_a_snapshot(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as library:
        _make_edits(library)
        before = _state(library)
    # As if the edits had been made by a version without the journal.
    journal_path(app_paths.library_dir).unlink()
    with Library.open(app_paths):
        pass
    assert journal_path(app_paths.library_dir).stat().st_size > 0
    app_paths.database_path.unlink()
    with Library.rebuild_from_files(app_paths) as rebuilt:
        assert _state(rebuilt) == before


def test_damaged_and_torn_lines_are_skipped_with_a_log_line(
    app_paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    with Library.open(app_paths) as library:
        first = library.ingest_result(simple_result("first", 1))
        second = library.ingest_result(simple_result("second", 2))
        library.set_rating([first], 3)
    path = journal_path(app_paths.library_dir)
    # A damaged line in the middle, and a line a crash tore at the end (no newline).
    with open(path, "ab") as handle:
        handle.write(b"{not json\n")
        handle.write(b'{"v":1,"op":"rating","images":["' + b"0" * 64 + b'"],"value":"five"}\n')
        handle.write(b'{"v":1,"op":"favou')
    with Library.open(app_paths) as library:
        # The next edit starts on a line of its own, not glued to the torn one.
        library.set_favourite([second], True)
    lines = path.read_bytes().split(b"\n")
    assert json.loads(lines[-2])["op"] == "favourite"

    app_paths.database_path.unlink()
    caplog.set_level(logging.WARNING)
    with Library.rebuild_from_files(app_paths) as rebuilt:
        records = {r.prompt: r for r in map(rebuilt.get, rebuilt.query_ids(ImageQuery())) if r}
        assert records["first"].rating == 3
        assert records["second"].favourite
        assert rebuilt.last_replay is not None and rebuilt.last_replay.skipped == 3
    assert "line 2 is damaged" in caplog.text or "is damaged" in caplog.text
    assert "bad value" in caplog.text


def test_an_edit_whose_journal_cannot_be_written_is_undone(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as library:
        image_id = library.ingest_result(simple_result("kept", 1))
        path = journal_path(app_paths.library_dir)
        path.unlink()
        path.mkdir()  # the journal cannot be opened as a file now
        with pytest.raises(Exception):  # noqa: B017 - the storage error's exact type is Database's
            library.set_rating([image_id], 5)
        record = library.get(image_id)
        assert record is not None and record.rating == 0


def test_cli_rebuild_keeps_the_edits(
    app_paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(app_paths) as library:
        _make_edits(library)
        before = _state(library)
    app_paths.database_path.unlink()
    rebuilt = run_cli(capsys, monkeypatch, "library", "rebuild")
    assert rebuilt.status == 0, rebuilt.stderr
    assert "rebuilt from 5 image files" in rebuilt.stderr
    assert "restored from the edits journal" in rebuilt.stdout
    with Library.open(app_paths) as library:
        assert _state(library) == before


def test_journal_lines_name_files_not_ids(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as library:
        image_id = library.ingest_result(simple_result("named", 1))
        library.set_rating([image_id], 1)
        sha = library.original_path(image_id).stem
    text = Path(journal_path(app_paths.library_dir)).read_text("ascii")
    last = json.loads(text.splitlines()[-1])
    assert last == {"v": 1, "op": "rating", "images": [sha], "value": 1}
