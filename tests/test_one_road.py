"""One road from a gallery picture to a slot, in the real main window: the gallery's context
menu, the detail view's "Use as source" button and a drop on the slot all read the picture and
run it through `prepare_reference` off the GUI thread (the guard fails the test if the database
is touched on it), and all three give the same prepared image."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.validation import MAX_EDIT_SOURCE_SIDE, MAX_REDRAW_SOURCE_SIDE
from stepfun_studio.ui.background import wait_until_idle
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.image_drop import DropPayload, PayloadKind
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.reference_slot import ReferenceSlot
from stepfun_studio.ui.studio import Studio, StudioOptions

# Wider than any limit, so each road's result shows whether `prepare_reference` ran.
WIDE = (MAX_EDIT_SOURCE_SIDE + 400, 1100)


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[MainWindow]:
    studio = Studio(StudioOptions(paths=app_paths))
    shown = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(shown)
    shown.show()
    # The parameter dock makes its fields (the slots) after the window's first paint.
    qtbot.waitUntil(shown.parameter_dock.form_built)
    yield shown
    wait_until_idle(10_000)
    shown.close()


def _wide_picture(window: MainWindow) -> int:
    buffer = io.BytesIO()
    Image.new("RGB", WIDE, (30, 90, 160)).save(buffer, "PNG")
    request = GenerationRequest(prompt="a wide one", model="step-2x-large", seed=3)
    result = GenerationResult(request, buffer.getvalue(), 3, "success", *WIDE)
    return window.studio.library.ingest_result(result)  # the test's own setup


def _source_after(qtbot: QtBot, window: MainWindow, road: object) -> ReferenceImage:
    model = window.parameter_dock.request_model
    model.source = None
    assert callable(road)
    road()
    qtbot.waitUntil(lambda: model.source is not None, timeout=20_000)
    assert isinstance(model.source, ReferenceImage)
    return model.source


def test_three_roads_to_the_source_slot_prepare_the_same_picture(
    qtbot: QtBot, window: MainWindow
) -> None:
    image_id = _wide_picture(window)
    slot = window.parameter_dock.findChild(ReferenceSlot, "sourceSlot")
    assert slot is not None
    detail = window.detail

    def from_the_detail_button() -> None:
        with qtbot.waitSignal(detail.image_loaded, timeout=10_000):
            detail.show_image(image_id)
        detail.action("useAsSourceAction").trigger()

    roads = {
        "context menu": lambda: window.gallery.use_as_source_requested.emit(image_id),
        "detail view": from_the_detail_button,
        "drop on the slot": lambda: slot.load_payload(
            DropPayload(PayloadKind.GALLERY, ids=(image_id,))
        ),
    }
    prepared = {name: _source_after(qtbot, window, road) for name, road in roads.items()}
    limit = slot.purpose().max_side
    assert limit in (MAX_REDRAW_SOURCE_SIDE, MAX_EDIT_SOURCE_SIDE)
    for name, image in prepared.items():
        assert max(image.width, image.height) == limit, name  # scaled by prepare_reference
    assert len({image.sha256 for image in prepared.values()}) == 1


def test_use_as_style_from_the_menu_is_prepared_too(qtbot: QtBot, window: MainWindow) -> None:
    image_id = _wide_picture(window)
    model = window.parameter_dock.request_model
    window.gallery.use_as_style_requested.emit(image_id)
    qtbot.waitUntil(lambda: model.style is not None or bool(model.references), timeout=20_000)
    image = model.style or model.references[0]
    assert max(image.width, image.height) <= MAX_EDIT_SOURCE_SIDE < max(WIDE)
