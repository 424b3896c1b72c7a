"""Search and browse: Chinese, English and mixed text, 1-2 character words, filters, sorts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_library_support import simple_result

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.library.search import FirstPageTuning

PROMPTS = {
    "cat_zh": "一只橘猫趴在窗台上晒太阳",
    "sakura": "樱花树下的少女, anime style",
    "sakura_cat": "樱花与猫 cherry blossom and cat",
    "dog_en": "A Golden Retriever running on the beach at sunset",
    "city": "赛博朋克城市夜景 cyberpunk city at night, neon",
    "flower": "花园里的玫瑰 roses in a garden",
    "ai": "AI robot painting a portrait",
}


@pytest.fixture
def filled(app_paths: AppPaths) -> Iterator[tuple[Library, dict[str, int]]]:
    library = Library.open(app_paths)
    ids = {}
    for index, (key, prompt) in enumerate(PROMPTS.items()):
        model = "step-2x-large" if key in ("dog_en", "city") else "step-1x-medium"
        ids[key] = library.ingest_result(simple_result(prompt, index + 1, model=model))
    yield library, ids
    library.close()


def found(library: Library, text: str, **filters: object) -> set[int]:
    query = ImageQuery(text=text, **filters)  # type: ignore[arg-type]
    ids = library.query_ids(query)
    assert library.count(query) == len(ids)
    return set(ids)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("猫", {"cat_zh", "sakura_cat"}),  # one Chinese character
        ("樱花", {"sakura", "sakura_cat"}),  # two characters
        ("花", {"sakura", "sakura_cat", "flower"}),  # inside 樱花 and 花园
        ("橘猫", {"cat_zh"}),
        ("赛博朋克", {"city"}),  # four characters: trigram index
        ("晒太阳", {"cat_zh"}),
        ("cat", {"sakura_cat"}),
        ("CHERRY", {"sakura_cat"}),  # case-insensitive
        ("retriev", {"dog_en"}),  # substring of a word
        ("ai", {"ai"}),  # two Latin letters: also the short-word path
        ("樱花 cat", {"sakura_cat"}),  # mixed words: all must match
        ("猫 sunset", set()),
        ("night 城市", {"city"}),
        ("sun", {"dog_en"}),  # inside "sunset"; 晒太阳 is not "sun"
        ("鲸鱼", set()),
        ('"quoted', set()),  # FTS syntax characters are searched for, not parsed
    ],
)
def test_text_search(filled: tuple[Library, dict[str, int]], text: str, expected: set[str]) -> None:
    library, ids = filled
    assert found(library, text) == {ids[key] for key in expected}


def test_search_sees_tags_and_notes_and_forgets_old_ones(
    filled: tuple[Library, dict[str, int]],
) -> None:
    library, ids = filled
    library.add_tags([ids["dog_en"]], ["宠物", "favourite-dogs"])
    library.set_note(ids["city"], "参考 for the poster")
    assert found(library, "宠") == {ids["dog_en"]}
    assert found(library, "宠物") == {ids["dog_en"]}
    assert found(library, "favourite-d") == {ids["dog_en"]}
    assert found(library, "海报") == set()
    assert found(library, "参考") == {ids["city"]}
    assert found(library, "poster") == {ids["city"]}
    library.remove_tags([ids["dog_en"]], ["宠物"])
    library.set_note(ids["city"], "")
    assert found(library, "宠物") == set()
    assert found(library, "poster") == set()
    assert found(library, "favourite") == {ids["dog_en"]}


def test_filters_combine(filled: tuple[Library, dict[str, int]]) -> None:
    library, ids = filled
    library.set_rating([ids["sakura"], ids["city"]], 4)
    library.set_rating([ids["sakura_cat"]], 2)
    library.set_favourite([ids["sakura_cat"], ids["city"]], True)
    library.set_rejected([ids["sakura"]], True)
    assert found(library, "", min_rating=3) == {ids["sakura"], ids["city"]}
    assert found(library, "樱花", min_rating=3, hide_rejected=True) == set()
    assert found(library, "樱花", favourites_only=True) == {ids["sakura_cat"]}
    assert found(library, "", model="step-2x-large") == {ids["dog_en"], ids["city"]}
    assert found(library, "city", model="step-1x-medium") == set()
    assert found(library, "", size="1024x1024") == set(ids.values())
    assert found(library, "", size="512x512") == set()
    collection = library.create_collection("海报")
    library.add_to_collection([ids["cat_zh"], ids["dog_en"]], collection)
    assert found(library, "", collection_id=collection) == {ids["cat_zh"], ids["dog_en"]}
    assert found(library, "猫", collection_id=collection) == {ids["cat_zh"]}
    library.add_tags([ids["flower"]], ["garden"])
    assert found(library, "", tag="garden") == {ids["flower"]}


def test_sorts_and_paging(filled: tuple[Library, dict[str, int]]) -> None:
    library, ids = filled
    in_order = list(ids.values())
    assert library.query_ids(ImageQuery()) == in_order[::-1]
    assert library.query_ids(ImageQuery(sort="oldest")) == in_order
    assert library.query_ids(ImageQuery(), offset=2, limit=3) == in_order[::-1][2:5]
    library.set_rating([ids["flower"]], 5)
    library.set_rating([ids["cat_zh"]], 3)
    by_rating = library.query_ids(ImageQuery(sort="rating"))
    assert by_rating[:2] == [ids["flower"], ids["cat_zh"]]


def test_date_range(filled: tuple[Library, dict[str, int]]) -> None:
    library, ids = filled
    records = [library.get(i) for i in ids.values()]
    times = sorted(r.created_at for r in records if r is not None)
    middle = ImageQuery(created_from=times[1], created_to=times[-2])
    assert library.count(middle) == len(times) - 2


def test_results_follow_writes_at_once(filled: tuple[Library, dict[str, int]]) -> None:
    library, _ids = filled
    query = ImageQuery(text="猫")
    before = library.query_ids(query)
    newer = library.ingest_result(simple_result("黑猫 black cat", 50))
    assert library.query_ids(query) == [newer, *before]
    assert library.count(query) == len(before) + 1
    library.move_to_trash([newer])
    assert library.query_ids(query) == before
    assert library.query_ids(ImageQuery(text="猫", trash=True)) == [newer]


@pytest.mark.parametrize("recent_scan", [1, 3, 4000])
@pytest.mark.parametrize("ordered_min", [0, 1500])
@pytest.mark.parametrize("text", ["花", "cat", "a", "A", "樱花 cat", "ai 花", "鲸鱼", "ROSES"])
def test_a_first_page_is_the_start_of_the_whole_list(
    filled: tuple[Library, dict[str, int]], recent_scan: int, ordered_min: int, text: str
) -> None:
    # A first page may come from the newest rows instead of the indexes; whichever way it came,
    # it is exactly the start of the list that the indexes give, in every sort.
    library, _ids = filled
    library.first_page_tuning = FirstPageTuning(
        ordered_min=ordered_min, recent_share=0.0, recent_scan=recent_scan
    )
    for sort in ("newest", "oldest", "rating"):
        query = ImageQuery(text=text, sort=sort)  # type: ignore[arg-type]
        library.clear_query_cache()
        first_pages = {limit: library.query_ids(query, 0, limit) for limit in range(1, 6)}
        whole = library.query_ids(query, 0, 1000)
        assert len(whole) == library.count(query)
        for limit, page in first_pages.items():
            assert page == whole[:limit], (limit, sort)
