"""The library's SQLite schema, its migrations, and how a connection is opened.

The schema version lives in `PRAGMA user_version`. Each migration takes the database from
version N-1 to N; all pending ones run in one transaction, so an interrupted upgrade leaves the
old schema whole. A database from a newer app is refused rather than half-understood.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.text import tr

# Milliseconds a writer waits for another thread's transaction before giving up with "locked".
BUSY_TIMEOUT_MS = 10_000

_V1 = """
CREATE TABLE blobs (
    sha TEXT PRIMARY KEY,
    ext TEXT NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    sha TEXT NOT NULL UNIQUE,
    ext TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('generated', 'imported')),
    model TEXT NOT NULL,
    mode TEXT NOT NULL,
    prompt TEXT NOT NULL,
    negative_prompt TEXT NOT NULL DEFAULT '',
    size TEXT NOT NULL,
    steps INTEGER NOT NULL,
    cfg_scale REAL NOT NULL,
    seed INTEGER NOT NULL,
    returned_seed INTEGER,
    response_format TEXT NOT NULL,
    text_mode INTEGER NOT NULL DEFAULT 0,
    n INTEGER NOT NULL DEFAULT 1,
    source_sha TEXT REFERENCES blobs (sha),
    source_name TEXT NOT NULL DEFAULT '',
    source_weight REAL NOT NULL,
    style_sha TEXT REFERENCES blobs (sha),
    style_name TEXT NOT NULL DEFAULT '',
    style_weight REAL NOT NULL,
    finish_reason TEXT,
    trace_id TEXT,
    elapsed_s REAL,
    created_at REAL NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
    favourite INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    trashed_at REAL,
    note TEXT NOT NULL DEFAULT ''
);
-- The normal view excludes the trash; partial indexes over live images let paging and
-- counting read the index alone instead of visiting every row to test trashed_at.
CREATE INDEX images_live_created ON images (created_at, id) WHERE trashed_at IS NULL;
CREATE INDEX images_live_rating ON images (rating, created_at, id) WHERE trashed_at IS NULL;
CREATE INDEX images_model ON images (model, trashed_at, created_at);
CREATE INDEX images_size ON images (size, trashed_at, created_at);
CREATE INDEX images_model_size ON images (model, size, trashed_at);
-- A search hands back thousands of ids; checking their filters and sort key in this narrow
-- covering index reads a fraction of the pages the wide rows (prompts) would.
CREATE INDEX images_by_id ON images (
    id, trashed_at, created_at, rating, favourite, rejected, model, size
);
CREATE INDEX images_trashed ON images (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX images_favourite ON images (trashed_at, created_at, id) WHERE favourite = 1;
CREATE INDEX images_source ON images (source_sha) WHERE source_sha IS NOT NULL;
CREATE INDEX images_style ON images (style_sha) WHERE style_sha IS NOT NULL;

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE image_tags (
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    PRIMARY KEY (tag_id, image_id)
) WITHOUT ROWID;
CREATE INDEX image_tags_image ON image_tags (image_id);

CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    added_at REAL NOT NULL,
    PRIMARY KEY (collection_id, image_id)
) WITHOUT ROWID;
CREATE INDEX collection_items_image ON collection_items (image_id);

-- The text that search sees (prompt, tags, note), kept here so the FTS tables can be told
-- exactly what to forget when it changes.
CREATE TABLE search_text (
    image_id INTEGER PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    text TEXT NOT NULL
);
-- Substrings of 3+ characters: trigram phrases.
CREATE VIRTUAL TABLE search_trigram USING fts5 (
    text, content = 'search_text', content_rowid = 'image_id', tokenize = 'trigram'
);
-- Substrings of 1-2 characters (Chinese 猫, 樱花): every unigram and bigram as a token,
-- contentless and without positions, so it is little more than a compressed rowid list.
CREATE VIRTUAL TABLE search_grams USING fts5 (grams, content = '', detail = none);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    request_json TEXT NOT NULL,
    source_sha TEXT REFERENCES blobs (sha),
    style_sha TEXT REFERENCES blobs (sha),
    state TEXT NOT NULL,
    created_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    error_kind TEXT,
    error_message TEXT,
    image_id INTEGER REFERENCES images (id) ON DELETE SET NULL
);
CREATE INDEX jobs_state ON jobs (state, id);
"""

# The hash of the bytes as the API sent them, before our metadata went in: the same picture
# stored twice (a retried ingest, a download saved elsewhere and imported) is found by it.
_V2 = """
ALTER TABLE images ADD COLUMN content_sha TEXT;
CREATE INDEX images_content ON images (content_sha) WHERE content_sha IS NOT NULL;
"""

# Providers (issue 12). Where a picture was made, what it cost (provider's figure or the table's
# price, per currency), its provider-specific options, its reference list and mask. Seeds past
# SQLite's 64-bit integers (a server may return any unsigned 64-bit seed) are kept exactly as
# text beside the integer column, which then holds -1. A reference's sha has no foreign key: a
# picture made elsewhere names references this store may not hold (source and style keep only
# their names then; the list keeps the hashes, resolved where the bytes are here).
_V3 = """
ALTER TABLE images ADD COLUMN provider TEXT NOT NULL DEFAULT 'stepfun';
ALTER TABLE images ADD COLUMN cost REAL;
ALTER TABLE images ADD COLUMN currency TEXT;
ALTER TABLE images ADD COLUMN options TEXT NOT NULL DEFAULT '';
ALTER TABLE images ADD COLUMN seed_text TEXT;
ALTER TABLE images ADD COLUMN returned_seed_text TEXT;
CREATE INDEX images_provider ON images (provider, trashed_at, created_at);
CREATE TABLE image_references (
    image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('reference', 'mask')),
    position INTEGER NOT NULL,
    sha TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (image_id, role, position)
) WITHOUT ROWID;
CREATE INDEX image_references_sha ON image_references (sha);
CREATE TABLE job_references (
    job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    sha TEXT NOT NULL,
    PRIMARY KEY (job_id, sha)
) WITHOUT ROWID;
CREATE INDEX job_references_sha ON job_references (sha);
"""


# Batches (issue 14, library/batches.py): a batch's settings and each picture's state, so a
# batch resumes after a restart. Pictures are kept by hash in the references store (a blob
# row each); IF NOT EXISTS lets this step move to another version when steps are ordered.
_BATCHES = """
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    settings_json TEXT NOT NULL,
    state TEXT NOT NULL,
    collection_id INTEGER REFERENCES collections (id) ON DELETE SET NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS batch_items (
    batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    picture_sha TEXT NOT NULL,
    prompt TEXT NOT NULL,
    state TEXT NOT NULL,
    job_id INTEGER,
    image_id INTEGER REFERENCES images (id) ON DELETE SET NULL,
    cost REAL,
    error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS batch_items_job ON batch_items (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS batch_items_picture ON batch_items (picture_sha);
"""


def _v3_costs(connection: sqlite3.Connection) -> None:
    """Pictures made before costs were kept get the table's price for their model.

    They were all StepFun's (no options then), so the model alone names the price.
    """
    for model in model_table().models:
        if model.price is not None:
            connection.execute(
                "UPDATE images SET cost = ?, currency = ? "
                "WHERE model = ? AND origin = 'generated' AND cost IS NULL",
                (model.price.for_options({}), model.price.currency, model.name),
            )


# The prompt assistant (issue 17): a caption per picture (what a vision model says it shows, in
# English and Chinese, editable), fed into the search text; and every chat call with its tokens
# and cost, for the Spend view.
_V_CAPTIONS = """
ALTER TABLE images ADD COLUMN caption TEXT NOT NULL DEFAULT '';
ALTER TABLE images ADD COLUMN captioned_at REAL;
CREATE INDEX images_uncaptioned ON images (origin, id) WHERE captioned_at IS NULL;
CREATE TABLE assistant_calls (
    id INTEGER PRIMARY KEY,
    at REAL NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    task TEXT NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cost REAL,
    currency TEXT
);
"""


Migration = str | Callable[[sqlite3.Connection], None]
# Each version is a list of steps: SQL scripts, or functions for what SQL alone cannot say.
MIGRATIONS: tuple[tuple[Migration, ...], ...] = (
    (_V1,),
    (_V2,),
    (_V3, _v3_costs),
    (_BATCHES,),  # batches (issue 14)
    (_V_CAPTIONS,),
)
SCHEMA_VERSION = len(MIGRATIONS)


class NewerSchemaError(AppError):
    def __init__(self, found: int, path: Path) -> None:
        super().__init__(
            ErrorKind.STORAGE,
            tr(
                "Library",
                "The library at {path} was made by a newer version of StepFun Studio (schema "
                "{found}, this version knows {known}). Update the app to open it; the library "
                "was left untouched.",
            ).format(path=path, found=found, known=SCHEMA_VERSION),
        )


def connect(path: Path) -> sqlite3.Connection:
    """A connection with our settings; autocommit mode, transactions are explicit."""
    connection = sqlite3.connect(
        path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode: a power cut may lose the last commits but never corrupts the file.
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA cache_size = -16000")
    # Bounds the ANALYZE that `PRAGMA optimize` may run at close to ~15 ms at 100k images.
    connection.execute("PRAGMA analysis_limit = 400")
    return connection


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Brings the schema up to date in one transaction, or refuses a newer one."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version, path)
    if version == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        for number in range(version, SCHEMA_VERSION):
            for step in MIGRATIONS[number]:
                if callable(step):
                    step(connection)
                    continue
                for statement in split_statements(step):
                    connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def split_statements(script: str) -> list[str]:
    """Splits a migration into statements; executescript() would commit our transaction."""
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
