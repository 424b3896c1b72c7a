"""What a dropped image becomes on the wire: each payload kind into each slot of the real dock,
the dock's request sent by the real client to the stand-in, and the recorded request checked."""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox
from pytestqt.qtbot import QtBot
from test_drop_support import (
    drop,
    file_mime,
    gallery_mime,
    image_server,
    jpeg_bytes,
    link_mime,
    png_bytes,
    raw_mime,
)

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library import Library
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.background import wait_until_idle
from stepfun_studio.ui.parameter_dock import ParameterDock
from stepfun_studio.ui.reference_slot import ReferenceSlot

KEY = "test-key-drops"
WAIT_MS = 10_000


@pytest.fixture
def dock(qtbot: QtBot) -> Iterator[ParameterDock]:
    widget = ParameterDock()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_prompt("a quiet harbour at dusk")
    yield widget
    wait_until_idle(WAIT_MS)


def use_model(dock: ParameterDock, name: str) -> None:
    combo = dock.findChild(QComboBox, "modelCombo")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(name))


def spin(dock: ParameterDock, name: str) -> QDoubleSpinBox:
    found = dock.findChild(QDoubleSpinBox, name)
    assert isinstance(found, QDoubleSpinBox)
    return found


def fill(qtbot: QtBot, dock: ParameterDock, slot_name: str, mime: QMimeData) -> ReferenceImage:
    slot = dock.findChild(ReferenceSlot, slot_name)
    assert isinstance(slot, ReferenceSlot)
    with qtbot.waitSignal(slot.image_changed, timeout=WAIT_MS) as blocker:
        drop(slot, mime)
    image = blocker.args[0]
    assert isinstance(image, ReferenceImage)
    return image


def send(standin: StandinServer, request: GenerationRequest) -> GenerationResult:
    async def once() -> GenerationResult:
        async with StepFunClient(KEY, standin.base_url) as client:
            return await client.generate_one(request)

    return asyncio.run(once())


def decoded(data_uri: str) -> bytes:
    header, _, payload = data_uri.partition(",")
    assert header in ("data:image/png;base64", "data:image/jpeg;base64")
    return base64.b64decode(payload)


def test_a_dropped_file_becomes_the_image2image_source(
    qtbot: QtBot, dock: ParameterDock, standin: StandinServer, tmp_path: Path
) -> None:
    use_model(dock, "step-1x-medium")
    path = tmp_path / "harbour.jpg"
    path.write_bytes(jpeg_bytes((1600, 1200)))
    image = fill(qtbot, dock, "sourceSlot", file_mime(path))
    spin(dock, "sourceWeightSpin").setValue(0.35)
    request = dock.current_request()
    assert request.mode is Mode.REDRAW and not dock.problems()
    result = send(standin, request)
    recorded = standin.requests[-1]
    assert recorded.path.endswith("/images/image2image")
    assert recorded.body is not None
    assert recorded.body["source_url"].startswith("data:image/jpeg;base64,")
    assert decoded(recorded.body["source_url"]) == image.data == path.read_bytes()
    assert recorded.body["source_weight"] == pytest.approx(0.35)
    assert (result.width, result.height) == (1024, 1024)


def test_a_link_dropped_on_the_style_slot_becomes_the_style_reference(
    qtbot: QtBot, dock: ParameterDock, standin: StandinServer
) -> None:
    use_model(dock, "step-1x-medium")
    body = png_bytes((640, 640), (230, 120, 20))
    with image_server({"/style.png": (200, "image/png", body)}) as base:
        image = fill(qtbot, dock, "styleSlot", link_mime(f"{base}/style.png"))
    spin(dock, "styleWeightSpin").setValue(1.25)
    request = dock.current_request()
    assert request.mode is Mode.TEXT_TO_IMAGE and not dock.problems()
    send(standin, request)
    recorded = standin.requests[-1]
    assert recorded.path.endswith("/images/generations")
    assert recorded.body is not None
    style = recorded.body["style_reference"]
    assert decoded(style["source_url"]) == image.data == body
    assert style["source_url"].startswith("data:image/png;base64,")
    assert style["weight"] == pytest.approx(1.25)


def test_raw_data_on_the_source_of_step_2x_large_is_a_redraw(
    qtbot: QtBot, dock: ParameterDock, standin: StandinServer
) -> None:
    use_model(dock, "step-2x-large")
    out = io.BytesIO()
    Image.new("RGB", (900, 700), (40, 160, 90)).save(out, "WEBP")
    image = fill(qtbot, dock, "sourceSlot", raw_mime(out.getvalue(), "image/webp"))
    request = dock.current_request()
    send(standin, request)
    recorded = standin.requests[-1]
    assert recorded.path.endswith("/images/image2image")
    assert recorded.body is not None
    assert recorded.body["model"] == "step-2x-large"
    sent = decoded(recorded.body["source_url"])
    assert sent == image.data
    assert Image.open(io.BytesIO(sent)).format == "PNG"  # WebP converted before sending


def test_a_gallery_image_dropped_for_an_edit_is_sent_as_multipart(
    qtbot: QtBot, dock: ParameterDock, standin: StandinServer, app_paths: AppPaths
) -> None:
    use_model(dock, "step-image-edit-2")
    dock.set_negative_prompt("blurry, text")
    text_mode = dock.findChild(QCheckBox, "textModeCheck")
    assert isinstance(text_mode, QCheckBox)
    text_mode.setChecked(True)
    with Library.open(app_paths) as library:
        image_id = library.ingest_result(
            GenerationResult(
                GenerationRequest(prompt="old harbour", size="1024x1024"),
                png_bytes((1024, 1024), (9, 9, 120)),
                42,
                "success",
                1024,
                1024,
            )
        )
        source = dock.findChild(ReferenceSlot, "sourceSlot")
        assert isinstance(source, ReferenceSlot)
        source.set_library(library)
        image = fill(qtbot, dock, "sourceSlot", gallery_mime(image_id))
        assert image.data == library.original_path(image_id).read_bytes()
    dock.findChild(QDoubleSpinBox, "cfgSpin").setValue(4.0)  # type: ignore[union-attr]
    request = dock.current_request()
    assert request.mode is Mode.EDIT and not dock.problems()
    result = send(standin, request)
    recorded = standin.requests[-1]
    assert recorded.path.endswith("/images/edits")
    assert recorded.files["image"]["size"] == len(image.data)
    assert recorded.files["image"]["content_type"] == "image/png"
    assert recorded.body is not None
    assert recorded.body["prompt"] == "a quiet harbour at dusk"
    assert recorded.body["negative_prompt"] == "blurry, text"
    assert recorded.body["text_mode"] == "true"
    assert (result.width, result.height) == (1024, 1024)  # an edit keeps the input's size


def test_the_dropped_source_is_stored_with_the_result_and_comes_back_on_reuse(
    qtbot: QtBot, dock: ParameterDock, standin: StandinServer, app_paths: AppPaths, tmp_path: Path
) -> None:
    use_model(dock, "step-1x-medium")
    path = tmp_path / "harbour.png"
    path.write_bytes(png_bytes((800, 600), (70, 80, 90)))
    image = fill(qtbot, dock, "sourceSlot", file_mime(path))
    result = send(standin, dock.current_request())
    with Library.open(app_paths) as library:
        image_id = library.ingest_result(result)
        again = library.request_for(image_id)
    assert again.source is not None
    assert again.source.data == image.data
    source = dock.findChild(ReferenceSlot, "sourceSlot")
    assert isinstance(source, ReferenceSlot)
    source.clear()
    dock.apply_request(again)
    restored = source.image()
    assert restored is not None and restored.sha256 == image.sha256
    assert "800×600" in source.details()
