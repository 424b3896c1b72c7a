"""The prompt library (`promptLibraryView`): the full prompt history with the pictures each prompt
made, saved styles (templates with a `{prompt}` slot; A1111's styles.csv imported), wildcard
lists, and export/import as JSON.

Everything it reads or writes (the history query, thumbnails, styles.json, the wildcard files)
goes through `run_in_background`; the GUI thread only shows answers. Using an entry hands text to
the window by a signal: the view never edits the prompt editor itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.prompt_templates import PromptStyle, parse_styles_csv
from stepfun_studio.library.library import Library
from stepfun_studio.library.prompt_library import PromptEntry, PromptFiles, read_text_file
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.timers import single_shot

THUMB = 48
STRIP = 4  # thumbnails shown per prompt


def _strip_images(library: Library, entries: list[PromptEntry]) -> list[list[QImage]]:
    """Each entry's newest thumbnails, small (runs off the GUI thread; QImage is safe there)."""
    strips: list[list[QImage]] = []
    for entry in entries:
        images = []
        for image_id in entry.image_ids[:STRIP]:
            path = library.thumbnail_path(image_id)
            if not path.exists() and not library.ensure_thumbnail(image_id):
                continue
            image = QImage(str(path))
            if not image.isNull():
                images.append(
                    image.scaled(
                        THUMB,
                        THUMB,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
        strips.append(images)
    return strips


def _strip_icon(images: list[QImage]) -> QIcon:
    canvas = QPixmap((THUMB + 2) * STRIP, THUMB)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    for index, image in enumerate(images):
        painter.drawImage(index * (THUMB + 2), (THUMB - image.height()) // 2, image)
    painter.end()
    return QIcon(canvas)


class PromptLibraryView(QDialog):
    """History, Styles and Wildcards tabs over one library."""

    prompt_chosen = Signal(str, str)  # prompt, negative prompt
    style_chosen = Signal(object)  # PromptStyle, applied by the window to its prompt
    files_changed = Signal()  # styles or wildcard lists were saved or imported

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptLibraryView")
        self.setWindowTitle(self.tr("Prompt Library"))
        self._library = library
        self._files = PromptFiles(library.paths.library_dir)
        self._styles: list[PromptStyle] = []
        self._lists: dict[str, list[str]] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._history_tab(), self.tr("History"))
        self.tabs.addTab(self._styles_tab(), self.tr("Styles"))
        self.tabs.addTab(self._wildcards_tab(), self.tr("Wildcards"))
        self.message = QLabel(self)
        self.message.setObjectName("promptLibraryMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        export = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.ActionRole)
        take = buttons.addButton(self.tr("Import…"), QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self._export)
        take.clicked.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self._search_timer = single_shot(self, 150, self.refresh_history)
        self.refresh_history()
        self._reload_files()

    # --- the work off the GUI thread, and its answer ------------------------------------------

    def _background(self, work: Callable[[], Any], done: Callable[[Any], None], name: str) -> None:
        def answer(result: Any, error: BaseException | None) -> None:
            if error is not None:
                text = error.message if isinstance(error, AppError) else str(error)
                self.message.setText(text)
                return
            done(result)

        run_in_background(self, work, answer, name)

    # --- history ------------------------------------------------------------------------------

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        self.search = QLineEdit(page)
        self.search.setObjectName("promptHistorySearch")
        self.search.setPlaceholderText(self.tr("Search prompts"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.history = QListWidget(page)
        self.history.setObjectName("promptHistoryList")
        self.history.setIconSize(QSize((THUMB + 2) * STRIP, THUMB))
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.itemActivated.connect(self._use_history_item)
        use = QPushButton(self.tr("Use as Prompt"), page)
        use.clicked.connect(lambda: self._use_history_item(self.history.currentItem()))
        layout = QVBoxLayout(page)
        layout.addWidget(self.search)
        layout.addWidget(self.history, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(use)
        layout.addLayout(row)
        return page

    def refresh_history(self) -> None:
        library, text = self._library, self.search.text().strip()

        def work() -> tuple[list[PromptEntry], list[list[QImage]]]:
            entries = library.prompt_history(text)
            return entries, _strip_images(library, entries[:60])

        self._background(work, self._show_history, "prompt-history")

    def _show_history(self, answer: tuple[list[PromptEntry], list[list[QImage]]]) -> None:
        entries, strips = answer
        self.history.clear()
        if not entries:
            empty = QListWidgetItem(
                self.tr("No prompt matches.")
                if self.search.text().strip()
                else self.tr("Prompts you generate with appear here, with their pictures.")
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(empty)
            return
        for index, entry in enumerate(entries):
            when = dt.datetime.fromtimestamp(entry.last_used).strftime("%Y-%m-%d %H:%M")
            text = entry.prompt if len(entry.prompt) <= 160 else entry.prompt[:159] + "…"
            item = QListWidgetItem(
                text
                + "\n"
                + self.tr("%n picture(s), last used {when}", "", entry.uses).format(when=when)
            )
            item.setToolTip(entry.prompt)
            item.setData(Qt.ItemDataRole.UserRole, (entry.prompt, entry.negative_prompt))
            if index < len(strips):
                item.setIcon(_strip_icon(strips[index]))
            self.history.addItem(item)

    def _use_history_item(self, item: QListWidgetItem | None) -> None:
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if data:
            self.prompt_chosen.emit(data[0], data[1])

    # --- styles -------------------------------------------------------------------------------

    def _styles_tab(self) -> QWidget:
        page = QWidget(self)
        self.style_list = QListWidget(page)
        self.style_list.setObjectName("promptStyleList")
        self.style_list.currentRowChanged.connect(self._show_style)
        self.style_name = QLineEdit(page)
        self.style_prompt = QPlainTextEdit(page)
        self.style_prompt.setPlaceholderText(
            self.tr("e.g. cinematic still of {prompt}, film grain")
        )
        self.style_negative = QPlainTextEdit(page)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.style_name)
        form.addRow(self.tr("Prompt template:"), self.style_prompt)
        form.addRow(self.tr("Negative prompt:"), self.style_negative)
        hint = QLabel(
            self.tr("{prompt} marks where your prompt goes; without it the style is added after."),
            page,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Save Style"), self._save_style),
            (self.tr("Delete"), self._delete_style),
            (self.tr("Import A1111 styles.csv…"), self._import_csv),
            (self.tr("Apply to Prompt"), self._apply_style),
        ):
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        return _list_beside_editor(page, self.style_list, form, buttons)

    def _reload_files(self) -> None:
        files = self._files
        self._background(lambda: (files.load_styles(), files.load_wildcards()), self._show_files,
                         "prompt-files")  # fmt: skip

    def _show_files(self, answer: tuple[list[PromptStyle], dict[str, list[str]]]) -> None:
        self._styles, self._lists = answer
        self.style_list.clear()
        self.style_list.addItems([style.name for style in self._styles])
        self.wildcard_list.clear()
        self.wildcard_list.addItems(sorted(self._lists))

    def _show_style(self, row: int) -> None:
        if 0 <= row < len(self._styles):
            style = self._styles[row]
            self.style_name.setText(style.name)
            self.style_prompt.setPlainText(style.prompt)
            self.style_negative.setPlainText(style.negative_prompt)

    def _edited_style(self) -> PromptStyle | None:
        name = self.style_name.text().strip()
        if not name:
            self.message.setText(self.tr("Give the style a name first."))
            return None
        return PromptStyle(
            name, self.style_prompt.toPlainText().strip(), self.style_negative.toPlainText().strip()
        )

    def _save_style(self) -> None:
        style = self._edited_style()
        if style is not None:
            files = self._files
            self._background(lambda: files.add_styles([style]), self._saved, "prompt-styles")

    def _delete_style(self) -> None:
        name = self.style_name.text().strip()
        kept = [style for style in self._styles if style.name != name]
        files = self._files
        self._background(lambda: files.save_styles(kept), self._saved, "prompt-styles")

    def _saved(self, _result: object = None) -> None:
        self.message.setText(self.tr("Saved."))
        self._reload_files()
        self.files_changed.emit()

    def _apply_style(self) -> None:
        style = self._edited_style()
        if style is not None:
            self.style_chosen.emit(style)

    def _import_file(
        self, title: str, kinds: str, take: Callable[[str], Any], done: Callable[[Any], None]
    ) -> None:
        """Asks for a file, then reads it and hands its text to `take`, both off the GUI
        thread; `done` gets what `take` returned."""
        path, _filter = QFileDialog.getOpenFileName(self, title, "", kinds)
        if path:
            self._background(lambda: take(read_text_file(Path(path))), done, "prompt-import")

    def _import_csv(self) -> None:
        files = self._files

        def take(text: str) -> int:
            styles = parse_styles_csv(text)
            files.add_styles(styles)
            return len(styles)

        self._import_file(
            self.tr("Import A1111 Styles"), self.tr("Styles (*.csv)"), take, self._imported_styles
        )

    def _imported_styles(self, count: int) -> None:
        self.message.setText(self.tr("Imported %n style(s).", "", count))
        self._reload_files()
        self.files_changed.emit()

    # --- wildcards ----------------------------------------------------------------------------

    def _wildcards_tab(self) -> QWidget:
        page = QWidget(self)
        self.wildcard_list = QListWidget(page)
        self.wildcard_list.setObjectName("wildcardList")
        self.wildcard_list.currentTextChanged.connect(self._show_wildcard)
        self.wildcard_name = QLineEdit(page)
        self.wildcard_lines = QPlainTextEdit(page)
        self.wildcard_lines.setPlaceholderText(self.tr("One choice per line"))
        hint = QLabel(
            self.tr(
                "Write __name__ in a prompt to pick one line of the list named “name”. With a "
                "fixed seed the same lines are picked again."
            ),
            page,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.wildcard_name)
        form.addRow(self.tr("Choices:"), self.wildcard_lines)
        form.addRow(hint)
        save = QPushButton(self.tr("Save List"), page)
        delete = QPushButton(self.tr("Delete"), page)
        save.clicked.connect(self._save_wildcard)
        delete.clicked.connect(self._delete_wildcard)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(delete)
        buttons.addWidget(save)
        return _list_beside_editor(page, self.wildcard_list, form, buttons)

    def _show_wildcard(self, name: str) -> None:
        if name in self._lists:
            self.wildcard_name.setText(name)
            self.wildcard_lines.setPlainText("\n".join(self._lists[name]))

    def _save_wildcard(self) -> None:
        name = self.wildcard_name.text().strip()
        lines = [line.strip() for line in self.wildcard_lines.toPlainText().splitlines()]
        files = self._files
        self._background(
            lambda: files.save_wildcard(name, [line for line in lines if line]),
            self._saved,
            "prompt-wildcards",
        )

    def _delete_wildcard(self) -> None:
        name = self.wildcard_name.text().strip()
        files = self._files
        self._background(lambda: files.delete_wildcard(name), self._saved, "prompt-wildcards")

    # --- export and import --------------------------------------------------------------------

    def _export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Prompt Library"), "prompts.json", self.tr("JSON (*.json)")
        )
        if path:
            files = self._files
            self._background(
                lambda: Path(path).write_text(files.export_json(), encoding="utf-8"),
                lambda _r: self.message.setText(self.tr("Exported to {path}.").format(path=path)),
                "prompt-export",
            )

    def _import(self) -> None:
        title, kinds = self.tr("Import Prompt Library"), self.tr("JSON (*.json)")
        self._import_file(title, kinds, self._files.import_json, self._imported)

    def _imported(self, counts: tuple[int, int]) -> None:
        styles, lists = counts
        self.message.setText(
            self.tr("Imported {styles} styles and {lists} wildcard lists.").format(
                styles=styles, lists=lists
            )
        )
        self._reload_files()
        self.files_changed.emit()


def _list_beside_editor(
    page: QWidget, names: QListWidget, form: QFormLayout, buttons: QHBoxLayout
) -> QWidget:
    """The Styles and Wildcards tabs' layout: the names on the left, the editor on the right."""
    right = QVBoxLayout()
    right.addLayout(form)
    right.addLayout(buttons)
    layout = QHBoxLayout(page)
    layout.addWidget(names, 1)
    layout.addLayout(right, 2)
    return page
