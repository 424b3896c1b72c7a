"""Library and providers: provider, cost, references, options and big seeds, on real files."""

from __future__ import annotations

import shutil
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from test_library_support import provider_request, reference, result_for, simple_result

from stepfun_studio.core.metadata import JSON_KEYWORD, parse_metadata_json
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.library.pngchunks import PNG_SIGNATURE
from stepfun_studio.library.schema import MIGRATIONS, SCHEMA_VERSION, split_statements


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    opened = Library.open(app_paths)
    yield opened
    opened.close()


def reference_files(paths: AppPaths) -> list[Path]:
    return sorted(p for p in (paths.library_dir / "references").rglob("*.*") if p.is_file())


def chunk_types(data: bytes) -> list[bytes]:
    kinds, position = [], len(PNG_SIGNATURE)
    while position + 8 <= len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kinds.append(data[position + 4 : position + 8])
        position += 12 + length
    return kinds


def test_provider_references_mask_and_options_round_trip(library: Library) -> None:
    request = provider_request()
    image_id = library.ingest_result(result_for(request, seed=0))
    record = library.get(image_id)
    assert record is not None
    assert (record.provider, record.model, record.mode) == ("openai", "gpt-image-1", "edits")
    assert record.options == request.options
    assert [name for _sha, name in record.references] == ["瓶子.png", "box.jpg", "label, v2.png"]
    assert [sha for sha, _name in record.references] == [r.sha256 for r in request.references]
    assert record.mask == (request.mask.sha256, "mask.png")  # type: ignore[union-attr]
    assert library.request_for(image_id) == request


def test_each_reference_file_is_stored_once_by_hash(library: Library, app_paths: AppPaths) -> None:
    first = provider_request()
    library.ingest_result(result_for(first, pixels=1))
    assert len(reference_files(app_paths)) == 5  # source, three references, mask
    # A second picture sharing the list, with its order changed and one new source.
    second = first.with_changes(
        prompt="again", references=first.references[::-1], source=reference(40, "other.png")
    )
    second_id = library.ingest_result(result_for(second, pixels=2))
    assert len(reference_files(app_paths)) == 6
    assert library.request_for(second_id).references == first.references[::-1]
    for image in first.references:
        assert library.reference_path(image.sha256) in reference_files(app_paths)


def test_cost_is_the_providers_figure_else_the_tables_price(library: Library) -> None:
    reported = replace(result_for(provider_request(), pixels=1), cost=0.19, currency="USD")
    listed = result_for(provider_request("listed"), pixels=2)  # quality high: $0.167
    kolors = result_for(
        GenerationRequest(prompt="free", provider="siliconflow", model="Kwai-Kolors/Kolors"),
        pixels=3,
    )
    unpriced = simple_result("no price", 4)  # step-1x-medium: the table has no price
    costs = []
    for result in (reported, listed, kolors, unpriced):
        record = library.get(library.ingest_result(result))
        assert record is not None
        costs.append((record.cost, record.currency))
    assert costs == [(0.19, "USD"), (0.167, "USD"), (0.0, "CNY"), (None, None)]
    path = library.original_path(library.query_ids(ImageQuery(text="listed"))[0])
    with Image.open(path) as image:
        meta = parse_metadata_json(image.info[JSON_KEYWORD])
    assert (meta.cost, meta.currency) == (0.167, "USD")


@pytest.mark.parametrize("seed", [2**63, 9_999_999_999, 2**64 - 1])
def test_seeds_past_sqlite_integers_are_kept_exactly(app_paths: AppPaths, seed: int) -> None:
    library = Library.open(app_paths)
    try:
        request = GenerationRequest(prompt="a big seed", model="Kwai-Kolors/Kolors", seed=seed)
        image_id = library.ingest_result(result_for(request, seed=seed))
        record = library.get(image_id)
        assert record is not None and (record.seed, record.returned_seed) == (seed, seed)
        assert library.request_for(image_id).seed == seed
    finally:
        library.close()
    rebuilt = Library.rebuild_from_files(app_paths)
    try:
        (image_id,) = rebuilt.query_ids(ImageQuery())
        record = rebuilt.get(image_id)
        assert record is not None and (record.seed, record.returned_seed) == (seed, seed)
    finally:
        rebuilt.close()


def test_a_version_2_library_gets_providers_and_costs(app_paths: AppPaths) -> None:
    app_paths.library_dir.mkdir(parents=True)
    columns = (
        "sha, ext, origin, model, mode, prompt, size, steps, cfg_scale, seed, response_format, "
        "source_weight, style_weight, created_at, width, height"
    )
    with sqlite3.connect(app_paths.database_path) as connection:
        for version in MIGRATIONS[:2]:
            for statement in split_statements(str(version[0])):
                connection.execute(statement)
        for sha, origin, model in (
            ("aa", "generated", "step-2x-large"),
            ("bb", "generated", "step-1x-medium"),
            ("cc", "imported", "step-2x-large"),
        ):
            connection.execute(
                f"INSERT INTO images ({columns}) VALUES (?, 'png', ?, ?, 'generations', 'old', "
                "'1024x1024', 50, 7.5, 5, 'url', 0.5, 1.0, 1.0, 64, 64)",
                (sha, origin, model),
            )
        connection.execute("PRAGMA user_version = 2")
    connection.close()
    library = Library.open(app_paths)
    try:
        records = [library.get(image_id) for image_id in (1, 2, 3)]
        assert [r.provider for r in records if r] == ["stepfun"] * 3
        assert [(r.cost, r.currency) for r in records if r] == [
            (0.1, "CNY"),  # step-2x-large's list price
            (None, None),  # step-1x-medium has none
            (None, None),  # imported: nobody paid for it here
        ]
        assert library.count(ImageQuery(provider="stepfun")) == 3
    finally:
        library.close()
    with sqlite3.connect(app_paths.database_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
    connection.close()


def test_filter_by_provider_and_the_providers_present(library: Library) -> None:
    stepfun = library.ingest_result(simple_result("一只猫 stepfun", 1))
    openai = library.ingest_result(result_for(provider_request("一只猫 openai"), pixels=2))
    ark = library.ingest_result(
        result_for(
            GenerationRequest(prompt="a dog", provider="ark", model="doubao-seedream-4-0-250828"),
            pixels=3,
        )
    )
    assert library.query_ids(ImageQuery(provider="openai")) == [openai]
    assert library.query_ids(ImageQuery(provider="ark")) == [ark]
    assert library.query_ids(ImageQuery(text="猫", provider="stepfun")) == [stepfun]
    assert library.count(ImageQuery(provider="siliconflow")) == 0
    present = library.providers_present(("stepfun", "openai", "ark", "siliconflow", "compatible"))
    assert present == ["stepfun", "openai", "ark"]


def test_emptying_the_trash_keeps_references_others_still_use(
    library: Library, app_paths: AppPaths
) -> None:
    doomed_request = provider_request()
    shared, job_only, gone = doomed_request.references
    keeper = library.ingest_result(
        result_for(GenerationRequest(prompt="keeper", references=(shared,)), pixels=1)
    )
    doomed = library.ingest_result(result_for(doomed_request, pixels=2))
    library.jobs.add([GenerationRequest(prompt="queued", mask=job_only)])
    library.move_to_trash([doomed])
    assert library.empty_trash() == 1
    assert library.reference_path(shared.sha256) is not None
    assert library.reference_path(job_only.sha256) is not None  # a queued job sends it
    assert library.reference_path(gone.sha256) is None
    assert library.reference_path(doomed_request.mask.sha256) is None  # type: ignore[union-attr]
    left = {path.name.split(".")[0] for path in reference_files(app_paths)}
    assert left == {shared.sha256, job_only.sha256}
    assert library.request_for(keeper).references == (shared,)


def test_jobs_keep_provider_references_mask_and_options(library: Library) -> None:
    request = provider_request()
    (job_id,) = library.jobs.add([request])
    job = library.jobs.get(job_id)
    assert job is not None and job.request == request


def test_rebuild_gives_back_provider_references_and_cost(app_paths: AppPaths) -> None:
    request = provider_request()
    library = Library.open(app_paths)
    try:
        library.ingest_result(result_for(request, pixels=1))
    finally:
        library.close()
    rebuilt = Library.rebuild_from_files(app_paths)
    try:
        (image_id,) = rebuilt.query_ids(ImageQuery(provider="openai"))
        assert rebuilt.request_for(image_id) == request
        record = rebuilt.get(image_id)
        assert record is not None and (record.cost, record.currency) == (0.167, "USD")
    finally:
        rebuilt.close()


def test_metadata_comes_before_the_image_data(library: Library, tmp_path: Path) -> None:
    path = library.original_path(library.ingest_result(result_for(provider_request())))
    data = path.read_bytes()
    kinds = chunk_types(data)
    assert kinds.index(b"iTXt") < kinds.index(b"IDAT")
    assert kinds.count(b"iTXt") == 2 and kinds[-1] == b"IEND"
    # Image data broken after the IDAT header, and a file cut off inside it: the header
    # readers (Pillow's `info`) still find both texts without decoding a pixel.
    idat = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[idat - 4 : idat])
    corrupted = tmp_path / "corrupted.png"
    corrupted.write_bytes(data[: idat + 4] + b"\xff" * length + data[idat + 4 + length :])
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(data[: idat + 4 + length // 2])
    for broken in (corrupted, truncated):
        with Image.open(broken) as image:
            assert image.info["parameters"].startswith(provider_request().prompt)
            assert "Provider: openai" in image.info["parameters"]
            assert parse_metadata_json(image.info[JSON_KEYWORD]).request().provider == "openai"
            with pytest.raises((OSError, SyntaxError, ValueError)):
                image.load()
    # The stored file itself decodes, and a copy reads back as the same request.
    copy = tmp_path / "copy.png"
    shutil.copyfile(path, copy)
    with Image.open(copy) as image:
        image.load()
    assert library.read_parameters(copy) == provider_request()


def test_spend_is_summed_per_currency_by_day_provider_and_collection(library: Library) -> None:
    openai = [
        library.ingest_result(result_for(provider_request(f"openai {n}"), pixels=n))
        for n in range(3)
    ]
    stepfun = [
        library.ingest_result(
            result_for(GenerationRequest(prompt=f"step {n}", model="step-2x-large"), pixels=10 + n)
        )
        for n in range(2)
    ]
    library.ingest_result(simple_result("no price", 20))
    collection = library.create_collection("Client A")
    library.add_to_collection([openai[0], stepfun[0]], collection)
    library.move_to_trash([openai[2]])  # trashed pictures were paid for all the same
    report = library.spend_report()
    totals = {line.currency: (round(line.amount, 6), line.pictures) for line in report.totals}
    assert totals == {"USD": (0.501, 3), "CNY": (0.2, 2)}
    providers = {(s.key, s.currency): round(s.amount, 6) for s in report.by_provider}
    assert providers == {("openai", "USD"): 0.501, ("stepfun", "CNY"): 0.2}
    collections = {(s.key, s.currency): round(s.amount, 6) for s in report.by_collection}
    assert collections == {("Client A", "USD"): 0.167, ("Client A", "CNY"): 0.1}
    assert len({line.key for line in report.by_day}) == 1  # all made today
    assert report.unpriced == 1
