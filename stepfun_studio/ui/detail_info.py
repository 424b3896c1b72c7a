"""The detail view's text panel: the prompt and every fact of one image, selectable and copyable.

A read-only `QTextBrowser`, because it wraps long unbroken values (trace ids, seeds) at any
character in a narrow dock, while a selection still copies them whole.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from stepfun_studio.core.request import Mode
from stepfun_studio.library.records import ImageRecord


class DetailInfo(QTextBrowser):
    """Prompt, negative prompt and a two-column list of parameters and facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailInfo")
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(10)
        self.setMinimumWidth(200)

    def show_nothing(self) -> None:
        nothing = self.tr("No image selected.")  # outside the f-string, where lupdate finds it
        self.setHtml(f"<p style='color:gray'>{html.escape(nothing)}</p>")

    def show_record(self, record: ImageRecord, has_style: bool) -> None:
        rows: list[tuple[str, str]] = [
            (self.tr("Model"), record.model),
            (self.tr("Mode"), self._mode_name(record.mode)),
            (self.tr("Size"), f"{record.width} × {record.height}"),
            (self.tr("Steps"), str(record.steps)),
            (self.tr("CFG scale"), f"{record.cfg_scale:g}"),
            (self.tr("Seed asked"), str(record.seed) if record.seed else self.tr("random")),
            (
                self.tr("Seed returned"),
                str(record.returned_seed) if record.returned_seed is not None else "—",
            ),
        ]
        if record.mode == Mode.REDRAW.value:
            rows.append((self.tr("Source weight"), f"{record.source_weight:g}"))
        if has_style or record.style_sha:
            rows.append((self.tr("Style weight"), f"{record.style_weight:g}"))
        if record.text_mode:
            rows.append((self.tr("Text mode"), self.tr("on")))
        elapsed = (
            self.tr("{s:.1f} s").format(s=record.elapsed_s) if record.elapsed_s is not None else "—"
        )
        created = datetime.fromtimestamp(record.created_at).strftime("%Y-%m-%d %H:%M:%S")
        rows += [
            (self.tr("Response"), record.response_format),
            (self.tr("Time taken"), elapsed),
            (self.tr("Created"), created),
            (self.tr("Trace id"), record.trace_id or "—"),
            (self.tr("Image id"), str(record.id)),
        ]
        table = "".join(
            f"<tr><td style='color:gray; padding-right:12px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        # lupdate does not look inside f-strings, so each tr() stands on its own.
        prompt_title = self.tr("Prompt")
        negative_title = self.tr("Negative prompt")
        parts = [f"<p><b>{html.escape(prompt_title)}</b><br>{_multiline(record.prompt)}</p>"]
        if record.negative_prompt:
            parts.append(
                f"<p><b>{html.escape(negative_title)}</b><br>"
                f"{_multiline(record.negative_prompt)}</p>"
            )
        parts.append(f"<table cellspacing='0' cellpadding='2'>{table}</table>")
        self.setHtml("".join(parts))

    def _mode_name(self, mode: str) -> str:
        return {
            Mode.TEXT_TO_IMAGE.value: self.tr("Text to image"),
            Mode.REDRAW.value: self.tr("Redraw"),
            Mode.EDIT.value: self.tr("Edit"),
        }.get(mode, mode)


def _multiline(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
