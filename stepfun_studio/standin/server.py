"""`StandinServer`: a local, real-HTTP stand-in for every image API the app speaks, on 127.0.0.1.

One server answers all protocols at once, each under its provider's `standin_prefix` from the
model table: StepFun at `/v1` (as it always has), OpenAI Images at `/openai/v1`, Volcengine Ark
at `/ark/api/v3`, SiliconFlow at `/siliconflow/v1`, an OpenAI-compatible server at
`/compatible/v1`. Tests, benchmarks and the offline demo talk to it exactly as they would to the
real thing: the same routes, checks, answer and error shapes, links that expire. It records
every request (without the key) and counts them, so a test can prove nothing was sent, and paid
for, twice; and it breaks on demand, the same way for every protocol (see `faults.py`).
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter, OrderedDict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import ThreadingHTTPServer

from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.request import MAX_SEED
from stepfun_studio.standin.faults import FAULT_KEY_PREFIX, FaultBook
from stepfun_studio.standin.handler import StandinHandler
from stepfun_studio.standin.protocols import Protocol, build_protocols
from stepfun_studio.standin.recording import RecordedRequest

V0_LIMITS = (5, 10)
KEPT_IMAGES = 256
KEPT_REQUESTS = 1000


@dataclass(frozen=True)
class StoredImage:
    """A picture kept for its link."""

    data: bytes
    media_type: str
    born: float
    expiry_s: float
    delay_s: float

    def expired(self, now: float) -> bool:
        return now - self.born > self.expiry_s


class StandinServer:
    """Serves the stand-in APIs on 127.0.0.1 in a daemon thread (`port=0` picks a free port).

    `url_expiry_s` sets how long every link lives (None: each provider's own, StepFun and
    SiliconFlow 1 h, Ark 24 h). `retired_models` makes StepFun answer as its retired image
    service does: True or "404" for 404 "model not found", "503" for a 503. `compatible_models`
    are the names the OpenAI-compatible server serves; None lists DEFAULT_COMPATIBLE_MODELS and
    accepts any name, as sd.cpp's server or a one-model vLLM does.
    """

    def __init__(
        self,
        port: int = 0,
        latency_s: float = 0.0,
        url_expiry_s: float | None = None,
        accepted_keys: set[str] | None = None,
        *,
        limits: tuple[int, int] | None = None,
        retired_models: bool | str = False,
        compatible_models: Sequence[str] | None = None,
        balance: float = 100.0,
        table: ModelTable | None = None,
    ) -> None:
        self.latency_s = latency_s
        self.url_expiry_s = url_expiry_s
        self.accepted_keys = accepted_keys
        # (concurrent, per minute), e.g. V0_LIMITS; None = unlimited, as by default.
        self.limits = limits
        self.retired_models = retired_models
        self.compatible_models = tuple(compatible_models) if compatible_models else None
        self.balance = balance
        self.table = table or model_table()
        self.faults = FaultBook()
        # The newest KEPT_REQUESTS records (a demo session can run for days, and a redraw's
        # record holds its source image); the counts cover every request ever received.
        self.requests: deque[RecordedRequest] = deque(maxlen=KEPT_REQUESTS)
        self._counts: Counter[str] = Counter()
        self.dropped_connections = 0
        self._lock = threading.Lock()
        self._images: OrderedDict[str, StoredImage] = OrderedDict()
        self._in_flight = 0
        self._starts: list[float] = []
        self._seeds = random.Random()
        # For tests that compare two answers: the seed a "pick one yourself" request gets
        # (StepFun's seed 0, and every call of a model that takes no seed). None: random.
        self.fixed_seed: int | None = None
        # Longest prefix first, so "/openai/v1" is not taken for StepFun's "/v1".
        self.protocols: tuple[Protocol, ...] = build_protocols(self, self.table)
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), StandinHandler)
        self._httpd.daemon_threads = True
        self._httpd.standin = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """StepFun's base URL (what the app and the notebook guide have always used)."""
        return self.base_url_for("stepfun")

    def base_url_for(self, provider_id: str) -> str:
        """The base URL of one provider's stand-in: its `standin_prefix` on this server."""
        provider = self.table.provider(provider_id)
        if provider is None:
            known = ", ".join(self.table.provider_ids())
            raise KeyError(f"no provider {provider_id!r} in the model table; known: {known}")
        return f"{self.origin}{provider.standin_prefix}"

    def base_urls(self) -> dict[str, str]:
        """Every provider's base URL, by provider id, in the table's order."""
        return {
            provider_id: self.base_url_for(provider_id) for provider_id in self.table.provider_ids()
        }

    def start(self) -> StandinServer:
        # A short poll interval makes stop() quick; tests start and stop hundreds of servers.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="standin-server",
            daemon=True,
        )
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._httpd.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> StandinServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- what tests look at and switch ------------------------------------------------------

    def request_count(self, path: str | None = None) -> int:
        """Requests received, all or those whose path ends with `path` (e.g. "/generations")."""
        with self._lock:
            return sum(
                count
                for seen, count in self._counts.items()
                if path is None or seen == path or seen.endswith(path)
            )

    def add_fault(
        self,
        name: str,
        *,
        times: int | None = 1,
        key: str | None = None,
        endpoint: str | None = None,
        path: str | None = None,
        provider: str | None = None,
        **params: object,
    ) -> None:
        """Breaks the next `times` image requests (None: all) in the way `name` says.

        Only requests with `key`, or whose path ends with `endpoint`, or which go to `path` (a
        prefix or an ending) or to `provider`'s stand-in, when given.
        """
        if provider is not None:
            path = self.base_url_for(provider).removeprefix(self.origin)
        self.faults.add(name, times=times, key=key, endpoint=endpoint, path=path, **params)

    def clear_faults(self) -> None:
        self.faults.clear()

    def enable_v0_limits(self, enabled: bool = True) -> None:
        self.limits = V0_LIMITS if enabled else None

    # -- used by the handler and the protocols ----------------------------------------------

    def protocol_for(self, path: str) -> Protocol | None:
        for protocol in self.protocols:
            if path == protocol.prefix or path.startswith(protocol.prefix + "/"):
                return protocol
        return None

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)
            self._counts[request.path] += 1

    def note_dropped(self) -> None:
        with self._lock:
            self.dropped_connections += 1

    def key_accepted(self, key: str) -> bool:
        if not key:
            return False
        if key.startswith(FAULT_KEY_PREFIX) and not key.endswith("-401"):
            return True
        return self.accepted_keys is None or key in self.accepted_keys

    def enter_limits(self) -> str | None:
        """Counts one request in; a message when it is over the switched-on limits."""
        with self._lock:
            now = time.monotonic()
            self._starts = [t for t in self._starts if now - t < 60.0]
            if self.limits is not None:
                concurrent, per_minute = self.limits
                if self._in_flight >= concurrent:
                    return f"Too many concurrent requests: at most {concurrent} at once"
                if len(self._starts) >= per_minute:
                    return f"Too many requests: at most {per_minute} per minute"
            self._in_flight += 1
            self._starts.append(now)
            return None

    def leave_limits(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def choose_seed(self, asked: int, maximum: int = MAX_SEED) -> int:
        if asked:
            return asked
        if self.fixed_seed is not None:
            return self.fixed_seed
        with self._lock:
            return self._seeds.randint(1, maximum)

    def keep_image(
        self,
        data: bytes,
        *,
        expired: bool,
        delay_s: float = 0.0,
        media_type: str = "image/png",
        expiry_s: float = 3600.0,
    ) -> tuple[str, float, float]:
        """Stores a picture for its link: (its id, when it was born, how long it lives).

        `expired` backdates it past its life; `delay_s` makes fetching it that much slower.
        """
        image_id = uuid.uuid4().hex
        life = self.url_expiry_s if self.url_expiry_s is not None else expiry_s
        born = time.time() - (life + 1 if expired else 0)
        with self._lock:
            self._images[image_id] = StoredImage(data, media_type, born, life, delay_s)
            while len(self._images) > KEPT_IMAGES:
                self._images.popitem(last=False)
        return image_id, born, life

    def image(self, image_id: str) -> tuple[StoredImage, bool] | None:
        """The stored picture and whether its link has expired."""
        with self._lock:
            entry = self._images.get(image_id)
        if entry is None:
            return None
        return entry, entry.expired(time.time())
