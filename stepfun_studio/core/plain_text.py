"""Text made safe to store, search, send and print: no NULs, no control codes, no lone surrogates.

Text reaches us from paste buffers, files, other programs and servers. SQLite refuses a lone
surrogate (`UnicodeEncodeError` when the string is bound) and FTS5 trips on a NUL; a server's
ANSI or OSC escape sequence printed raw can retitle or clear the user's terminal. One function
cleans text at the borders where it enters, so nothing further in needs to care.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (colours, cursor, clear screen), OSC (window title, links, ended
# by BEL or ST) and the two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC … BEL / ST
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
)
# C0 and C1 control characters, except tab and newline (a prompt may have lines).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def plain_text(text: str) -> str:
    """`text` without escape sequences, control characters or lone surrogates (as U+FFFD)."""
    if text.isprintable():
        return text  # the common case, at C speed
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _LONE_SURROGATE.sub("\ufffd", text)
