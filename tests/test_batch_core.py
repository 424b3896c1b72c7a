"""The batch plan's rules and arithmetic (core), its pictures on disk (api), its table (library)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from stepfun_studio.api.batch_pictures import list_pictures, read_pictures, read_sidecar
from stepfun_studio.core.batch import (
    BatchMode,
    BudgetGuard,
    batch_modes,
    budget_problem,
    estimate,
    fill_prompt,
    format_duration,
    may_be_billed,
    picture_prompt,
    request_for,
    schedule_seconds,
    takes_source_weight,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.validation import validate
from stepfun_studio.library.batches import BatchSettings, BatchState, ItemState, NewItem
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library


def png(colour: tuple[int, int, int] = (90, 30, 30)) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", 64, 48, name="p.png")


@pytest.mark.parametrize(
    ("model", "modes"),
    [
        ("step-2x-large", (BatchMode.REDRAW,)),
        ("gpt-image-1", (BatchMode.EDIT, BatchMode.REFERENCE)),
        ("doubao-seedream-4-0-250828", (BatchMode.EDIT, BatchMode.REFERENCE)),
        ("Kwai-Kolors/Kolors", (BatchMode.REDRAW,)),
        ("Qwen/Qwen-Image", ()),
    ],
)
def test_batch_modes_come_from_the_model_spec(model: str, modes: tuple[BatchMode, ...]) -> None:
    assert batch_modes(model_table().require(model)) == modes


def test_source_weight_only_where_the_model_has_one() -> None:
    table = model_table()
    assert takes_source_weight(table.require("step-2x-large"), BatchMode.REDRAW)
    assert not takes_source_weight(table.require("Kwai-Kolors/Kolors"), BatchMode.REDRAW)


def test_prompts_fill_the_filename_and_leave_other_braces() -> None:
    assert fill_prompt("a {filename} in {style}", "cat") == "a cat in {style}"
    assert picture_prompt("x {filename}", "dog", None) == "x dog"
    assert picture_prompt("x {filename}", "dog", "  ") == "x dog"
    assert picture_prompt("x", "dog", "own words for the {filename}\n") == "own words for the dog"


@pytest.mark.parametrize(
    ("model", "mode", "sent_mode", "as_source"),
    [
        ("step-2x-large", BatchMode.REDRAW, Mode.REDRAW, True),
        ("gpt-image-1", BatchMode.EDIT, Mode.EDIT, True),
        ("gpt-image-1", BatchMode.REFERENCE, Mode.EDIT, False),
        ("Qwen/Qwen-Image-Edit-2509", BatchMode.REFERENCE, Mode.EDIT, False),
    ],
)
def test_each_picture_becomes_a_valid_request_of_its_mode(
    model: str, mode: BatchMode, sent_mode: Mode, as_source: bool
) -> None:
    spec = model_table().require(model)
    template = GenerationRequest(
        model=model, provider=spec.provider, size=(spec.sizes or ("1024x1024",))[0], n=4
    )
    picture = png()
    request = request_for(template, spec, mode, picture, "the prompt")
    assert request.mode is sent_mode and request.n == 1 and request.prompt == "the prompt"
    assert (request.source is picture) is as_source
    assert request.references == (() if as_source else (picture,))
    assert validate(request) == []


def test_schedule_keeps_the_at_once_and_per_minute_limits() -> None:
    assert schedule_seconds(0, 5, 10, 20) == 0
    assert schedule_seconds(5, 5, 10, 20) == 20  # all at once
    assert schedule_seconds(6, 5, 10, 20) == 40  # the sixth waits for a slot
    # 10 a minute: pictures 11-20 start a minute after 1-10.
    assert schedule_seconds(20, 100, 10, 5) == 65
    assert schedule_seconds(3, 1, 60, 10) == 30


def test_estimate_and_budget() -> None:
    template = GenerationRequest(model="step-2x-large", provider="stepfun")
    plan = estimate(template, 3, concurrency=1, per_minute=10, seconds_each=30)
    assert plan.total == pytest.approx(0.3) and plan.currency == "CNY" and plan.seconds == 90
    assert format_duration(plan.seconds) == "2 min"
    assert budget_problem(plan, None) is None
    assert budget_problem(plan, 0.3) is None
    refused = budget_problem(plan, 0.25)
    assert refused is not None and "at most 2 pictures" in refused and "¥0.30" in refused
    assert budget_problem(plan, 0) is not None
    priced_by_quality = GenerationRequest(
        model="gpt-image-1", provider="openai", options=(("quality", "high"),)
    )
    assert estimate(priced_by_quality, 2, concurrency=5, per_minute=5).total == pytest.approx(0.334)


def test_budget_guard_counts_sent_jobs_and_settles_known_costs() -> None:
    guard = BudgetGuard(budget=0.25, price_each=0.1)
    assert guard.allows_next()
    guard.charge()
    guard.charge()
    assert not guard.allows_next()  # a third would reach 0.30
    guard.settle(0.02)  # the first cost less than the table said
    assert guard.allows_next()
    guard.refund()
    assert guard.spent == pytest.approx(0.02)
    assert not BudgetGuard(budget=1.0, price_each=None).allows_next()
    assert BudgetGuard(budget=None, price_each=None).allows_next()


def test_which_failures_may_have_been_billed() -> None:
    assert may_be_billed(AppError(ErrorKind.TIMEOUT, "slow"))
    assert may_be_billed(AppError(ErrorKind.NETWORK, "lost", warns_of_billing=True))
    assert not may_be_billed(AppError(ErrorKind.AUTH, "bad key"))
    assert not may_be_billed(AppError(ErrorKind.RATE_LIMIT, "429"))


def test_pictures_on_disk_with_sidecars(tmp_path: Path) -> None:
    for name in ("b.png", "A.jpg", ".hidden.png", "c.txt"):
        if name.endswith(".txt"):
            (tmp_path / name).write_text("x")
        else:
            Image.new("RGB", (300, 200)).save(tmp_path / name)
    (tmp_path / "sub").mkdir()
    Image.new("RGB", (300, 200)).save(tmp_path / "sub" / "d.png")
    (tmp_path / "bad.png").write_bytes(b"not a picture")
    (tmp_path / "b.txt").write_text("\ufeffa blue\n  {filename} ", encoding="utf-8")
    found = list_pictures([tmp_path, tmp_path / "b.png"])
    assert [path.name for path in found] == ["A.jpg", "b.png", "bad.png"]
    assert read_sidecar(tmp_path / "b.png") == "a blue {filename}"
    assert read_sidecar(tmp_path / "A.jpg") is None
    pictures, refused = read_pictures(found, BatchMode.REDRAW, sidecars=True)
    assert [p.path.name for p in pictures] == ["A.jpg", "b.png"]
    assert [p.sidecar for p in pictures] == [None, "a blue {filename}"]
    assert [r.path.name for r in refused] == ["bad.png"] and refused[0].reason


def test_the_table_keeps_a_batch_and_reconciles_its_jobs(app_paths: AppPaths) -> None:
    settings = BatchSettings(
        GenerationRequest(model="step-2x-large", provider="stepfun"), BatchMode.REDRAW, "{filename}"
    )
    with Library.open(app_paths) as library:
        collection = library.create_collection("Kept")
        items = [NewItem(png((i * 60, 0, 0)), f"{i}.png", f"p{i}") for i in range(5)]
        batch_id = library.batches.create("Kept", settings, items, collection)
        job_ids = library.jobs.add(
            [GenerationRequest(model="step-2x-large", prompt=f"p{i}") for i in range(3)]
            # The queue took item 4's job, but the app stopped before the item heard its id.
            + [GenerationRequest(model="step-2x-large", mode=Mode.REDRAW, source=items[4].picture)]
        )
        library.jobs.set_state(job_ids[0], JobState.RUNNING)  # in flight when the app stopped
        library.jobs.set_state(job_ids[1], JobState.FAILED, error_message="refused")
        store = library.batches
        store.set_item(batch_id, 0, ItemState.QUEUED, job_id=job_ids[0])
        store.set_item(batch_id, 1, ItemState.QUEUED, job_id=job_ids[1])
        store.set_item(batch_id, 2, ItemState.QUEUED, job_id=job_ids[2])  # still waiting
        store.set_item(batch_id, 3, ItemState.SUBMITTING)
        store.set_item(batch_id, 4, ItemState.SUBMITTING)
        batch = store.reconcile(batch_id)
        assert batch is not None and batch.state is BatchState.READY
        assert [item.state for item in batch.items] == [
            ItemState.MAYBE_BILLED,
            ItemState.FAILED,
            ItemState.QUEUED,
            ItemState.MAYBE_BILLED,
            ItemState.QUEUED,
        ]
        assert batch.items[4].job_id == job_ids[3]
        assert batch.items[1].error == "refused"
        assert store.picture(batch.items[0]).data == items[0].picture.data
        assert store.list_batches() == [(batch_id, "Kept", BatchState.READY)]
        # Its pictures survive emptying the trash: the batch still needs them.
        assert library.empty_trash() == 0
        assert store.picture(batch.items[3]).data == items[3].picture.data
