"""The gallery's "N images" comes from a COUNT, before a broad search's whole list is read.

A query's first page shows at once; the lister thread then counts (`Library.count`, a COUNT)
and only after that gathers every id. The count reaches the label while the list is still out.
"""

from __future__ import annotations

import functools
import threading

from pytestqt.qtbot import QtBot
from test_gallery import IMAGES, library, library_template, panel  # noqa: F401 - fixtures

from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.ui.gallery.panel import GalleryPanel


def test_the_count_shows_before_the_whole_list(
    qtbot: QtBot,
    panel: GalleryPanel,  # noqa: F811 - the fixture
    library: Library,  # noqa: F811
) -> None:
    seen: list[tuple[int, bool, str]] = []
    panel.model.count_known.connect(
        lambda count: seen.append((count, panel.model.total_known, panel.count_label.text()))
    )
    for query in (ImageQuery(text="细节"), ImageQuery(text="a"), ImageQuery()):
        seen.clear()
        # Hold the reader until the query is set, so both its tasks wait behind this one.
        gate = threading.Event()
        panel.model.reads.submit(
            functools.partial(gate.wait, 10), lambda _done: None, "holding the reader"
        )
        panel.model.set_query(query)
        assert not panel.model.total_known  # more than a first page: the lister has work
        gate.set()
        qtbot.waitUntil(lambda: panel.model.total_known, timeout=10_000)
        expected = library.count(query)
        assert expected > panel.model.FIRST_PAGE
        assert len(seen) == 1, seen
        count, list_known, label = seen[0]
        assert count == expected == panel.model.total == panel.model.rowCount()
        assert not list_known  # the count came first
        assert f"{expected:,}" in label


def test_no_count_is_shown_for_a_query_that_was_replaced(
    qtbot: QtBot,
    panel: GalleryPanel,  # noqa: F811
) -> None:
    seen: list[int] = []
    panel.model.count_known.connect(seen.append)
    gate = threading.Event()
    panel.model.reads.submit(lambda: gate.wait(10), lambda _done: None, "holding the reader")
    panel.model.set_query(ImageQuery(text="a"))
    panel.model.set_query(ImageQuery(text="细节"))  # typed on before the first was counted
    gate.set()
    qtbot.waitUntil(lambda: panel.model.total_known, timeout=10_000)
    assert seen == [panel.model.total]
    assert panel.model.total < IMAGES
