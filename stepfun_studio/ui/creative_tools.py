"""The window's creative tools: the X/Y grid, the prompt library and the prompt assistant
(Describe, Polish, Translate, captions), opened from the menus and the prompt editor.

Kept out of `main_window.py` so the window stays about layout and wiring; each tool's dialog is
non-modal, made on first use (its module imported then, not at start-up) and talks back to the
window through signals.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from stepfun_studio.core.prompt_templates import PromptStyle, apply_style
from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.settings.values import effective_model_table
from stepfun_studio.ui.background import run_in_background

if TYPE_CHECKING:
    from collections.abc import Callable

    from stepfun_studio.api.assistant_client import AssistantClient, TextSink
    from stepfun_studio.core.assistant import AssistantAnswer
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.reference_strip import ReferenceStrip


class CreativeTools(QObject):
    """Opens the tools' dialogs for `window` and applies what they hand back."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        actions = window.menus.actions
        actions["xyGrid"].triggered.connect(self.show_xy_grid)
        actions["promptLibrary"].triggered.connect(self.show_prompt_library)
        actions["describe"].triggered.connect(self.describe_shown_picture)
        actions["captions"].triggered.connect(self.show_caption_run)
        window.prompt_editor.assist_requested.connect(self._on_assist)
        # Describe and captions on any picture: the gallery's menu and the detail view's More.
        window.gallery.menu_extensions.append(self._extend_gallery_menu)
        more = window.detail.more_menu
        more.addSeparator()
        more.addAction(actions["describe"])
        self.edit_caption_action = more.addAction("")
        self.edit_caption_action.setObjectName("editCaptionAction")
        self.edit_caption_action.triggered.connect(self.edit_caption)
        # ...and on the pictures already in the parameters: the slots and the references (made
        # after the window's first paint).
        window.parameter_dock.when_form_built(self._offer_describe_in_dock)
        self.retranslate()

    def _offer_describe_in_dock(self) -> None:
        from stepfun_studio.ui.reference_slot import ReferenceSlot
        from stepfun_studio.ui.reference_strip import ReferenceStrip

        dock = self.window.parameter_dock
        for slot in dock.findChildren(ReferenceSlot):
            self._offer_describe(slot, slot.image)
        for strip in dock.findChildren(ReferenceStrip):
            self._offer_describe(strip, functools.partial(_selected_reference, strip))

    def _offer_describe(
        self, widget: QWidget, picture_of: Callable[[], ReferenceImage | None]
    ) -> None:
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(
            lambda pos: self.picture_menu(widget, picture_of).popup(widget.mapToGlobal(pos))
        )

    def picture_menu(
        self, parent: QWidget, picture_of: Callable[[], ReferenceImage | None]
    ) -> QMenu:
        """The menu a slot or the reference strip shows: Describe… for its picture."""
        menu = QMenu(parent)
        image = picture_of()
        describe = menu.addAction(self.tr("Describe…"))
        describe.setEnabled(image is not None)
        if image is not None:
            name = image.name or self.tr("the reference")
            describe.triggered.connect(lambda: self._describe(image.data, name, None))
        return menu

    def retranslate(self) -> None:
        self.edit_caption_action.setText(self.tr("Edit Caption…"))

    def _extend_gallery_menu(self, menu: QMenu, image_id: int) -> None:
        menu.addAction(self.tr("Describe…"), lambda: self.describe_image(image_id))

    def show_xy_grid(self) -> None:
        """The X/Y grid over the request being edited; non-modal, the window stays usable."""
        from stepfun_studio.ui.xy_grid_dialog import XYGridDialog

        table = effective_model_table(self.window.studio.settings.values)
        dialog = XYGridDialog(
            self.window.current_request(),
            table,
            self.window.studio.queue,
            self.window.studio.library,
            self.window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.grid_stored.connect(self._on_grid_stored)
        dialog.show()

    def show_prompt_library(self) -> None:
        """The prompt library (history, styles, wildcards); one at a time, non-modal."""
        from stepfun_studio.ui.prompt_library_view import PromptLibraryView

        view = self.window.findChild(PromptLibraryView, "promptLibraryView")
        if view is None:
            view = PromptLibraryView(self.window.studio.library, self.window)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.prompt_chosen.connect(self._use_prompt)
            view.style_chosen.connect(self._apply_style)
            view.files_changed.connect(self.window.wildcards.reload)
        view.show()
        view.raise_()

    def _use_prompt(self, prompt: str, negative: str) -> None:
        self.window.prompt_editor.set_prompt(prompt)
        if negative:
            self.window.prompt_editor.set_negative_prompt(negative)

    def _apply_style(self, style: PromptStyle) -> None:
        editor = self.window.prompt_editor
        prompt, negative = apply_style(style, editor.prompt(), editor.negative_prompt())
        self._use_prompt(prompt, negative)
        self.window.status.show_info(self.tr("Style “{name}” applied.").format(name=style.name))

    # --- the prompt assistant -------------------------------------------------------------------

    def _on_assist(self, kind: str, style: str) -> None:
        if kind == "describe":
            self.describe_shown_picture()
            return
        from stepfun_studio.ui.prompt_diff_dialog import PromptDiffDialog

        prompt = self.window.prompt_editor.prompt().strip()
        if not prompt:
            self.window.status.show_info(self.tr("Write a prompt first."))
            return
        limit = self.window.prompt_editor.limit()

        async def polish(client: AssistantClient, on_text: TextSink) -> AssistantAnswer:
            return await client.polish(prompt, style, limit, on_text)

        async def translate(client: AssistantClient, on_text: TextSink) -> AssistantAnswer:
            return await client.translate(prompt, limit, None, on_text)

        task = polish if kind == "polish" else translate
        title = self.tr("Polish") if kind == "polish" else self.tr("Translate")
        dialog = PromptDiffDialog(self.window.studio, title, prompt, task, kind, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted_text.connect(self.window.prompt_editor.set_prompt)
        dialog.show()

    def describe_shown_picture(self) -> None:
        """Describe the picture in the detail view."""
        image_id = self.window.detail.image_id()
        if image_id is None:
            self.window.status.show_info(self.tr("Open a picture first, then Describe it."))
            return
        self.describe_image(image_id)

    def describe_image(self, image_id: int) -> None:
        """Describe one library picture (its file read off the GUI thread)."""
        library = self.window.studio.library
        run_in_background(
            self,
            lambda: library.original_path(image_id).read_bytes(),
            lambda data, error: self._describe(data, f"#{image_id}", error),
            "describe-read",
        )

    def _describe(self, data: object, name: str, error: BaseException | None) -> None:
        from stepfun_studio.ui.describe_dialog import DescribeDialog

        if error is not None or not isinstance(data, bytes):
            reason = self.tr("The picture could not be read: {error}").format(error=error)
            self.window.status.show_info(reason)
            return
        dialog = DescribeDialog(
            self.window.studio, data, name, self.window.languages.current == "zh_CN", self.window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.prompt_offered.connect(self._offered_prompt)
        dialog.show()

    def _offered_prompt(self, text: str, replace: bool) -> None:
        current = self.window.prompt_editor.prompt().strip()
        self.window.prompt_editor.set_prompt(
            text if replace or not current else f"{current}, {text}"
        )

    def edit_caption(self) -> None:
        """Shows the picture's caption for editing; the change is stored off the GUI thread."""
        image_id = self.window.detail.image_id()
        if image_id is None:
            return
        library = self.window.studio.library
        run_in_background(
            self,
            lambda: library.caption_of(image_id),
            lambda text, error: self._ask_caption(image_id, text, error),
            "caption-read",
        )

    def _ask_caption(self, image_id: int, text: object, error: BaseException | None) -> None:
        if error is not None:
            self.window.status.show_info(str(error))
            return
        edited, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("Edit Caption"),
            self.tr("What the picture shows (search finds these words):"),
            str(text or ""),
        )
        if not ok:
            return
        library = self.window.studio.library

        def saved(_result: object, failed: BaseException | None) -> None:
            if failed is not None:
                self.window.status.show_info(str(failed))
                return
            self.window.detail.show_image(image_id)  # shows the new caption
            self.window.status.show_info(self.tr("Caption saved."))

        run_in_background(
            self, lambda: library.set_caption(image_id, edited), saved, "caption-write"
        )

    def show_caption_run(self) -> None:
        from stepfun_studio.ui.caption_dialog import CaptionDialog

        dialog = self.window.findChild(CaptionDialog, "captionDialog")
        if dialog is None:
            dialog = CaptionDialog(self.window.studio, self.window)
            dialog.captioned.connect(lambda _count: self.window.gallery.refresh())
        dialog.show()
        dialog.raise_()

    def _on_grid_stored(self, image_id: int) -> None:
        self.window.gallery.add_image(image_id)
        self.window.detail.show_image(image_id)


def _selected_reference(strip: ReferenceStrip) -> ReferenceImage | None:
    pictures, index = strip.value(), strip.selected()
    return pictures[index] if 0 <= index < len(pictures) else None
