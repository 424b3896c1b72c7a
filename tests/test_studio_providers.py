"""The studio's connections per provider, end to end: the queue, the worker's client per provider
and a real server for each (the built-in stand-in in demo mode, a strict server of one's own)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from adapter_servers import StrictServer
from keyring.backends import fail
from keyring_support import fake_key
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stepfun_studio.api.credentials import ProviderKeys
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, parse_size
from stepfun_studio.library.jobs import JobState
from stepfun_studio.settings.values import DeclaredModel, ProviderConnection
from stepfun_studio.ui.studio import Studio, StudioOptions

PROVIDERS = model_table().providers
DECLARED = DeclaredModel("team-model", ("seed", "steps"), ("512x512",))


def smallest_size(spec: ModelSpec) -> str:
    fixed = []
    for size in spec.sizes:
        try:
            width, height = parse_size(size)
        except ValueError:
            continue
        fixed.append((width * height, size))
    return min(fixed)[1]


def one_picture(provider_id: str, studio: Studio) -> GenerationRequest:
    """A small text-to-image request for the provider's first model it still offers."""
    return one_picture_from(studio.settings.values.model_table(), provider_id)


def one_picture_from(table: ModelTable, provider_id: str) -> GenerationRequest:
    models = table.models_of(provider_id)
    spec = next((m for m in models if not m.is_retired()), models[0])
    steps = int(spec.steps.minimum) if spec.steps is not None else 50
    return GenerationRequest(
        prompt=f"a lighthouse for {provider_id}",
        model=spec.name,
        provider=provider_id,
        size=smallest_size(spec),
        steps=steps,
    )


@pytest.fixture
def studio(app_paths: AppPaths, qapp: QApplication) -> Iterator[Studio]:
    # `qapp`: the Studio opens its library on a worker, which needs the application.
    built = Studio(StudioOptions(paths=app_paths, rate_backoff_s=0.05))
    built.settings.update(compatible_models=(DECLARED,))
    yield built
    built.close()


def states(studio: Studio) -> list[JobState]:
    return [info.state for info in studio.queue.jobs()]


def test_the_demo_draws_a_picture_for_every_provider(studio: Studio, qtbot: QtBot) -> None:
    studio.use_keys(ProviderKeys(env={}, backend=fail.Keyring()))
    studio.start(None)
    for provider in PROVIDERS:
        studio.queue.submit(one_picture(provider.id, studio))
    qtbot.waitUntil(lambda: states(studio) == [JobState.DONE] * len(PROVIDERS), timeout=60_000)
    standin = studio.standin
    for provider in PROVIDERS:
        posted = [r for r in standin.requests if r.method == "POST"]
        mine = [r for r in posted if r.path.startswith(provider.standin_prefix + "/")]
        assert len(mine) == 1, provider.id
    kept = [studio.library.get(info.image_id or 0) for info in studio.queue.jobs()]
    assert all(record is not None for record in kept)


def test_a_key_sends_its_provider_to_its_server_and_leaves_the_others_in_the_demo(
    studio: Studio, qtbot: QtBot
) -> None:
    with StrictServer() as strict:
        studio.use_keys(ProviderKeys(env={"OPENAI_API_KEY": fake_key()}, backend=fail.Keyring()))
        studio.settings.update(
            connections=(
                ("openai", ProviderConnection(base_url=strict.base_url_for("openai"))),
                ("compatible", ProviderConnection(base_url=strict.base_url_for("compatible"))),
            )
        )
        studio.resolve_and_start()
        qtbot.waitUntil(lambda: studio.started, timeout=15_000)
        # OpenAI has a key; the team's server needs none once its address is set.
        assert not studio.is_demo("openai") and not studio.is_demo("compatible")
        assert studio.is_demo("ark") and studio.demo
        for provider_id in ("openai", "compatible", "ark"):
            studio.queue.submit(one_picture(provider_id, studio))
        qtbot.waitUntil(lambda: states(studio) == [JobState.DONE] * 3, timeout=60_000)
        assert strict.count("/openai/v1/images/generations") == 1
        assert strict.count("/compatible/v1/images/generations") == 1
        assert studio.standin.request_count("/ark/api/v3/images/generations") == 1
        sent = {seen.path: seen for seen in strict.requests}
        compatible = sent["/compatible/v1/images/generations"].json
        assert compatible is not None
        # The declared model's extra fields go to the server; one it did not declare does not.
        assert compatible["model"] == "team-model"
        assert "num_inference_steps" in compatible and "guidance_scale" not in compatible
        assert "Authorization" in sent["/openai/v1/images/generations"].headers
