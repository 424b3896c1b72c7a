"""What the library's pictures cost, summed, and which providers made them.

Each picture's row holds its cost and currency (the provider's figure, else the model table's
price), so spend is a few GROUP BY queries, never a walk over files. Sums stay per currency:
yuan and dollars are never added. Trashed pictures count (the money was spent); a picture
deleted for good by emptying the trash no longer does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from stepfun_studio.library.base import LibraryBase
from stepfun_studio.library.records import SpendLine, SpendReport

_PRICED = "images.cost IS NOT NULL AND images.currency IS NOT NULL"


def _lines(connection: sqlite3.Connection, sql: str) -> tuple[SpendLine, ...]:
    rows = connection.execute(sql).fetchall()
    return tuple(SpendLine(str(r[0]), str(r[1]), float(r[2]), int(r[3])) for r in rows)


class Spending(LibraryBase):
    def providers_present(self, candidates: Iterable[str]) -> list[str]:
        """Those of `candidates` (provider ids) that made at least one picture here.

        One index lookup per provider, so it stays instant at any library size.
        """
        found = []
        with self._db.read() as connection:
            for provider in candidates:
                row = connection.execute(
                    "SELECT 1 FROM images WHERE provider = ? LIMIT 1", (provider,)
                ).fetchone()
                if row is not None:
                    found.append(provider)
        return found

    def spend_report(self) -> SpendReport:
        """Spend by day (local dates, newest first), by provider, by collection, and in total.

        Blocking reads over every row: call it on a worker thread.
        """
        with self._db.read() as connection:
            by_day = _lines(
                connection,
                "SELECT date(created_at, 'unixepoch', 'localtime') AS day, currency, sum(cost), "
                f"count(*) FROM images WHERE {_PRICED} GROUP BY day, currency "
                "ORDER BY day DESC, currency",
            )
            by_provider = _lines(
                connection,
                "SELECT provider, currency, sum(cost), count(*) FROM images "
                f"WHERE {_PRICED} GROUP BY provider, currency ORDER BY provider, currency",
            )
            by_collection = _lines(
                connection,
                "SELECT collections.name, images.currency, sum(images.cost), count(*) "
                "FROM collection_items "
                "JOIN collections ON collections.id = collection_items.collection_id "
                "JOIN images ON images.id = collection_items.image_id "
                f"WHERE {_PRICED} GROUP BY collections.id, images.currency "
                "ORDER BY collections.name COLLATE NOCASE, images.currency",
            )
            totals = _lines(
                connection,
                "SELECT currency, currency, sum(cost), count(*) FROM images "
                f"WHERE {_PRICED} GROUP BY currency ORDER BY currency",
            )
            (unpriced,) = connection.execute(
                "SELECT count(*) FROM images WHERE origin = 'generated' AND cost IS NULL"
            ).fetchone()
            assistant = _lines(
                connection,
                "SELECT provider, currency, sum(cost), count(*) FROM assistant_calls "
                "WHERE cost IS NOT NULL AND currency IS NOT NULL "
                "GROUP BY provider, currency ORDER BY provider, currency",
            )
        return SpendReport(by_day, by_provider, by_collection, totals, int(unpriced), assistant)
