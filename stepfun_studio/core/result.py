"""`GenerationResult`: one finished image as the API gave it, before it enters the library."""

from __future__ import annotations

from dataclasses import dataclass, field

from stepfun_studio.core.request import GenerationRequest


@dataclass(frozen=True)
class GenerationResult:
    """One image: its bytes, the seed the server used, and the facts of the call.

    `request` is the single-image request that was sent (with the seed asked for; 0 = random),
    so `request.seed` and `seed` together say whether the seed was chosen or returned.
    """

    request: GenerationRequest
    image_bytes: bytes = field(repr=False)
    seed: int
    finish_reason: str
    width: int
    height: int
    mime: str = "image/png"
    trace_id: str | None = None
    elapsed_s: float = 0.0
    created: int | None = None
    # What the picture cost, where known: from the provider's token usage or the table's price.
    cost: float | None = None
    currency: str | None = None
    # The provider's own usage figures (tokens, generated images), as it sent them.
    usage: tuple[tuple[str, int], ...] = ()
