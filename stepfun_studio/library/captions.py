"""Captions and the prompt assistant's calls: what a vision model says a picture shows, kept per
picture and fed into search, and every chat call's tokens and cost for the Spend view.

A caption run is resumable because its state is the data itself: a picture without
`captioned_at` still needs one, so a run that was stopped (or killed) simply goes on with the
next such picture. Imported pictures come first: they have no prompt, so without a caption search
cannot find them at all.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.library.database import Database
from stepfun_studio.library.edits_journal import EditsJournal, shas_of, split_images
from stepfun_studio.library.rows import reindex

if TYPE_CHECKING:
    from stepfun_studio.core.assistant import AssistantAnswer

MAX_CAPTION_CHARS = 2000


class Captions:
    """Mixin for `Library`."""

    _db: Database
    journal: EditsJournal

    def set_caption(self, image_id: int, text: str) -> None:
        """Stores (or, with "", clears) a picture's caption and re-indexes it for search.

        Journalled like a note, so a rebuild of the library keeps the captions it paid for.
        """
        caption = plain_text(text).strip()[:MAX_CAPTION_CHARS]
        now = time.time()
        with self._db.write() as connection:
            connection.execute(
                "UPDATE images SET caption = ?, captioned_at = ? WHERE id = ?",
                (caption, now, image_id),
            )
            reindex(connection, image_id)
            records = split_images("caption", shas_of(connection, [image_id]), text=caption, at=now)
            self.journal.append(connection, records)

    def caption_of(self, image_id: int) -> str:
        with self._db.read() as connection:
            row = connection.execute(
                "SELECT caption FROM images WHERE id = ?", (image_id,)
            ).fetchone()
        return str(row[0]) if row else ""

    def uncaptioned_ids(self, limit: int) -> list[int]:
        """Pictures with no caption yet: imported ones first, then the newest."""
        with self._db.read() as connection:
            rows = connection.execute(
                "SELECT id FROM images WHERE captioned_at IS NULL AND trashed_at IS NULL "
                "ORDER BY origin = 'imported' DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [int(row[0]) for row in rows]

    def uncaptioned_count(self) -> int:
        with self._db.read() as connection:
            (count,) = connection.execute(
                "SELECT count(*) FROM images WHERE captioned_at IS NULL AND trashed_at IS NULL"
            ).fetchone()
        return int(count)

    def record_assistant_call(self, provider: str, task: str, answer: AssistantAnswer) -> None:
        with self._db.write() as connection:
            connection.execute(
                "INSERT INTO assistant_calls (at, provider, model, task, input_tokens, "
                "output_tokens, cost, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    provider,
                    answer.model,
                    task,
                    answer.input_tokens,
                    answer.output_tokens,
                    answer.cost,
                    answer.currency,
                ),
            )

    def assistant_spend(self) -> dict[str, float]:
        """What the assistant's calls cost in all, per currency."""
        with self._db.read() as connection:
            rows = connection.execute(
                "SELECT currency, sum(cost) FROM assistant_calls "
                "WHERE cost IS NOT NULL AND currency IS NOT NULL GROUP BY currency"
            ).fetchall()
        return {str(currency): float(total) for currency, total in rows}
