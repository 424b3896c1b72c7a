"""Row-level helpers shared by ingest, import and rebuild: one way in, one way out.

Every image enters the database through `insert_image()` from an `ImageMetadata`, the same
object that its PNG's JSON parses back into, so the database and the file cannot disagree.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from stepfun_studio.core.cost import table_price
from stepfun_studio.core.metadata import ImageMetadata, ReferenceInfo
from stepfun_studio.library.records import ImageRecord, ImageSummary, Origin
from stepfun_studio.library.search import index_text, search_text

_IMAGE_COLUMNS = (
    "sha, ext, origin, model, mode, prompt, negative_prompt, size, steps, cfg_scale, seed, "
    "returned_seed, response_format, text_mode, n, source_sha, source_name, source_weight, "
    "style_sha, style_name, style_weight, finish_reason, trace_id, elapsed_s, created_at, "
    "width, height, content_sha, provider, cost, currency, options, seed_text, returned_seed_text"
)
SUMMARY_COLUMNS = (
    "id, width, height, rating, favourite, rejected, source_sha IS NOT NULL AS has_source, "
    "style_sha IS NOT NULL AS has_style, prompt, model, created_at, provider, sha, ext"
)
# SQLite's integers are signed 64-bit; a seed past them is kept as text (see schema V3).
_INT64 = range(-(2**63), 2**63)
_SEED_IN_TEXT = -1


def _seed_columns(seed: int | None) -> tuple[int | None, str | None]:
    """(integer column, text column) for a seed: the text only where the integer cannot hold it."""
    if seed is None or seed in _INT64:
        return seed, None
    return _SEED_IN_TEXT, str(seed)


def _seed_value(number: int | None, text: str | None) -> int | None:
    return int(text) if text else number


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
    seed, seed_text = _seed_columns(fields["seed"])
    returned_seed, returned_seed_text = _seed_columns(meta.returned_seed)
    cost, currency = meta.cost, meta.currency
    if cost is None and origin == "generated":
        # Made before costs were kept (or the provider said nothing): the table's price.
        cost, currency = table_price(meta.request()) or (None, None)
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
        seed,
        returned_seed,
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
        fields["provider"],
        cost,
        currency if cost is not None else None,
        json.dumps(dict(fields["options"]), ensure_ascii=False) if fields["options"] else "",
        seed_text,
        returned_seed_text,
    )
    placeholders = ", ".join("?" * len(values))
    cursor = connection.execute(
        f"INSERT INTO images ({_IMAGE_COLUMNS}) VALUES ({placeholders})", values
    )
    image_id = int(cursor.lastrowid or 0)
    links = [("reference", position, info) for position, info in enumerate(meta.references)]
    if meta.mask is not None:
        links.append(("mask", 0, meta.mask))
    connection.executemany(
        "INSERT INTO image_references (image_id, role, position, sha, name) VALUES (?, ?, ?, ?, ?)",
        [(image_id, role, position, info.sha256, info.name) for role, position, info in links],
    )
    index_text(connection, image_id, None, search_text(fields["prompt"], [], ""))
    return image_id


def tags_of(connection: sqlite3.Connection, image_id: int) -> list[str]:
    rows = connection.execute(
        "SELECT tags.name FROM image_tags JOIN tags ON tags.id = image_tags.tag_id "
        "WHERE image_tags.image_id = ? ORDER BY tags.name",
        (image_id,),
    ).fetchall()
    return [str(row[0]) for row in rows]


def references_of(
    connection: sqlite3.Connection, image_id: int
) -> tuple[tuple[tuple[str, str], ...], tuple[str, str] | None]:
    """(the reference list as (sha, name) in order, the mask or None) of one image."""
    rows = connection.execute(
        "SELECT role, sha, name FROM image_references WHERE image_id = ? ORDER BY role, position",
        (image_id,),
    ).fetchall()
    references = tuple((str(r[1]), str(r[2])) for r in rows if r[0] == "reference")
    mask = next(((str(r[1]), str(r[2])) for r in rows if r[0] == "mask"), None)
    return references, mask


def record_from_row(
    row: sqlite3.Row,
    tags: Sequence[str],
    references: tuple[tuple[str, str], ...] = (),
    mask: tuple[str, str] | None = None,
) -> ImageRecord:
    data = dict(zip(row.keys(), tuple(row), strict=True))
    data.pop("content_sha", None)  # bookkeeping for de-duplication, not part of the record
    for key in ("text_mode", "favourite", "rejected"):
        data[key] = bool(data[key])
    data["seed"] = _seed_value(data["seed"], data.pop("seed_text", None))
    data["returned_seed"] = _seed_value(data["returned_seed"], data.pop("returned_seed_text", None))
    options = data.pop("options", "") or "{}"
    data["options"] = tuple((str(k), str(v)) for k, v in json.loads(options).items())
    return ImageRecord(**data, tags=tuple(tags), references=references, mask=mask)


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
        provider=row["provider"],
        sha=row["sha"],
        ext=row["ext"],
    )


def reindex(connection: sqlite3.Connection, image_id: int) -> None:
    """Rebuilds one image's search text after its tags, note or caption changed."""
    row = connection.execute(
        "SELECT images.prompt, images.note, search_text.text, images.caption FROM images "
        "LEFT JOIN search_text ON search_text.image_id = images.id WHERE images.id = ?",
        (image_id,),
    ).fetchone()
    if row is None:
        return
    new_text = search_text(row[0], tags_of(connection, image_id), row[1], row[3])
    if new_text != row[2]:
        index_text(connection, image_id, row[2], new_text)
