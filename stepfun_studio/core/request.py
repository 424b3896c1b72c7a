"""What the user asks for: one `GenerationRequest`, in one of three modes.

The prompt editor and the parameter dock edit one of these; the job queue fans it out into one
request per image; the library stores every field so any result can be made again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from enum import StrEnum

from stepfun_studio.core.plain_text import plain_text

MAX_SEED = 2_147_483_647
MAX_IMAGE_COUNT = 16


class Mode(StrEnum):
    """The three endpoints; the value is the endpoint's last path segment."""

    TEXT_TO_IMAGE = "generations"
    REDRAW = "image2image"
    EDIT = "edits"

    @property
    def path(self) -> str:
        return f"/images/{self.value}"


class ResponseFormat(StrEnum):
    URL = "url"
    B64_JSON = "b64_json"


@dataclass(frozen=True)
class ReferenceImage:
    """An image ready to send: PNG or JPEG bytes within the API's limits.

    `sha256` identifies it in the library (the bytes are stored once under that hash). `name` is
    what the user knows it by (the file name they dropped), for display only.
    """

    data: bytes = field(repr=False)
    mime: str
    width: int
    height: int
    name: str = ""
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", hashlib.sha256(self.data).hexdigest())

    @property
    def data_uri(self) -> str:
        import base64

        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class GenerationRequest:
    """Every parameter of one generation, as the user set it.

    `seed` 0 means "let the server choose". `n` is how many images the user wants; the API takes
    only one per call, so `fan_out()` makes n single-image requests.
    """

    prompt: str = ""
    model: str = "step-1x-medium"
    # Which API to send it to (an id of the model table's providers). The model names the
    # provider too; this is kept so a picture's record says where it was made.
    provider: str = "stepfun"
    mode: Mode = Mode.TEXT_TO_IMAGE
    size: str = "1024x1024"
    steps: int = 50
    cfg_scale: float = 7.5
    seed: int = 0
    n: int = 1
    response_format: ResponseFormat = ResponseFormat.B64_JSON
    negative_prompt: str = ""
    text_mode: bool = False
    source: ReferenceImage | None = None
    source_weight: float = 0.5
    style: ReferenceImage | None = None
    style_weight: float = 1.0
    # Reference pictures for models that take several (Seedream, gpt-image edits, Qwen edit),
    # in the order the user set them; `source`, when set, is sent before them.
    references: tuple[ReferenceImage, ...] = ()
    # gpt-image's mask: same size as the source, alpha 0 where the picture may change.
    mask: ReferenceImage | None = None
    # Provider-specific choices by name, values as sent (("quality", "high"), ("watermark",
    # "false")); the model table's `options` say which a model takes.
    options: tuple[tuple[str, str], ...] = ()

    @property
    def width(self) -> int:
        return parse_size(self.size)[0]

    @property
    def height(self) -> int:
        return parse_size(self.size)[1]

    def __post_init__(self) -> None:
        # Every road to a request (typing, paste, a dropped PNG's metadata, the CLI) passes here:
        # a NUL or a lone surrogate would fail later, at the database or on the wire.
        for name in ("prompt", "negative_prompt"):
            value = getattr(self, name)
            cleaned = plain_text(value)
            if cleaned is not value:
                object.__setattr__(self, name, cleaned)

    def option(self, name: str, default: str = "") -> str:
        return dict(self.options).get(name, default)

    def with_option(self, name: str, value: str) -> GenerationRequest:
        kept = tuple((key, old) for key, old in self.options if key != name)
        return replace(self, options=(*kept, (name, value)))

    @property
    def has_fixed_size(self) -> bool:
        """False for named sizes a server resolves itself ("auto", Seedream's "2K")."""
        try:
            parse_size(self.size)
        except ValueError:
            return False
        return True

    def with_changes(self, **changes: object) -> GenerationRequest:
        return replace(self, **changes)  # type: ignore[arg-type]

    def fan_out(self) -> list[GenerationRequest]:
        """One single-image request per wanted image, each with its own seed.

        A fixed seed S gives S, S+1, S+2 … (wrapping inside the valid range), so a batch is
        reproducible image by image; seed 0 stays 0 so the server picks a fresh one each time.
        """
        count = max(1, self.n)
        if self.seed == 0:
            return [replace(self, n=1) for _ in range(count)]
        return [replace(self, n=1, seed=(self.seed - 1 + i) % MAX_SEED + 1) for i in range(count)]


def parse_size(size: str) -> tuple[int, int]:
    """ "1280x800" -> (1280, 800); raises ValueError on anything else."""
    parts = size.lower().replace("×", "x").split("x")
    if len(parts) != 2:
        raise ValueError(f"not a size: {size!r}")
    width, height = int(parts[0]), int(parts[1])
    if width <= 0 or height <= 0:
        raise ValueError(f"not a size: {size!r}")
    return width, height
