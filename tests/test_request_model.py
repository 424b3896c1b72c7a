"""The request being edited: observable properties, the request they make, two-way bindings."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage, ResponseFormat
from stepfun_studio.core.validation import validate
from stepfun_studio.ui.request_model import RequestModel, bind


def _png(width: int, height: int, color: tuple[int, int, int]) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", width, height, name="ref.png")


def test_a_change_is_announced_once_and_a_repeat_not_at_all(qtbot: QtBot) -> None:
    model = RequestModel()
    changes: list[tuple[str, object]] = []
    requests: list[GenerationRequest] = []
    model.changed.connect(lambda name, value: changes.append((name, value)))
    model.request_changed.connect(requests.append)
    model.steps = 33
    model.steps = 33
    assert changes == [("steps", 33)]
    assert [r.steps for r in requests] == [33]
    # A batch: every property says it changed, validation hears one request at the end.
    with model.batch():
        model.prompt = "a lake"
        model.n = 3
    assert [name for name, _ in changes[1:]] == ["prompt", "n"]
    assert len(requests) == 2
    assert (requests[-1].prompt, requests[-1].n) == ("a lake", 3)


def test_the_request_holds_only_what_the_model_takes(qtbot: QtBot) -> None:
    model = RequestModel()
    model.apply(
        GenerationRequest(
            prompt="a harbour",
            model="Kwai-Kolors/Kolors",
            steps=25,
            cfg_scale=7.5,
            seed=77,
            negative_prompt="blurry",
        )
    )
    kolors = model.request()
    assert (kolors.provider, kolors.steps, kolors.seed, kolors.negative_prompt) == (
        "siliconflow",
        25,
        77,
        "blurry",
    )
    assert kolors.options == ()
    model.model = "gpt-image-1"
    gpt = model.request()
    # No seed, steps or negative prompt go to gpt-image; its options go with their defaults.
    assert (gpt.provider, gpt.seed, gpt.steps, gpt.negative_prompt) == ("openai", 0, 50, "")
    assert dict(gpt.options) == {"quality": "auto", "background": "auto", "output_format": "png"}
    # The user's values wait in the model for a model that takes them.
    model.model = "Kwai-Kolors/Kolors"
    assert model.request() == kolors


def test_options_follow_the_mode_and_price(qtbot: QtBot) -> None:
    model = RequestModel()
    model.apply(GenerationRequest(prompt="p", model="gpt-image-1"))
    model.set_option("quality", "high")
    assert "input_fidelity" not in dict(model.request().options)
    model.source = _png(64, 64, (1, 2, 3))
    request = model.request()
    assert request.mode is Mode.EDIT
    # input_fidelity is an edit option: it appears with an edit, at its default.
    assert dict(request.options) == {
        "quality": "high",
        "background": "auto",
        "output_format": "png",
        "input_fidelity": "low",
    }
    assert model.option("quality") == "high"


def test_the_mode_follows_the_model_and_the_pictures(qtbot: QtBot) -> None:
    model = RequestModel()
    source = _png(64, 48, (9, 9, 9))
    model.apply(GenerationRequest(prompt="p", model="step-2x-large"))
    assert model.mode() is Mode.TEXT_TO_IMAGE
    model.source = source
    assert model.mode() is Mode.REDRAW
    model.model = "gpt-image-1"
    assert model.mode() is Mode.EDIT
    model.source = None
    model.model = "doubao-seedream-4-0-250828"
    model.references = (source, _png(32, 32, (200, 0, 0)))
    request = model.request()
    # Seedream draws from references alone; validation accepts an edit without a source then.
    assert request.mode is Mode.EDIT and len(request.references) == 2
    assert validate(request) == []
    # A model that only edits asks for its picture rather than for another mode.
    model.references = ()
    model.model = "Qwen/Qwen-Image-Edit"
    assert model.mode() is Mode.EDIT
    assert [p.field for p in validate(model.request())] == ["source"]


def test_an_unfixed_seed_keeps_its_number(qtbot: QtBot) -> None:
    model = RequestModel()
    model.apply(GenerationRequest(prompt="p", model="step-2x-large", seed=4242))
    assert (model.seed, model.seed_fixed, model.request().seed) == (4242, True, 4242)
    model.apply(GenerationRequest(prompt="p", model="step-2x-large", seed=0))
    assert (model.seed, model.seed_fixed, model.request().seed) == (4242, False, 0)
    model.seed_fixed = True
    assert model.request().seed == 4242


def test_apply_then_request_round_trips(qtbot: QtBot) -> None:
    model = RequestModel()
    redraw = GenerationRequest(
        prompt="a castle",
        model="step-2x-large",
        mode=Mode.REDRAW,
        size="800x1280",
        steps=90,
        cfg_scale=4.5,
        seed=12345,
        n=3,
        response_format=ResponseFormat.URL,
        source=_png(80, 60, (10, 120, 200)),
        source_weight=0.35,
    )
    model.apply(redraw)
    assert model.request() == redraw
    seedream = GenerationRequest(
        prompt="the dress from picture 2",
        model="doubao-seedream-4-5-251128",
        provider="ark",
        mode=Mode.EDIT,
        size="2K",
        references=(_png(40, 40, (1, 1, 1)), _png(40, 40, (2, 2, 2))),
        options=(("watermark", "true"),),
    )
    model.apply(seedream)
    assert model.request() == seedream


def test_bind_keeps_widget_and_model_equal_both_ways(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    model = RequestModel()
    steps, cfg, text_mode = QSpinBox(holder), QDoubleSpinBox(holder), QCheckBox(holder)
    steps.setRange(1, 150)
    cfg.setDecimals(1)
    prompt = QPlainTextEdit(holder)
    size = QComboBox(holder)
    for value in ("512x512", "1024x1024"):
        size.addItem(value, value)
    bindings = [
        bind(model, "steps", steps),
        bind(model, "cfg_scale", cfg),
        bind(model, "text_mode", text_mode),
        bind(model, "prompt", prompt),
        bind(model, "size", size),
    ]
    # The widgets show the model at once.
    assert (steps.value(), cfg.value(), size.currentData()) == (50, 7.5, "1024x1024")
    steps.setValue(12)
    cfg.setValue(3.5)
    text_mode.setChecked(True)
    prompt.setPlainText("typed")
    size.setCurrentIndex(0)
    assert (model.steps, model.cfg_scale, model.text_mode, model.prompt, model.size) == (
        12,
        3.5,
        True,
        "typed",
        "512x512",
    )
    model.apply(GenerationRequest(prompt="reused", steps=40, size="1024x1024"))
    assert (steps.value(), prompt.toPlainText(), size.currentData()) == (40, "reused", "1024x1024")
    for binding in bindings:
        binding.unbind()
    steps.setValue(7)
    assert model.steps == 40


def test_bind_refuses_a_widget_it_does_not_know(qtbot: QtBot) -> None:
    import pytest

    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(TypeError):
        bind(RequestModel(), "prompt", widget)
