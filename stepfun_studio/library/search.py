"""Text search and filters: an `ImageQuery` becomes a WHERE clause and an ORDER BY.

Words of three or more characters go to the FTS5 trigram index as exact phrases, which is a
substring match in any script. Trigrams cannot see one- or two-character words (Chinese 猫,
樱花; English "ai"), so those go to a second FTS5 table whose tokens are every single character
and every pair of neighbouring characters, each spelled as ASCII hex so no tokenizer can split
or fold them. Both are rowid lists in the end, so every search is an index lookup, never a scan.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from stepfun_studio.core.plain_text import plain_text
from stepfun_studio.library.records import ImageQuery

_ORDER = {
    "newest": "images.created_at DESC, images.id DESC",
    "oldest": "images.created_at ASC, images.id ASC",
    "rating": "images.rating DESC, images.created_at DESC, images.id DESC",
}


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


def text_conditions(text: str) -> tuple[list[str], list[Any]]:
    """SQL conditions (on images.id) for every word of `text` to occur somewhere."""
    words = list(dict.fromkeys(plain_text(text).lower().split()))
    long_words = [word for word in words if len(word) >= 3]
    short_words = [word for word in words if len(word) < 3]
    conditions: list[str] = []
    params: list[Any] = []
    if long_words:
        conditions.append(
            "images.id IN (SELECT rowid FROM search_trigram WHERE search_trigram MATCH ?)"
        )
        params.append(" AND ".join(_phrase(word) for word in long_words))
    if short_words:
        conditions.append(
            "images.id IN (SELECT rowid FROM search_grams WHERE search_grams MATCH ?)"
        )
        params.append(" AND ".join(_gram_token(word) for word in short_words))
    return conditions, params


def text_matches(text: str, searched: str) -> bool:
    """Whether `searched` (an image's search text) holds every word of `text`.

    The same rule as the two indexes: every word a substring, case folded. Used on a handful of
    recent rows, where reading them is cheaper than reading an index list of most of the library.
    """
    folded = searched.lower()
    return all(word in folded for word in plain_text(text).lower().split())


def where_clause(query: ImageQuery, with_text: bool = True) -> tuple[str, list[Any]]:
    """The WHERE clause (without the keyword) and its parameters for `query`.

    `with_text=False` leaves the text condition out, for a caller that checks the text itself.
    """
    conditions = ["images.trashed_at IS NOT NULL" if query.trash else "images.trashed_at IS NULL"]
    params: list[Any] = []
    if with_text and query.text.strip():
        text_sql, text_params = text_conditions(query.text)
        conditions += text_sql
        params += text_params
    if query.favourites_only:
        conditions.append("images.favourite = 1")
    if query.min_rating > 0:
        conditions.append("images.rating >= ?")
        params.append(query.min_rating)
    if query.hide_rejected:
        conditions.append("images.rejected = 0")
    if query.collection_id is not None:
        conditions.append(
            "images.id IN (SELECT image_id FROM collection_items WHERE collection_id = ?)"
        )
        params.append(query.collection_id)
    if query.tag:
        conditions.append(
            "images.id IN (SELECT image_id FROM image_tags JOIN tags ON tags.id = tag_id "
            "WHERE tags.name = ?)"
        )
        params.append(query.tag)
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
