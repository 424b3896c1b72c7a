"""The prompt library's storage: the prompt history (from the pictures themselves), saved styles
and wildcard lists (files beside the pictures), and their export and import as JSON.

The history is not a separate list that can drift: it is every prompt the library holds a
picture of, newest use first, with the pictures it made. Styles live in `styles.json` and each
wildcard list in `wildcards/<name>.txt` (one choice per line, as AUTOMATIC1111's wildcards
extension keeps them), in the library folder, so they travel with the library. Every read here is
of a regular file with a size cap; all of it is blocking: call it off the GUI thread.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.prompt_templates import PromptStyle
from stepfun_studio.core.text import tr
from stepfun_studio.library.database import Database
from stepfun_studio.library.durable import replace_synced

# Caps: a styles file or wildcard list beyond these is a mistake (or not ours), not a library.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_WILDCARD_FILES = 2000
EXPORT_FORMAT = "stepfun-studio-prompts"


@dataclass(frozen=True)
class PromptEntry:
    """One prompt of the history: how often and when last used, and its newest pictures."""

    prompt: str
    negative_prompt: str
    uses: int
    last_used: float
    image_ids: tuple[int, ...]


class PromptHistory:
    """Mixin for `Library`: the prompts its pictures were made with."""

    _db: Database

    def prompt_history(
        self, text: str = "", limit: int = 200, pictures: int = 6
    ) -> list[PromptEntry]:
        """Prompts containing `text` (any case), newest use first, each with up to `pictures`
        of its newest picture ids."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self._db.read() as connection:
            rows = connection.execute(
                "SELECT prompt, negative_prompt, count(*), max(created_at), group_concat(id) "
                "FROM images WHERE trashed_at IS NULL AND origin = 'generated' "
                "AND prompt != '' AND prompt LIKE ? ESCAPE '\\' "
                "GROUP BY prompt, negative_prompt ORDER BY max(created_at) DESC LIMIT ?",
                (pattern, limit),
            ).fetchall()
        entries = []
        for prompt, negative, uses, last_used, ids in rows:
            newest = sorted((int(i) for i in str(ids).split(",") if i), reverse=True)
            entries.append(
                PromptEntry(str(prompt), str(negative), int(uses), float(last_used),
                            tuple(newest[:pictures]))
            )  # fmt: skip
        return entries


def read_text_file(path: Path) -> str:
    """A regular file's text, refused when it is anything else or too large."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise AppError(
            ErrorKind.STORAGE,
            tr("PromptLibrary", "{path} is not a regular file; it was not read.").format(path=path),
        )
    if info.st_size > MAX_FILE_BYTES:
        raise AppError(
            ErrorKind.STORAGE,
            tr("PromptLibrary", "{path} is larger than {mb} MB; it was not read.").format(
                path=path, mb=MAX_FILE_BYTES // (1024 * 1024)
            ),
        )
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1).decode("utf-8", errors="replace")


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_synced(path, text.encode("utf-8"))


class PromptFiles:
    """Styles and wildcard lists in `folder` (the library folder)."""

    def __init__(self, folder: Path) -> None:
        self.styles_path = folder / "styles.json"
        self.wildcards_dir = folder / "wildcards"

    # --- styles -------------------------------------------------------------------------------

    def load_styles(self) -> list[PromptStyle]:
        if not self.styles_path.exists():
            return []
        try:
            data = json.loads(read_text_file(self.styles_path))
        except ValueError:
            raise AppError(
                ErrorKind.STORAGE,
                tr(
                    "PromptLibrary",
                    "The saved styles in {path} cannot be read (not JSON). Fix or remove the file.",
                ).format(path=self.styles_path),
            ) from None
        return _styles_from(data.get("styles", []) if isinstance(data, dict) else [])

    def save_styles(self, styles: list[PromptStyle]) -> None:
        text = json.dumps({"styles": [asdict(s) for s in styles]}, ensure_ascii=False, indent=1)
        _write_atomically(self.styles_path, text)

    # --- wildcards ----------------------------------------------------------------------------

    def load_wildcards(self) -> dict[str, list[str]]:
        """Every list by name (`colour`, or `people/kind` for a sub-folder)."""
        if not self.wildcards_dir.is_dir():
            return {}
        lists: dict[str, list[str]] = {}
        for index, path in enumerate(sorted(self.wildcards_dir.rglob("*.txt"))):
            if index >= MAX_WILDCARD_FILES:
                break
            name = path.relative_to(self.wildcards_dir).with_suffix("").as_posix()
            try:
                lines = read_text_file(path).splitlines()
            except (OSError, AppError):
                continue  # one unreadable list must not hide the others
            lists[name] = [line.strip() for line in lines if line.strip()]
        return lists

    def save_wildcard(self, name: str, lines: list[str]) -> None:
        _write_atomically(self._wildcard_path(name), "\n".join(lines) + "\n")

    def delete_wildcard(self, name: str) -> None:
        self._wildcard_path(name).unlink(missing_ok=True)

    def _wildcard_path(self, name: str) -> Path:
        clean = name.strip().strip("/")
        parts = [part for part in clean.split("/") if part]
        if not parts or any(part in {".", ".."} or part.startswith(".") for part in parts):
            raise AppError(
                ErrorKind.CONFIG,
                tr("PromptLibrary", "“{name}” cannot name a wildcard list.").format(name=name),
            )
        return self.wildcards_dir.joinpath(*parts).with_suffix(".txt")

    # --- export and import --------------------------------------------------------------------

    def export_json(self) -> str:
        data = {
            "format": EXPORT_FORMAT,
            "version": 1,
            "styles": [asdict(style) for style in self.load_styles()],
            "wildcards": self.load_wildcards(),
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    def import_json(self, text: str) -> tuple[int, int]:
        """Adds the styles (a style of the same name is replaced) and the wildcard lists from
        an export; returns (styles, lists) taken."""
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise AppError(
                ErrorKind.CONFIG,
                tr("PromptLibrary", "This file is not a StepFun Studio prompt library export."),
            )
        styles = _styles_from(data.get("styles", []))
        self.add_styles(styles)
        lists = data.get("wildcards", {})
        taken = 0
        if isinstance(lists, Mapping):
            for name, lines in lists.items():
                if isinstance(name, str) and isinstance(lines, list):
                    self.save_wildcard(name, [str(line) for line in lines])
                    taken += 1
        return len(styles), taken

    def add_styles(self, styles: list[PromptStyle]) -> None:
        """`styles` added; one of the same name replaces the old."""
        kept = {style.name: style for style in self.load_styles()}
        kept.update({style.name: style for style in styles})
        self.save_styles(list(kept.values()))


def _styles_from(items: Any) -> list[PromptStyle]:
    styles = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and str(item.get("name", "")).strip():
            styles.append(
                PromptStyle(
                    str(item["name"]).strip(),
                    str(item.get("prompt", "")),
                    str(item.get("negative_prompt", "")),
                )
            )
    return styles
