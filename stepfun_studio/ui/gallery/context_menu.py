"""The grid's context menu: every action on the current selection, built fresh each time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from stepfun_studio.ui.gallery import organise

if TYPE_CHECKING:
    from stepfun_studio.ui.gallery.panel import GalleryPanel


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("GalleryContextMenu", text, None, n)


def build_context_menu(panel: GalleryPanel, parent: QWidget) -> QMenu:
    ids = panel.selected_ids()
    current = panel.current_id()
    menu = QMenu(parent)
    menu.setObjectName("galleryContextMenu")
    if not ids or current is None:
        menu.addAction(_tr("Import images…"), lambda: panel.import_images(folder=False))
        menu.addAction(_tr("Import a folder…"), lambda: panel.import_images(folder=True))
        return menu
    one = len(ids) == 1

    menu.addAction(_tr("Open"), lambda: panel.image_activated.emit(current))
    menu.addAction(
        _tr("Reuse parameters"), lambda: panel.reuse_parameters_requested.emit(current)
    ).setEnabled(one)
    menu.addAction(_tr("Use as source"), lambda: panel.use_as_source_requested.emit(current))
    menu.addAction(_tr("Use as style"), lambda: panel.use_as_style_requested.emit(current))
    menu.addSeparator()
    for extend in panel.menu_extensions:  # the iteration actions (ui/iterate_actions.py)
        extend(menu, current)
        menu.addSeparator()

    rate = menu.addMenu(_tr("Rate"))
    for stars in range(6):
        label = "★" * stars if stars else _tr("No stars")
        action = rate.addAction(f"{label}\t{stars}")
        action.triggered.connect(lambda _checked=False, s=stars: panel.culling.rate(ids, s))
    menu.addAction(_tr("Favourite\tF"), lambda: panel.culling.toggle_favourite(ids))
    menu.addAction(_tr("Reject\tX"), lambda: panel.culling.toggle_rejected(ids))

    collections = menu.addMenu(_tr("Add to collection"))
    for info in panel.sidebar.collections:  # as the sidebar last read them: no query here
        action = collections.addAction(info.name)
        action.triggered.connect(lambda _checked=False, c=info.id: panel.add_to_collection(ids, c))
    collections.addSeparator()
    collections.addAction(_tr("New collection…"), lambda: panel.add_to_new_collection(ids))
    menu.addAction(_tr("Tags…"), lambda: organise.edit_tags(panel, ids))
    menu.addAction(_tr("Note…"), lambda: panel.edit_note(current)).setEnabled(one)
    menu.addSeparator()

    compare = menu.addAction(_tr("Compare side by side"), panel.compare_selection)
    compare.setEnabled(2 <= len(ids) <= 4)
    summary = panel.model.cached_summary(current)
    with_source = menu.addAction(_tr("Compare with its source"), panel.compare_with_source)
    with_source.setEnabled(one and summary is not None and summary.has_source)
    menu.addSeparator()
    menu.addAction(_tr("Export…"), lambda: organise.export_dialog(panel, ids))
    menu.addAction(_tr("Copy"), panel.copy_selection)
    menu.addAction(_tr("Show in folder"), lambda: panel.show_in_folder(current))
    menu.addSeparator()
    if panel.in_trash():
        menu.addAction(_tr("Restore"), lambda: panel.culling.restore(ids))
        menu.addAction(_tr("Empty trash…"), panel.empty_trash)
    else:
        menu.addAction(_tr("Move to trash\tDel"), lambda: panel.culling.trash(ids))
    return menu
