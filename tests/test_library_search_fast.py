"""Search's fast roads give what the slow one gives: first pages, the COUNT, every strategy.

A search's first page may come from the newest rows, from a walk of the order index, or from
the whole gathered list; `Library.count` is a COUNT (from the search indexes alone for a
text-only search), never the list. Each is checked here against an oracle written in the test
(every word a case-folded substring of prompt, tags or note), on a real library file whose
dates do not follow its ids, with pictures in the trash, a tag and a collection.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from dataclasses import replace

import pytest
from test_library_support import simple_result

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, ImageRecord, Library
from stepfun_studio.library.search import FirstPageTuning

WORDS = [
    "樱花树下的少女",
    "橘猫 cat",
    "赛博朋克城市夜景 cyberpunk city",
    "A Golden Retriever on the beach",
    "花园里的玫瑰 roses",
    "AI robot 画像",
    "水墨山水 ink",
    "雪山 snow",
]
# Every road: gather all (the default in a small library), the order walk, the newest rows
# (enough of them, and too few, which falls back to the walk).
TUNINGS = {
    "gather": FirstPageTuning(),
    "ordered": FirstPageTuning(ordered_min=0, recent_share=2.0),
    "recent": FirstPageTuning(ordered_min=0, recent_share=0.0, recent_scan=4000),
    "recent-too-few": FirstPageTuning(ordered_min=0, recent_share=0.0, recent_scan=3),
}
SEARCHES = [
    "猫",
    "樱花",
    "花",
    "城市",
    "赛博朋克",
    "cat",
    "CITY",
    "ai",
    "a",
    "樱花 少女",
    "猫 cat",
    "city 夜景 cyber",
    "鲸鱼",
    "ink 猫",
    "\x00猫",  # a NUL is dropped, not passed to FTS5
    "\ud800",  # a lone surrogate searches for U+FFFD: nothing
    "\x00",  # nothing left: every picture
    '"quoted',
]


def build(paths: AppPaths) -> Library:
    library = Library.open(paths)
    ids = [
        library.ingest_result(simple_result(f"{WORDS[i % len(WORDS)]} #{i}", i + 1))
        for i in range(40)
    ]
    # Dates that disagree with ids (an imported old picture): the order is by date.
    connection = library._db.connection()
    for position, image_id in enumerate(ids):
        shifted = 1_700_000_000 + ((position * 17) % 40) * 60.0
        connection.execute("UPDATE images SET created_at = ? WHERE id = ?", (shifted, image_id))
    library.clear_query_cache()
    library.move_to_trash(ids[::7])
    library.set_rating(ids[::3], 4)
    library.add_tags(ids[::2], ["精选"])
    library.set_note(ids[5], "夜景 poster")
    collection = library.create_collection("壁纸")
    library.add_to_collection(ids[::5], collection)
    return library


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """One library for the tests that only read (building it is most of their time)."""
    library = build(AppPaths.under(tmp_path_factory.mktemp("search-fast")))
    yield library
    library.close()


@pytest.fixture
def library(shared: Library) -> Iterator[Library]:
    yield shared
    shared.first_page_tuning = FirstPageTuning()


def records_of(library: Library) -> list[ImageRecord]:
    rows = library._db.connection().execute("SELECT id FROM images").fetchall()
    records = [library.get(int(row[0])) for row in rows]
    return [record for record in records if record is not None]


def oracle(
    library: Library, query: ImageQuery, records: list[ImageRecord] | None = None
) -> list[int]:
    """Every match of `query` by reading every record: no index, no SQL filter."""
    if records is None:
        records = records_of(library)
    text = query.text.replace("\x00", "").replace("\ud800", "\ufffd").lower().split()
    collection = set()
    if query.collection_id is not None:
        collection = set(library.query_ids(ImageQuery(collection_id=query.collection_id), 0, 999))
    matches = []
    for record in records:
        searched = "\n".join([record.prompt, " ".join(record.tags), record.note]).lower()
        if not all(word in searched for word in text):
            continue
        if (record.trashed_at is not None) != query.trash:
            continue
        if query.min_rating and record.rating < query.min_rating:
            continue
        if query.tag and query.tag not in record.tags:
            continue
        if query.collection_id is not None and record.id not in collection:
            continue
        if query.created_from is not None and record.created_at < query.created_from:
            continue
        matches.append(record)
    if query.sort == "oldest":
        matches.sort(key=lambda r: (r.created_at, r.id))
    elif query.sort == "rating":
        matches.sort(key=lambda r: (r.rating, r.created_at, r.id), reverse=True)
    else:
        matches.sort(key=lambda r: (r.created_at, r.id), reverse=True)
    return [record.id for record in matches]


@pytest.mark.parametrize("tuning", TUNINGS.values(), ids=TUNINGS.keys())
def test_every_road_gives_the_oracles_pages_and_count(
    library: Library, tuning: FirstPageTuning
) -> None:
    library.first_page_tuning = tuning
    records = records_of(library)
    for text, sort in itertools.product(SEARCHES, ("newest", "oldest", "rating")):
        for query in (
            ImageQuery(text=text, sort=sort),  # type: ignore[arg-type]
            ImageQuery(text=text, sort=sort, trash=True),  # type: ignore[arg-type]
            ImageQuery(text=text, sort=sort, created_from=1_700_000_000 + 600),  # type: ignore[arg-type]
        ):
            expected = oracle(library, query, records)
            for limit in (1, 4, 200, 1 << 40):  # pages, and every id (the lister)
                library.clear_query_cache()
                assert library.query_ids(query, 0, limit) == expected[:limit], (query, limit)
                # The count right after a first page (it may have learnt it on the way).
                assert library.count(query) == len(expected), query
            library.clear_query_cache()
            assert library.count(query) == len(expected), query  # cold, no page before


@pytest.mark.parametrize("text", ["猫", "樱花 少女", "city 夜景", "a", ""])
def test_counts_with_other_filters_match_the_oracle(library: Library, text: str) -> None:
    collection = library.list_collections()[0].id
    for query in (
        ImageQuery(text=text, tag="精选"),
        ImageQuery(text=text, collection_id=collection),
        ImageQuery(text=text, tag="精选", collection_id=collection),
        ImageQuery(text=text, min_rating=4, tag="精选"),
    ):
        expected = oracle(library, query)
        library.clear_query_cache()
        assert library.count(query) == len(expected), query
        assert library.query_ids(query, 0, 500) == expected, query


def test_the_count_is_a_count_not_the_list(library: Library) -> None:
    # The gallery's "N images" must not wait for every id to be gathered and sorted.
    statements: list[str] = []
    connection: sqlite3.Connection = library._db.connection()
    connection.set_trace_callback(statements.append)
    try:
        for query in (
            ImageQuery(text="花"),
            ImageQuery(text="樱花 cat"),
            ImageQuery(text="猫", tag="精选"),
        ):
            library.clear_query_cache()
            statements.clear()
            library.count(query)
            # FTS5's own reads of its shadow tables are traced too, as "-- …" comments.
            statements[:] = [sql for sql in statements if not sql.startswith("--")]
            assert len(statements) == 1, statements
            assert statements[0].startswith("SELECT count(*)"), statements
            assert "ORDER BY" not in statements[0]
        # A text-only search is counted in the search indexes, not through `images`.
        library.clear_query_cache()
        statements.clear()
        library.count(ImageQuery(text="花"))
        assert "FROM search_grams" in statements[0]
    finally:
        connection.set_trace_callback(None)


def test_a_learnt_count_follows_writes(app_paths: AppPaths) -> None:
    library = build(app_paths)
    library.first_page_tuning = TUNINGS["ordered"]
    query = ImageQuery(text="猫")
    before = len(oracle(library, query))
    library.query_ids(query, 0, 2)  # learns the count on its way
    assert library.count(query) == before
    new = library.ingest_result(simple_result("黑猫 black cat", 90))
    assert library.count(query) == before + 1
    library.query_ids(query, 0, 2)
    library.move_to_trash([new])
    assert library.count(query) == before
    assert library.count(replace(query, trash=True)) == len(
        oracle(library, replace(query, trash=True))
    )
    library.close()
