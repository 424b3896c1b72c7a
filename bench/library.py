"""Library at 100,000 images: open + first page, 20 searches, broad counts, ingest, size.

Builds the library in a temporary STEPFUN_STUDIO_HOME (rows through executemany, plus a small
real WebP thumbnail file per image), then measures through the public `Library` API. Prints a
table, then one JSON object of figures as the last line.

    .venv/bin/python bench/library.py [--images 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.library.search import gram_tokens, search_text
from stepfun_studio.library.thumbnails import ThumbnailCache

CHINESE = (  # noqa: SIM905 - a word list reads better as one string
    "猫 狗 樱花 城市 夜景 少女 山 海 森林 赛博朋克 水墨山水 古风 宇航员 机器人 花园 玫瑰 "
    "雪山 湖泊 星空 龙 老虎 熊猫 茶杯 灯笼 庙宇 街道 雨夜 咖啡馆 书店 火车 海边 日落 "
    "晨雾 竹林 瀑布 金鱼 荷花 油画 插画 水彩 摄影 写实 动漫 可爱 温暖 冷色调"
).split()
ENGLISH = (  # noqa: SIM905
    "cat dog cherry blossom city night girl mountain ocean forest cyberpunk ink painting "
    "astronaut robot garden rose snow lake starry sky dragon tiger panda teacup lantern temple "
    "street rainy cafe bookstore train beach sunset misty bamboo waterfall goldfish lotus oil "
    "illustration watercolor photography realistic anime cute warm cinematic lighting detailed"
).split()
MODELS = ("step-1x-medium", "step-2x-large", "step-image-edit-2")
SIZES = ("1024x1024", "768x768", "1280x800", "800x1280", "512x512")


def make_prompt(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(4, 12)):
        parts.append(rng.choice(CHINESE) if rng.random() < 0.5 else rng.choice(ENGLISH))
    joiner = rng.choice(("", " ", ", ", "，"))
    return joiner.join(parts)


def thumbnail_variants(count: int) -> list[bytes]:
    variants = []
    for index in range(count):
        buffer = io.BytesIO()
        colour = (index * 37 % 256, index * 91 % 256, index * 53 % 256)
        Image.new("RGB", (256, 256), colour).save(buffer, "WEBP", quality=60)
        variants.append(buffer.getvalue())
    return variants


def build(paths: AppPaths, total: int, rng: random.Random) -> float:
    """Fills the library with `total` images; returns seconds taken."""
    started = time.perf_counter()
    Library.open(paths).close()
    connection = sqlite3.connect(paths.database_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = OFF")
    thumbs = ThumbnailCache(paths.thumbnails_dir)
    variants = thumbnail_variants(64)
    now = time.time()
    batch = 10_000
    connection.execute("BEGIN")
    for start in range(0, total, batch):
        rows = []
        texts = []
        for index in range(start, min(total, start + batch)):
            sha = hashlib.sha256(f"bench-{index}".encode()).hexdigest()
            prompt = make_prompt(rng)
            size = rng.choice(SIZES)
            width, height = (int(v) for v in size.split("x"))
            created = now - (total - index) * 60.0
            rows.append(
                (
                    index + 1,
                    sha,
                    "png",
                    "generated",
                    rng.choice(MODELS),
                    "generations",
                    prompt,
                    "",
                    size,
                    50,
                    7.5,
                    0,
                    rng.randrange(1, 2**31),
                    "b64_json",
                    0,
                    1,
                    None,
                    "",
                    0.5,
                    None,
                    "",
                    1.0,
                    "success",
                    f"trace-{index}",
                    4.2,
                    created,
                    width,
                    height,
                    rng.choice((0, 0, 0, 1, 2, 3, 4, 5)),
                    int(rng.random() < 0.1),
                    int(rng.random() < 0.05),
                )
            )
            texts.append((index + 1, search_text(prompt, [], "")))
            path = thumbs.path_for(sha, 256)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(variants[index % len(variants)])
        connection.executemany(
            "INSERT INTO images (id, sha, ext, origin, model, mode, prompt, negative_prompt, "
            "size, steps, cfg_scale, seed, returned_seed, response_format, text_mode, n, "
            "source_sha, source_name, source_weight, style_sha, style_name, style_weight, "
            "finish_reason, trace_id, elapsed_s, created_at, width, height, rating, favourite, "
            "rejected) VALUES (" + ", ".join("?" * 31) + ")",
            rows,
        )
        connection.executemany("INSERT INTO search_text (image_id, text) VALUES (?, ?)", texts)
        connection.executemany(
            "INSERT INTO search_grams (rowid, grams) VALUES (?, ?)",
            [(image_id, gram_tokens(text)) for image_id, text in texts],
        )
    connection.execute("INSERT INTO search_trigram (search_trigram) VALUES ('rebuild')")
    connection.execute("INSERT INTO tags (id, name) VALUES (1, '精选'), (2, 'poster')")
    connection.executemany(
        "INSERT INTO image_tags (tag_id, image_id) VALUES (?, ?)",
        [(1 + (i % 2), i) for i in range(1, total + 1, 37)],
    )
    connection.execute(
        "INSERT INTO collections (id, name, created_at) VALUES (1, '壁纸', ?)", (now,)
    )
    connection.executemany(
        "INSERT INTO collection_items (collection_id, image_id, added_at) VALUES (1, ?, ?)",
        [(i, now) for i in range(1, total + 1, 23)],
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # No ANALYZE: a user's library has no statistics either, so measure without them.
    connection.close()
    return time.perf_counter() - started


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def timed_both(action: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, this thread's CPU ms): CPU time is what the code costs on a busy machine."""
    started, started_cpu = time.perf_counter(), time.thread_time()
    action()
    return (time.perf_counter() - started) * 1000, (time.thread_time() - started_cpu) * 1000


def open_and_first_page(paths: AppPaths) -> float:
    """What start-up costs before the gallery can paint: open, first 200 ids, their cells."""
    opened: list[Library] = []

    def action() -> None:
        library = Library.open(paths)
        opened.append(library)
        library.summaries(library.query_ids(ImageQuery(), 0, 200))

    elapsed = timed(action)
    opened[0].close()  # at quit, not at start: outside the timing
    return elapsed


SEARCHES: list[tuple[str, ImageQuery]] = [
    ("en word: cat", ImageQuery(text="cat")),
    ("en word: sunset", ImageQuery(text="sunset")),
    ("en two words: cyberpunk city", ImageQuery(text="cyberpunk city")),
    ("en rare: waterfall lotus", ImageQuery(text="waterfall lotus")),
    ("zh 1 char: 猫", ImageQuery(text="猫")),
    ("zh 1 char: 龙", ImageQuery(text="龙")),
    ("zh 1 char: 雪", ImageQuery(text="雪")),
    ("zh 2 chars: 樱花", ImageQuery(text="樱花")),
    ("zh 2 chars: 城市", ImageQuery(text="城市")),
    ("zh 2 chars: 熊猫", ImageQuery(text="熊猫")),
    ("zh 4 chars: 赛博朋克", ImageQuery(text="赛博朋克")),
    ("zh 4 chars: 水墨山水", ImageQuery(text="水墨山水")),
    ("mixed: 樱花 girl", ImageQuery(text="樱花 girl")),
    ("text+rating>=4+fav", ImageQuery(text="猫", min_rating=4, favourites_only=True)),
    ("model+size", ImageQuery(model="step-2x-large", size="1280x800")),
    ("tag+text", ImageQuery(tag="精选", text="city")),
    ("collection+hide rejected", ImageQuery(collection_id=1, hide_rejected=True)),
    ("date range+text", ImageQuery(text="山", created_from=time.time() - 86400 * 20)),
    ("sort by rating", ImageQuery(sort="rating", min_rating=3)),
    ("oldest+2 chars", ImageQuery(text="星空", sort="oldest")),
]


def reference_ms(library: Library) -> float:
    """One bare FTS5 MATCH (樱花's rowids, read into Python): the machine's speed right now.

    The machine is shared; a search figure divided by this one, taken in the same breath,
    says more about the code than the figure alone.
    """
    token = gram_tokens("樱花").split()[-1]
    connection = sqlite3.connect(library.paths.database_path)
    try:
        return timed(
            lambda: connection.execute(
                "SELECT rowid FROM search_grams WHERE search_grams MATCH ?", (token,)
            ).fetchall()
        )
    finally:
        connection.close()


def search_times(
    library: Library, repeats: int = 3
) -> tuple[list[tuple[str, float, int, float]], list[float]]:
    """Each search as the gallery runs it (first page, count, cells), uncached.

    Each is run `repeats` times and its median kept: on a shared 2-core machine one run can
    lose its core for 100 ms to another process, which says nothing about the query. The
    reference (a bare FTS5 MATCH) is timed between the runs, so it sees the same machine.
    """
    results = []
    references = []
    for label, query in SEARCHES:
        holder: list[int] = []

        def action(query: ImageQuery = query, holder: list[int] = holder) -> None:
            library.clear_query_cache()
            ids = library.query_ids(query, 0, 200)
            holder.append(library.count(query))
            library.summaries(ids)

        runs, cpu = [], []
        for _ in range(repeats):
            wall_ms, cpu_ms = timed_both(action)
            runs.append(wall_ms)
            cpu.append(cpu_ms)
            references.append(reference_ms(library))
        results.append((label, statistics.median(runs), holder[0], statistics.median(cpu)))
    return results, references


# Searches that match a large share of the library: their count is what the gallery waits for.
BROAD = ("a", "e", "s", "猫", "山", "ing", "cat")


def count_shown_times(library: Library) -> tuple[list[tuple[str, float, float]], float]:
    """(label, ms to count known, ms to whole list) per broad search; and the longest first.

    "Count known" is the gallery's road: its first page, then `Library.count` (a COUNT, on
    the lister thread). The whole list (every id, gathered and sorted) is what the count used
    to wait for, shown beside it.
    """
    results = []
    for text in BROAD:
        query = ImageQuery(text=text)

        def shown(query: ImageQuery = query) -> None:
            library.clear_query_cache()
            library.query_ids(query, 0, 241)
            library.count(query)

        def whole(query: ImageQuery = query) -> None:
            library.clear_query_cache()
            library.query_ids(query, 0, 1 << 40)

        shown_ms = statistics.median(timed(shown) for _ in range(3))
        results.append((text, shown_ms, timed(whole)))
    return results, max(ms for _text, ms, _whole in results)


def api_like_png(rng: random.Random) -> bytes:
    """A 1024x1024 PNG that compresses like a picture (gradients and texture), ~1-2 MB."""
    base = Image.linear_gradient("L").resize((1024, 1024))
    noise = Image.frombytes("L", (1024, 1024), rng.randbytes(1024 * 1024))
    image = Image.merge("RGB", (base, Image.blend(base, noise, 0.3), noise.point(lambda v: v // 4)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def ingest_times(library: Library, rng: random.Random, count: int = 9) -> tuple[list[float], int]:
    pictures = [api_like_png(rng) for _ in range(count)]
    times = []
    for index, data in enumerate(pictures):
        result = GenerationResult(
            request=GenerationRequest(prompt=f"基准测试 benchmark {index}", seed=index + 1),
            image_bytes=data,
            seed=index + 1,
            finish_reason="success",
            width=1024,
            height=1024,
        )
        times.append(timed(lambda result=result: library.ingest_result(result)))
    return times, len(pictures[0])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    args = parser.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="stepfun-bench-"))
    paths = AppPaths.under(home)
    rng = random.Random(7)
    load_at_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0
    try:
        build_s = build(paths, args.images, rng)
        opens = [open_and_first_page(paths) for _ in range(5)]
        library = Library.open(paths)
        searches, references = search_times(library)
        counts, count_shown_max = count_shown_times(library)
        ingests, png_size = ingest_times(library, rng)
        library.close()
        db_bytes = sum(
            p.stat().st_size for p in paths.library_dir.glob("library.sqlite3*") if p.is_file()
        )
    finally:
        if args.keep is None:
            shutil.rmtree(home, ignore_errors=True)

    search_ms = [ms for _label, ms, _n, _cpu in searches]
    search_cpu_ms = [cpu for _label, _ms, _n, cpu in searches]
    print(f"Library benchmark: {args.images:,} images (built in {build_s:.1f} s)")
    print(f"{'measure':44} {'ms':>9} {'matches':>9} {'CPU ms':>9}")
    print(f"{'open + first page of 200 (first run)':44} {opens[0]:9.1f}")
    print(f"{'open + first page of 200 (median of 5)':44} {statistics.median(opens):9.1f}")
    for label, ms, matches, cpu_ms in searches:
        print(f"{'search ' + label:44} {ms:9.1f} {matches:9,} {cpu_ms:9.1f}")
    print(f"{'search median':44} {statistics.median(search_ms):9.1f}")
    print(f"{'search p95':44} {percentile(search_ms, 0.95):9.1f}")
    reference = statistics.median(references)
    p95 = percentile(search_ms, 0.95)
    print(f"{'reference: bare FTS5 MATCH 樱花 (median)':44} {reference:9.1f}")
    print(f"{'search p95 / reference':44} {p95 / reference:9.1f}")
    print(f"{'search p95 in CPU time (this thread)':44} {percentile(search_cpu_ms, 0.95):9.1f}")
    for text, shown_ms, whole_ms in counts:
        print(f"{'count shown ' + text + ' (whole list)':44} {shown_ms:9.1f} {whole_ms:9.1f}")
    print(f"{'ingest 1024x1024 PNG median':44} {statistics.median(ingests):9.1f}")
    print(f"{'  (PNG size KB)':44} {png_size / 1024:9.0f}")
    print(f"{'database size MB':44} {db_bytes / 1e6:9.1f}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else -1.0
    print(f"{'machine load average (1 min) at the end':44} {load:9.1f}")
    figures = {
        "images": args.images,
        "load_avg_1m": round(load, 1),
        "load_avg_1m_at_start": round(load_at_start, 1),
        "build_s": round(build_s, 1),
        "open_first_page_ms": round(opens[0], 1),
        "open_first_page_median_ms": round(statistics.median(opens), 1),
        "search_median_ms": round(statistics.median(search_ms), 1),
        "search_p95_ms": round(percentile(search_ms, 0.95), 1),
        "search_max_ms": round(max(search_ms), 1),
        "search_reference_ms": round(reference, 2),
        "search_p95_ratio": round(p95 / reference, 1),
        "search_p95_cpu_ms": round(percentile(search_cpu_ms, 0.95), 1),
        "count_shown_max_ms": round(count_shown_max, 1),
        "whole_list_max_ms": round(max(whole for _t, _s, whole in counts), 1),
        "ingest_median_ms": round(statistics.median(ingests), 1),
        "database_mb": round(db_bytes / 1e6, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
