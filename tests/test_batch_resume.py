"""A batch through the real queue and worker, stopped mid-flight and resumed in a new Studio.

The app "stops" while a picture is on its way: the next Studio on the same home must mark that
picture as maybe billed and send only what was never sent, until the user asks for the rest.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from stepfun_studio.core.batch import BatchMode
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.jobs.batch_runner import BatchRunner
from stepfun_studio.library.batches import BatchSettings, BatchState, ItemState, NewItem
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.studio import Studio, StudioOptions

KEY = "sk-BatchResume1234567890abcdef"


def picture(colour: tuple[int, int, int], name: str) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 192), colour).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", 256, 192, name=name)


ITEMS = [
    NewItem(picture((200, 40, 40), "a.png"), "a.png", "red a"),
    NewItem(picture((40, 200, 40), "b.png"), "b.png", "green b"),
    NewItem(picture((40, 40, 200), "c.png"), "c.png", "blue c"),
]
SETTINGS = BatchSettings(
    GenerationRequest(model="step-2x-large", provider="stepfun", size="512x512", steps=20),
    BatchMode.REDRAW,
    "{filename}",
)


@pytest.fixture
def server() -> Iterator[StandinServer]:
    # Slow enough that the first picture is still on its way when the app stops.
    with StandinServer(port=0, latency_s=3.0, accepted_keys={KEY}) as standin:
        yield standin


def open_studio(paths: AppPaths, server: StandinServer) -> tuple[Studio, BatchRunner]:
    studio = Studio(StudioOptions(paths=paths, concurrency=1, per_minute=60))
    studio.start(KEY, server.base_url)
    runner = BatchRunner(studio.queue, studio.library, studio.limits_for, parent=studio)
    return studio, runner


def redraws(server: StandinServer) -> list[str]:
    return [str(r.body["prompt"]) for r in server.requests if r.body and "source_weight" in r.body]


def test_resume_after_a_restart_resends_nothing_that_was_in_flight(
    app_paths: AppPaths, server: StandinServer, qtbot: QtBot
) -> None:
    studio, runner = open_studio(app_paths, server)
    runner.create("Three colours", SETTINGS, ITEMS, start=True)
    qtbot.waitUntil(lambda: len(redraws(server)) == 1, timeout=15_000)
    # One at a time (the account's limit), so only the first is on its way.
    assert runner.state is BatchState.RUNNING
    assert runner.count(ItemState.QUEUED) == 1 and runner.count(ItemState.PENDING) == 2
    batch_id = runner.batch.id if runner.batch else 0
    studio.close()  # the app stops with the first picture in flight

    studio, runner = open_studio(app_paths, server)
    try:
        runner.open(batch_id)
        qtbot.waitUntil(lambda: runner.batch is not None, timeout=10_000)
        first, *rest = runner.items()
        assert first.state is ItemState.MAYBE_BILLED and "billed" in first.error
        assert [item.state for item in rest] == [ItemState.PENDING, ItemState.PENDING]
        assert runner.state is BatchState.PAUSED  # it waits for the user's Resume

        runner.resume()
        qtbot.waitUntil(lambda: runner.state is BatchState.DONE, timeout=30_000)
        assert redraws(server) == ["red a", "green b", "blue c"]  # "red a" sent once only
        assert runner.count(ItemState.DONE) == 2 and runner.count(ItemState.MAYBE_BILLED) == 1

        # Only when the user says so is the uncertain one sent again.
        assert runner.resend_uncertain() == 1
        runner.resume()
        qtbot.waitUntil(lambda: runner.count(ItemState.DONE) == 3, timeout=30_000)
        qtbot.waitUntil(lambda: runner.state is BatchState.DONE, timeout=10_000)
        assert redraws(server) == ["red a", "green b", "blue c", "red a"]
        runner.flush()
        stored = studio.library.batches.get(batch_id)
        assert stored is not None and stored.state is BatchState.DONE
        assert [item.state for item in stored.items] == [ItemState.DONE] * 3
        collection = next(c for c in studio.library.list_collections() if c.name == "Three colours")
        ids = studio.library.query_ids(ImageQuery(collection_id=collection.id))
        assert sorted(ids) == sorted(item.image_id for item in stored.items if item.image_id)
        assert len(ids) == 3
        # Each picture is a redraw of its own source.
        for item in stored.items:
            request = studio.library.request_for(item.image_id or 0)
            assert request.mode is Mode.REDRAW and request.prompt == item.prompt
            assert request.source is not None and request.source.sha256 == item.picture_sha
    finally:
        studio.close()


def test_a_budget_stops_the_running_batch_before_a_job_would_pass_it(
    app_paths: AppPaths, qtbot: QtBot
) -> None:
    with StandinServer(port=0, accepted_keys={KEY}) as server:
        studio, runner = open_studio(app_paths, server)
        try:
            # step-2x-large is ¥0.10 a picture: ¥0.25 pays for two.
            capped = BatchSettings(SETTINGS.template, BatchMode.REDRAW, "{filename}", budget=0.25)
            runner.create("Capped", capped, ITEMS, start=True)
            qtbot.waitUntil(lambda: runner.state is BatchState.OVER_BUDGET, timeout=30_000)
            qtbot.waitUntil(lambda: runner.count(ItemState.DONE) == 2, timeout=30_000)
            assert len(redraws(server)) == 2
            assert runner.count(ItemState.PENDING) == 1
            runner.set_budget(0.35)
            runner.resume()
            qtbot.waitUntil(lambda: runner.state is BatchState.DONE, timeout=30_000)
            assert len(redraws(server)) == 3
        finally:
            studio.close()
