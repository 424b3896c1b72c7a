"""The app's log: a rotating file in the platform's log dir, with every secret redacted.

`setup_logging()` is called once at start. The `RedactingFilter` sits on the handlers (not on a
logger), so every record that reaches the file or the console passes through it, whichever
library logged it: the formatted message, the exception text and the stack are all scrubbed of
the known key, `Authorization` headers, `Bearer` tokens and anything shaped like a key.

The app starts with a plain file handler on the same file (`rotate_later`) and swaps in the
rotating one after its window's first paint (`rotate_from_now`): `logging.handlers` imports
socket and pickle, ~10 ms that the first frame would otherwise wait for.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.redaction import redact

LOG_FILE = "stepfun-studio.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Libraries that log request details at DEBUG; the filter would scrub them, but their detail is
# noise for a user's log and costs time on every request.
QUIET_LOGGERS = ("openai", "httpx", "httpx2", "httpcore", "httpcore2", "PIL", "asyncio")

_HANDLER_MARK = "_stepfun_studio_handler"


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no secret survives formatting."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg!r} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(
    paths: AppPaths | None = None,
    *,
    level: int = logging.INFO,
    console: bool = False,
    rotate_later: bool = False,
) -> Path:
    """Send the app's logging to a rotating file (and optionally stderr); returns the file.

    With `rotate_later`, the file is appended to without rotating until `rotate_from_now()`.
    Safe to call twice: the handlers it added before are replaced, not doubled.
    """
    paths = paths or AppPaths.from_environment()
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    log_path = paths.log_dir / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False):
            root.removeHandler(handler)
            handler.close()

    handlers = [
        logging.FileHandler(log_path, encoding="utf-8") if rotate_later else _rotating(log_path)
    ]
    if console:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        _install(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    # Python warnings go through logging too, so they meet the filter.
    logging.captureWarnings(True)
    return log_path


def rotate_from_now() -> None:
    """Swaps the plain file handler of `setup_logging(rotate_later=True)` for the rotating one
    on the same file."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _HANDLER_MARK, False) and type(handler) is logging.FileHandler:
            _install(_rotating(Path(handler.baseFilename)))
            root.removeHandler(handler)
            handler.close()


def _rotating(log_path: Path) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(
        log_path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )


def _install(handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RedactingFilter())
    setattr(handler, _HANDLER_MARK, True)
    logging.getLogger().addHandler(handler)


def protect_all_handlers() -> None:
    """Add the filter to every root handler that lacks it (e.g. one pytest or a host added)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
