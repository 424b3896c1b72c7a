"""Text search and filters: an `ImageQuery` becomes a WHERE clause and an ORDER BY.

Words of three or more characters go to the FTS5 trigram index as exact phrases, which is a
substring match in any script. Trigrams cannot see one- or two-character words (Chinese 猫,
樱花; English "ai"), so those go to a second FTS5 table whose tokens are every single character
and every pair of neighbouring characters, each spelled as ASCII hex so no tokenizer can split
or fold them. Both are rowid lists in the end, so every search is an index lookup, never a scan.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.library.records import ImageQuery

_ORDER = {
    "newest": "images.created_at DESC, images.id DESC",
    "oldest": "images.created_at ASC, images.id ASC",
    "rating": "images.rating DESC, images.created_at DESC, images.id DESC",
}


@dataclass(frozen=True)
class FirstPageTuning:
    """Where `first_page` switches strategy; tests move these to reach every path."""

    # Fewer matches than this: gather and sort them all (cheap), so later pages are free.
    ordered_min: int = 1500
    # At least this share of the library matching: read the newest rows' text instead.
    recent_share: float = 0.25
    # At most this many newest rows are read for it.
    recent_scan: int = 2000
    # Longer "pages" (every id, for the gallery's lister) are gathered whole and sorted.
    page_max: int = 5000


def search_text(prompt: str, tags: list[str], note: str, caption: str = "") -> str:
    """What the search indexes see for one image; newlines keep the parts from joining."""
    return "\n".join([prompt, " ".join(tags), note, *([caption] if caption else [])])


def _gram_token(text: str) -> str:
    return "g" + "".join(f"{ord(char):06x}" for char in text)


def gram_tokens(text: str) -> str:
    """Every unigram and bigram of every whitespace-free run, as space-separated tokens."""
    tokens: dict[str, None] = {}
    for run in text.lower().split():
        for index, char in enumerate(run):
            tokens[_gram_token(char)] = None
            if index + 1 < len(run):
                tokens[_gram_token(run[index : index + 2])] = None
    return " ".join(tokens)


def index_text(
    connection: sqlite3.Connection, image_id: int, old_text: str | None, new_text: str
) -> None:
    """Points both search indexes at `new_text`; `old_text` is what they hold now, if any.

    External-content and contentless FTS5 tables forget a row only when told its old text.
    """
    if old_text is not None:
        connection.execute(
            "INSERT INTO search_trigram (search_trigram, rowid, text) VALUES ('delete', ?, ?)",
            (image_id, old_text),
        )
        connection.execute(
            "INSERT INTO search_grams (search_grams, rowid, grams) VALUES ('delete', ?, ?)",
            (image_id, gram_tokens(old_text)),
        )
    connection.execute(
        "INSERT OR REPLACE INTO search_text (image_id, text) VALUES (?, ?)", (image_id, new_text)
    )
    connection.execute(
        "INSERT INTO search_trigram (rowid, text) VALUES (?, ?)", (image_id, new_text)
    )
    connection.execute(
        "INSERT INTO search_grams (rowid, grams) VALUES (?, ?)", (image_id, gram_tokens(new_text))
    )


def unindex_text(connection: sqlite3.Connection, image_id: int) -> None:
    row = connection.execute(
        "SELECT text FROM search_text WHERE image_id = ?", (image_id,)
    ).fetchone()
    if row is None:
        return
    connection.execute(
        "INSERT INTO search_trigram (search_trigram, rowid, text) VALUES ('delete', ?, ?)",
        (image_id, row[0]),
    )
    connection.execute(
        "INSERT INTO search_grams (search_grams, rowid, grams) VALUES ('delete', ?, ?)",
        (image_id, gram_tokens(row[0])),
    )
    connection.execute("DELETE FROM search_text WHERE image_id = ?", (image_id,))


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _text_terms(text: str) -> list[tuple[str, str]]:
    """(FTS table, MATCH expression) for `text`: one per index its words need, at most two."""
    words = list(dict.fromkeys(plain_text(text).lower().split()))
    long_words = [word for word in words if len(word) >= 3]
    short_words = [word for word in words if len(word) < 3]
    terms = []
    if long_words:
        terms.append(("search_trigram", " AND ".join(_phrase(word) for word in long_words)))
    if short_words:
        terms.append(("search_grams", " AND ".join(_gram_token(word) for word in short_words)))
    return terms


# One list of image ids: (SELECT … that yields them, the column it yields, its parameters).
_IdList = tuple[str, str, list[Any]]


def _text_lists(text: str) -> list[_IdList]:
    return [
        (f"SELECT rowid FROM {table} WHERE {table} MATCH ?", "rowid", [expression])
        for table, expression in _text_terms(text)
    ]


def _id_condition(lists: list[_IdList], probe: bool) -> tuple[str, list[Any]]:
    """`images.id IN (…)` for the ids in every one of `lists`, intersected among themselves.

    The intersection is made on the lists alone (the first walked, each other one built once
    and probed), so `images` is looked up only for ids in all of them: "樱花 girl" probes 632
    rows, not the 8,355 of 樱花. The other lists are written `+column` so that an FTS table
    is not handed them as a rowid constraint (it would then run its MATCH once per id).
    `probe=True` writes `+images.id`, which keeps the planner from driving the query by the
    lists: it then walks an order index and tests each row against them (a first page).
    """
    sql, _column, params = _intersection(lists)
    return f"{'+' if probe else ''}images.id IN ({sql})", params


def _intersection(lists: list[_IdList]) -> _IdList:
    """One SELECT of the ids in every one of `lists`: the first walked, the others probed."""
    (sql, column, params), *others = lists
    params = list(params)
    for other_sql, _other_column, other_params in others:
        sql += f" AND +{column} IN ({other_sql})"
        params += other_params
    return sql, column, params


def is_text_only(query: ImageQuery) -> bool:
    """Whether `query` filters by its text alone (sort and trash aside)."""
    return bool(query.text.strip()) and query == ImageQuery(
        text=query.text, sort=query.sort, trash=query.trash
    )


def text_count_sql(query: ImageQuery) -> tuple[str, list[Any]] | None:
    """A COUNT of a text-only query read from the search indexes alone; None for other queries.

    FTS5 counts its own rowid list in C (about 1 ms for 16,000 matches at 100,000 pictures),
    while the same COUNT through `images` probes a b-tree per match (10-60 ms). Every index
    rowid is an image (rows leave the indexes before they leave `images`), so only the trash
    needs a look at `images`: through its small partial index.
    """
    terms = _text_terms(query.text)
    if not terms or not is_text_only(query):
        return None
    (table, expression), *rest = terms
    sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
    params: list[Any] = [expression]
    for other, other_expression in rest:
        sql += f" AND +rowid IN (SELECT rowid FROM {other} WHERE {other} MATCH ?)"
        params.append(other_expression)
    trash = "IN" if query.trash else "NOT IN"
    sql += f" AND +rowid {trash} (SELECT id FROM images WHERE trashed_at IS NOT NULL)"
    return sql, params


def text_matches(text: str, searched: str) -> bool:
    """Whether `searched` (an image's search text) holds every word of `text`.

    The same rule as the two indexes: every word a substring, case folded. Used on a handful of
    recent rows, where reading them is cheaper than reading an index list of most of the library.
    """
    folded = searched.lower()
    return all(word in folded for word in plain_text(text).lower().split())


def where_clause(
    query: ImageQuery, with_text: bool = True, probe: bool = False
) -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword) and its parameters for `query`.

    `with_text=False` leaves the text condition out, for a caller that checks the text itself;
    `probe=True` tests rows against the id lists (see `_id_condition`).
    """
    conditions = ["images.trashed_at IS NOT NULL" if query.trash else "images.trashed_at IS NULL"]
    params: list[Any] = []
    lists: list[_IdList] = []
    if query.collection_id is not None:
        lists.append(
            (
                "SELECT image_id FROM collection_items WHERE collection_id = ?",
                "image_id",
                [query.collection_id],
            )
        )
    if query.tag:
        lists.append(
            (
                "SELECT image_id FROM image_tags JOIN tags ON tags.id = tag_id WHERE tags.name = ?",
                "image_id",
                [query.tag],
            )
        )
    if with_text and query.text.strip():
        lists += _text_lists(query.text)
    if lists:
        condition, list_params = _id_condition(lists, probe)
        conditions.append(condition)
        params += list_params
    if query.favourites_only:
        conditions.append("images.favourite = 1")
    if query.min_rating > 0:
        conditions.append("images.rating >= ?")
        params.append(query.min_rating)
    if query.hide_rejected:
        conditions.append("images.rejected = 0")
    if query.model:
        conditions.append("images.model = ?")
        params.append(query.model)
    if query.provider:
        conditions.append("images.provider = ?")
        params.append(query.provider)
    if query.size:
        conditions.append("images.size = ?")
        params.append(query.size)
    if query.created_from is not None:
        conditions.append("images.created_at >= ?")
        params.append(query.created_from)
    if query.created_to is not None:
        conditions.append("images.created_at <= ?")
        params.append(query.created_to)
    return " AND ".join(conditions), params


def order_clause(query: ImageQuery) -> str:
    return _ORDER[query.sort]


def first_page(
    connection: sqlite3.Connection,
    query: ImageQuery,
    limit: int,
    tuning: FirstPageTuning,
    counted: Callable[[int], None] = lambda count: None,
) -> tuple[list[int], bool] | None:
    """The first `limit` ids of a text search without gathering every match, or None.

    Returns (ids, complete): complete when `ids` is every match of `query` (keep it: count and
    later pages are then free), else it is the first page only.

    Gathering every match and sorting it costs about 1.5 µs a match through `images`: 25 ms
    for a word in one picture of six at 100,000 pictures, hundreds for a word in most of them.
    The first page needs none of that when the word is common: it is then near the top of the
    order index. So the index is asked for at most `tuning.ordered_min` matching rowids, and
    - fewer came: that is every match; `images` sorts them (no second pass over the index);
    - else the matches are counted (in C, ~1 ms) and, when a large share of the library
      matches, the newest rows are read and their text checked here;
    - otherwise, or when the newest rows held too few: the order index is walked and each
      row tested against the text's rowid lists (SQLite builds those once per query).
    Only for text with an optional date range (not the trash): other filters may reject most
    rows of the order index, and their columns are not in it. Nor for a long "page" (every id,
    for the gallery's lister): gathering and sorting is then the cheaper way. `counted` is told
    the count of a text-only query, which then costs `Library.count` nothing.
    """
    plain = ImageQuery(text=query.text, sort=query.sort)
    lists = _text_lists(query.text)
    if (
        not lists
        or query.trash
        or query != replace(plain, created_from=query.created_from, created_to=query.created_to)
    ):
        return None
    rowids_sql, _column, rowids_params = _intersection(lists)
    rowids = connection.execute(f"{rowids_sql} LIMIT ?", [*rowids_params, tuning.ordered_min])
    found = [row[0] for row in rowids.fetchall()]
    if len(found) < tuning.ordered_min:
        where, params = where_clause(query, with_text=False)
        sql = (
            "SELECT images.id FROM images WHERE images.id IN (SELECT value FROM json_each(?)) "
            f"AND {where} ORDER BY {order_clause(query)}"
        )
        every = connection.execute(sql, [json.dumps(found), *params]).fetchall()
        return [int(row[0]) for row in every], True
    if limit > tuning.page_max:
        return None  # not a page but a list (the gallery's lister): gathered whole, sorted
    count_sql = text_count_sql(plain)
    assert count_sql is not None  # the same text as `lists`
    matches = int(connection.execute(*count_sql).fetchone()[0])
    if query == plain:
        counted(matches)
        # max(id) bounds the live count from above in one index step: a cheap share estimate.
        newest_id = int(connection.execute("SELECT max(id) FROM images").fetchone()[0] or 1)
        share = matches / newest_id
        if share >= tuning.recent_share and matches:
            scan = min(tuning.recent_scan, max(limit, math.ceil(2 * limit / share)))
            page = _recent_first_page(connection, query, limit, scan)
            if page is not None:
                return page, False
    where, params = where_clause(query, probe=True)
    sql = f"SELECT images.id FROM images WHERE {where} ORDER BY {order_clause(query)} LIMIT ?"
    return [int(row[0]) for row in connection.execute(sql, [*params, limit]).fetchall()], False


def _recent_first_page(
    connection: sqlite3.Connection, query: ImageQuery, limit: int, scan: int
) -> list[int] | None:
    """The first `limit` matches among the `scan` first rows in the query's order, if there.

    For a word in most pictures ("s", "山") this beats even the order walk: its rowid list
    alone (most of the library) costs more to build than reading a few hundred rows' text.
    """
    if limit > scan:
        return None
    where, params = where_clause(query, with_text=False)
    sql = (
        "SELECT images.id, search_text.text FROM images "
        "JOIN search_text ON search_text.image_id = images.id "
        f"WHERE {where} ORDER BY {order_clause(query)} LIMIT ?"
    )
    rows = connection.execute(sql, [*params, scan]).fetchall()
    found = [int(row[0]) for row in rows if text_matches(query.text, row[1])]
    if len(found) >= limit or len(rows) < scan:
        return found[:limit]
    return None
