"""The detail view's text panel: the prompt and every fact of one image, selectable and copyable.

Where the picture was made (the provider's name from the model table, beside the model), what
it cost, and only the parameters its model takes.

A read-only `QTextBrowser`, because it wraps long unbroken values (trace ids, seeds) at any
character in a narrow dock, while a selection still copies them whole.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from stepfun_studio.core.cost import format_money
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import Mode
from stepfun_studio.library.records import ImageRecord
from stepfun_studio.ui.provider_names import provider_label


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
        # Fields the model does not take (gpt-image has no steps or seed) are not listed; a
        # model the table does not know shows them all, as stored.
        spec = model_table().get(record.model)
        rows: list[tuple[str, str]] = [
            (self.tr("Provider"), provider_label(record.provider)),
            (self.tr("Model"), record.model),
            (self.tr("Mode"), self._mode_name(record.mode)),
            (self.tr("Size"), f"{record.width} × {record.height}"),
        ]
        if spec is None or spec.steps_for(Mode(record.mode)) is not None:
            rows.append((self.tr("Steps"), str(record.steps)))
        if spec is None or spec.cfg_scale is not None:
            rows.append((self.tr("CFG scale"), f"{record.cfg_scale:g}"))
        if spec is None or spec.seed is not None:
            asked = str(record.seed) if record.seed else self.tr("random")
            rows.append((self.tr("Seed asked"), asked))
        if spec is None or spec.seed is not None or record.returned_seed is not None:
            returned = str(record.returned_seed) if record.returned_seed is not None else "—"
            rows.append((self.tr("Seed returned"), returned))
        if record.options:
            options = " · ".join(f"{name} {value}" for name, value in record.options)
            rows.append((self.tr("Options"), options))
        if record.references:
            names = ", ".join(name or sha[:12] for sha, name in record.references)
            rows.append((self.tr("References"), f"{len(record.references)}: {names}"))
        if record.mask is not None:
            rows.append((self.tr("Mask"), record.mask[1] or record.mask[0][:12]))
        if record.origin == "generated":
            cost = (
                format_money(record.cost, record.currency)
                if record.cost is not None and record.currency
                else self.tr("unknown")
            )
            rows.append((self.tr("Cost"), cost))
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
        if record.caption:
            # What a vision model said the picture shows (searchable; More ▸ Edit Caption…).
            caption_title = self.tr("Caption")
            parts.append(
                f"<p><b>{html.escape(caption_title)}</b><br>{_multiline(record.caption)}</p>"
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
