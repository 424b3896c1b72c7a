"""A translation hook for the layers that cannot import Qt.

Messages in `core`, `api` and `library` are written in English and passed through `tr()`. The UI
installs Qt's translator at start-up, so the same calls come out in Chinese when the user chose
Chinese, and the `.ts` files collect them like any `self.tr()` string.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def install_translator(translator: Translator) -> None:
    """Called once by the UI, e.g. with `QCoreApplication.translate`."""
    global _translator  # noqa: PLW0603 - one process-wide hook, set once at start-up
    _translator = translator


def tr(context: str, text: str) -> str:
    return _translator(context, text)
