"""What the stand-in records of each request, for tests to look at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RecordedRequest:
    """One request as the server saw it; `headers` has the Authorization value removed.

    `files` has the first upload of each name; `uploads` every file part in order (gpt-image
    edits repeat `image[]`).
    """

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None = None
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    uploads: list[dict[str, Any]] = field(default_factory=list)
    status: int | None = None
    fault: str | None = None
