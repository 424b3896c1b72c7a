"""Row-level helpers shared by ingest, import and rebuild: one way in, one way out.

Every image enters the database through `insert_image()` from an `ImageMetadata`, the same
object that its PNG's JSON parses back into, so the database and the file cannot disagree.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from stepfun_studio.core.metadata import ImageMetadata, ReferenceInfo
from stepfun_studio.library.records import ImageRecord, ImageSummary, Origin
from stepfun_studio.library.search import index_text, search_text

_IMAGE_COLUMNS = (
    "sha, ext, origin, model, mode, prompt, negative_prompt, size, steps, cfg_scale, seed, "
    "returned_seed, response_format, text_mode, n, source_sha, source_name, source_weight, "
    "style_sha, style_name, style_weight, finish_reason, trace_id, elapsed_s, created_at, "
    "width, height, content_sha"
)
SUMMARY_COLUMNS = (
    "id, width, height, rating, favourite, rejected, source_sha IS NOT NULL AS has_source, "
    "style_sha IS NOT NULL AS has_style, prompt, model, created_at"
)


def insert_blob(connection: sqlite3.Connection, info: ReferenceInfo, ext: str) -> None:
    connection.execute(
        "INSERT OR IGNORE INTO blobs (sha, ext, mime, width, height, name) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (info.sha256, ext, info.mime, info.width, info.height, info.name),
    )


def blob_exists(connection: sqlite3.Connection, sha: str) -> bool:
    return connection.execute("SELECT 1 FROM blobs WHERE sha = ?", (sha,)).fetchone() is not None


def image_id_for_sha(connection: sqlite3.Connection, sha: str) -> int | None:
    row = connection.execute("SELECT id FROM images WHERE sha = ?", (sha,)).fetchone()
    return None if row is None else int(row[0])


def existing_image_id(connection: sqlite3.Connection, sha: str, content_sha: str) -> int | None:
    """The image already holding these bytes, as stored or as the API first sent them."""
    row = connection.execute(
        "SELECT id FROM images WHERE sha = ? OR content_sha = ? OR sha = ? LIMIT 1",
        (sha, content_sha, content_sha),
    ).fetchone()
    return None if row is None else int(row[0])


def insert_image(
    connection: sqlite3.Connection,
    *,
    sha: str,
    ext: str,
    origin: Origin,
    meta: ImageMetadata,
    created_at: float,
    width: int,
    height: int,
    content_sha: str | None = None,
) -> int:
    """Inserts one image (inside the caller's transaction) and indexes its prompt.

    A reference the store does not hold (an image made on another machine) keeps its name but
    no link: the foreign key would otherwise refuse the row.
    """
    fields = meta.fields
    source = meta.source if meta.source and blob_exists(connection, meta.source.sha256) else None
    style = meta.style if meta.style and blob_exists(connection, meta.style.sha256) else None
    values: tuple[Any, ...] = (
        sha,
        ext,
        origin,
        fields["model"],
        str(fields["mode"]),
        fields["prompt"],
        fields["negative_prompt"],
        fields["size"],
        fields["steps"],
        fields["cfg_scale"],
        fields["seed"],
        meta.returned_seed,
        str(fields["response_format"]),
        int(fields["text_mode"]),
        fields["n"],
        source.sha256 if source else None,
        meta.source.name if meta.source else "",
        fields["source_weight"],
        style.sha256 if style else None,
        meta.style.name if meta.style else "",
        fields["style_weight"],
        meta.finish_reason,
        meta.trace_id,
        meta.elapsed_s,
        created_at,
        width,
        height,
        content_sha,
    )
    placeholders = ", ".join("?" * len(values))
    cursor = connection.execute(
        f"INSERT INTO images ({_IMAGE_COLUMNS}) VALUES ({placeholders})", values
    )
    image_id = int(cursor.lastrowid or 0)
    index_text(connection, image_id, None, search_text(fields["prompt"], [], ""))
    return image_id


def tags_of(connection: sqlite3.Connection, image_id: int) -> list[str]:
    rows = connection.execute(
        "SELECT tags.name FROM image_tags JOIN tags ON tags.id = image_tags.tag_id "
        "WHERE image_tags.image_id = ? ORDER BY tags.name",
        (image_id,),
    ).fetchall()
    return [str(row[0]) for row in rows]


def record_from_row(row: sqlite3.Row, tags: Sequence[str]) -> ImageRecord:
    data = dict(zip(row.keys(), tuple(row), strict=True))
    data.pop("content_sha", None)  # bookkeeping for de-duplication, not part of the record
    for key in ("text_mode", "favourite", "rejected"):
        data[key] = bool(data[key])
    return ImageRecord(**data, tags=tuple(tags))


def summary_from_row(row: sqlite3.Row) -> ImageSummary:
    return ImageSummary(
        id=row["id"],
        width=row["width"],
        height=row["height"],
        rating=row["rating"],
        favourite=bool(row["favourite"]),
        rejected=bool(row["rejected"]),
        has_source=bool(row["has_source"]),
        has_style=bool(row["has_style"]),
        prompt=row["prompt"],
        model=row["model"],
        created_at=row["created_at"],
    )


def reindex(connection: sqlite3.Connection, image_id: int) -> None:
    """Rebuilds one image's search text after its tags or note changed."""
    row = connection.execute(
        "SELECT images.prompt, images.note, search_text.text FROM images "
        "LEFT JOIN search_text ON search_text.image_id = images.id WHERE images.id = ?",
        (image_id,),
    ).fetchone()
    if row is None:
        return
    new_text = search_text(row[0], tags_of(connection, image_id), row[1])
    if new_text != row[2]:
        index_text(connection, image_id, row[2], new_text)
