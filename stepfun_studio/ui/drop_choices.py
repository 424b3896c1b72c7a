"""Which drop choices the chosen model can take now, and why the others are missing.

A picture dropped on the window may become the source of a redraw, the picture to edit, a style
reference or one more reference picture, but only where the chosen model has that and it
combines with what is already set (a style reference goes with text to image only, so not while
a source is set). Offering a choice that leads to a disabled Generate is worse than not offering
it; so each choice left out comes with the reason, which the overlay shows under the buttons.
All of it is asked of the `ModelSpec`, never of a provider's or a model's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from stepfun_studio.core.model_table import ModelSpec
from stepfun_studio.core.request import Mode


class DropChoice(StrEnum):
    REDRAW = "redraw"
    EDIT = "edit"
    REFERENCE = "reference"
    STYLE = "style"
    RESTORE = "restore"
    IMPORT = "import"


@dataclass(frozen=True)
class DropTarget:
    """What the dock holds now, as far as a drop is concerned."""

    spec: ModelSpec | None
    has_source: bool
    references: int


@dataclass(frozen=True)
class DropOffer:
    offered: tuple[DropChoice, ...]
    # (choice, why it is not offered), for choices a user could expect here.
    missing: tuple[tuple[DropChoice, str], ...] = field(default=())


def offer_for(target: DropTarget, *, pictures: int, can_import: bool) -> DropOffer:
    """The choices for `pictures` dropped pictures on a dock holding `target`."""
    spec = target.spec
    offered: list[DropChoice] = []
    missing: list[tuple[DropChoice, str]] = []
    if spec is None:
        return DropOffer((DropChoice.IMPORT,) if pictures > 1 and can_import else ())
    room = spec.max_references - target.references
    if pictures > 1:
        if spec.max_references and room > 0:
            offered.append(DropChoice.REFERENCE)
        if can_import:
            offered.append(DropChoice.IMPORT)
        return DropOffer(tuple(offered))

    redraws = spec.supports(Mode.REDRAW) and (
        spec.has_source_weight or not spec.supports(Mode.EDIT)
    )
    if redraws:
        offered.append(DropChoice.REDRAW)
    elif spec.supports(Mode.EDIT):
        offered.append(DropChoice.EDIT)
    else:
        missing.append(
            (
                DropChoice.EDIT,
                QCoreApplication.translate(
                    "DropChoices", "This model draws from text only; it takes no picture."
                ),
            )
        )

    if spec.max_references:
        if room > 0:
            offered.append(DropChoice.REFERENCE)
        else:
            missing.append(
                (
                    DropChoice.REFERENCE,
                    QCoreApplication.translate(
                        "DropChoices", "The reference pictures are full ({count} / {limit})."
                    ).format(count=target.references, limit=spec.max_references),
                )
            )
    elif not spec.supports_style_reference:
        missing.append(
            (
                DropChoice.REFERENCE,
                QCoreApplication.translate(
                    "DropChoices", "This model takes no reference pictures."
                ),
            )
        )

    if not spec.supports_style_reference:
        missing.append(
            (
                DropChoice.STYLE,
                QCoreApplication.translate("DropChoices", "This model takes no style reference."),
            )
        )
    elif target.has_source:
        # A style reference works with text to image only: with a source it would only make
        # Generate refuse the request.
        missing.append(
            (
                DropChoice.STYLE,
                QCoreApplication.translate(
                    "DropChoices",
                    "A style reference works only without a source image; remove the source first.",
                ),
            )
        )
    else:
        offered.append(DropChoice.STYLE)
    return DropOffer(tuple(offered), tuple(missing))
