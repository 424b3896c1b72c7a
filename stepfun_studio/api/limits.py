"""The account tiers' rate limits and an asyncio `RateLimiter` that keeps under them.

StepFun sets the tier by the total ever topped up; each tier allows so many requests at once and
so many per minute (stepfun-api.md). Staying under both on our side means 429s are rare.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

WINDOW_S = 60.0


@dataclass(frozen=True)
class Tier:
    name: str
    top_up_cny: int
    concurrent: int
    per_minute: int


TIERS: dict[str, Tier] = {
    tier.name: tier
    for tier in (
        Tier("V0", 0, 5, 10),
        Tier("V1", 100, 100, 1_000),
        Tier("V2", 500, 200, 5_000),
        Tier("V3", 2_000, 400, 10_000),
        Tier("V4", 5_000, 1_000, 20_000),
        Tier("V5", 10_000, 10_000, 200_000),
    )
}
DEFAULT_TIER = "V0"


class RateLimiter:
    """At most `concurrency` holders at once, and at most `per_minute` entries per rolling minute.

    Use as `async with limiter:` around one request. Made for one event loop.
    """

    def __init__(
        self,
        concurrency: int,
        per_minute: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # Imported here: the settings read the tiers on the way to the first painted window,
        # which has no use for asyncio.
        import asyncio

        self.concurrency = max(1, concurrency)
        self.per_minute = max(1, per_minute)
        self._slots = asyncio.Semaphore(self.concurrency)
        self._starts: deque[float] = deque()
        self._budget = asyncio.Lock()
        self._clock = clock

    @classmethod
    def for_tier(cls, name: str) -> RateLimiter:
        tier = TIERS[name]
        return cls(tier.concurrent, tier.per_minute)

    def wait_before_next(self) -> float:
        """Seconds until one more request may start within the per-minute budget."""
        now = self._clock()
        while self._starts and now - self._starts[0] >= WINDOW_S:
            self._starts.popleft()
        if len(self._starts) < self.per_minute:
            return 0.0
        return WINDOW_S - (now - self._starts[0])

    async def __aenter__(self) -> RateLimiter:
        import asyncio

        await self._slots.acquire()
        try:
            # One waiter at a time takes the budget, so starts stay in order and none overshoots.
            async with self._budget:
                while (delay := self.wait_before_next()) > 0:
                    await asyncio.sleep(delay)
                self._starts.append(self._clock())
        except BaseException:
            self._slots.release()
            raise
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._slots.release()
