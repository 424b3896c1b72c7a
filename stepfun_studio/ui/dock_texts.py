"""Words for what a model switch or a reuse left out, in the user's language.

`core.adapt.adapt_request` names what it dropped in English ("seed", "negative prompt",
"2 references"), as every layer below the UI speaks; this turns those names into the UI's
language for the status line, and passes through any name it does not know.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def dropped_name(name: str) -> str:
    known = {
        "seed": QCoreApplication.translate("DockTexts", "seed"),
        "steps": QCoreApplication.translate("DockTexts", "steps"),
        "guidance": QCoreApplication.translate("DockTexts", "guidance (CFG)"),
        "cfg scale": QCoreApplication.translate("DockTexts", "guidance (CFG)"),
        "CFG scale": QCoreApplication.translate("DockTexts", "guidance (CFG)"),
        "negative prompt": QCoreApplication.translate("DockTexts", "negative prompt"),
        "text mode": QCoreApplication.translate("DockTexts", "text mode"),
        "style reference": QCoreApplication.translate("DockTexts", "style reference"),
        "source image": QCoreApplication.translate("DockTexts", "source image"),
        "source weight": QCoreApplication.translate("DockTexts", "source weight"),
        "mask": QCoreApplication.translate("DockTexts", "mask"),
        "quality": QCoreApplication.translate("DockTexts", "quality"),
        "background": QCoreApplication.translate("DockTexts", "background"),
        "output format": QCoreApplication.translate("DockTexts", "format"),
        "input fidelity": QCoreApplication.translate("DockTexts", "input fidelity"),
        "watermark": QCoreApplication.translate("DockTexts", "watermark"),
    }
    if name in known:
        return known[name]
    references = re.fullmatch(r"(\d+) references?", name)
    if references:
        count = int(references.group(1))
        if count == 1:
            return QCoreApplication.translate("DockTexts", "1 reference picture")
        return QCoreApplication.translate("DockTexts", "{n} reference pictures").format(n=count)
    size = re.fullmatch(r"size (\S+)", name)
    if size:
        return QCoreApplication.translate("DockTexts", "size {size}").format(size=size.group(1))
    return name


def dropped_text(names: list[str]) -> str:
    """ "seed, steps, negative prompt", in the UI's language."""
    return QCoreApplication.translate("DockTexts", ", ").join(dropped_name(n) for n in names)
