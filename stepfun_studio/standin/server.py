"""`StandinServer`: a local, real-HTTP stand-in for StepFun's image API on 127.0.0.1.

Tests, benchmarks and the offline demo talk to it exactly as they would to StepFun: the same
routes, the same error envelope, `X-Trace-Id` on every answer, links that expire. It records
every request (without the key) and counts them, so a test can prove nothing was sent, and paid
for, twice; and it breaks on demand (see `faults.py`).
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter, OrderedDict, deque
from http.server import ThreadingHTTPServer

from stepfun_studio.core.request import MAX_SEED
from stepfun_studio.standin.faults import FaultBook
from stepfun_studio.standin.handler import StandinHandler
from stepfun_studio.standin.recording import RecordedRequest

V0_LIMITS = (5, 10)
KEPT_IMAGES = 256
KEPT_REQUESTS = 1000


class StandinServer:
    """Serves the stand-in API on 127.0.0.1 in a daemon thread (`port=0` picks a free port)."""

    def __init__(
        self,
        port: int = 0,
        latency_s: float = 0.0,
        url_expiry_s: float = 3600.0,
        accepted_keys: set[str] | None = None,
        *,
        limits: tuple[int, int] | None = None,
    ) -> None:
        self.latency_s = latency_s
        self.url_expiry_s = url_expiry_s
        self.accepted_keys = accepted_keys
        # (concurrent, per minute), e.g. V0_LIMITS; None = unlimited, as by default.
        self.limits = limits
        self.faults = FaultBook()
        # The newest KEPT_REQUESTS records (a demo session can run for days, and a redraw's
        # record holds its source image); the counts cover every request ever received.
        self.requests: deque[RecordedRequest] = deque(maxlen=KEPT_REQUESTS)
        self._counts: Counter[str] = Counter()
        self.dropped_connections = 0
        self._lock = threading.Lock()
        self._images: OrderedDict[str, tuple[bytes, float, float]] = OrderedDict()
        self._in_flight = 0
        self._starts: list[float] = []
        self._seeds = random.Random()
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
        return f"{self.origin}/v1"

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
        **params: object,
    ) -> None:
        self.faults.add(name, times=times, key=key, endpoint=endpoint, **params)

    def clear_faults(self) -> None:
        self.faults.clear()

    def enable_v0_limits(self, enabled: bool = True) -> None:
        self.limits = V0_LIMITS if enabled else None

    # -- used by the handler ----------------------------------------------------------------

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
        if key.startswith("standin-fault-") and not key.endswith("-401"):
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

    def choose_seed(self, asked: int) -> int:
        if asked:
            return asked
        with self._lock:
            return self._seeds.randint(1, MAX_SEED)

    def keep_image(self, png: bytes, expired: bool, delay_s: float = 0.0) -> str:
        """Stores a picture for its link; `delay_s` makes fetching it that much slower."""
        image_id = uuid.uuid4().hex
        born = time.time() - (self.url_expiry_s + 1 if expired else 0)
        with self._lock:
            self._images[image_id] = (png, born, delay_s)
            while len(self._images) > KEPT_IMAGES:
                self._images.popitem(last=False)
        date = time.strftime("%Y%m%d", time.gmtime(born))
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(born))
        return (
            f"{self.origin}/image_gen/{date}/{image_id}.png?X-Tos-Algorithm=TOS4-HMAC-SHA256"
            f"&X-Tos-Date={stamp}&X-Tos-Expires={int(self.url_expiry_s)}"
            f"&X-Tos-Signature={uuid.uuid4().hex}"
        )

    def image(self, image_id: str) -> tuple[bytes, bool, float] | None:
        """The stored picture, whether its link has expired, and how slowly it is served."""
        with self._lock:
            entry = self._images.get(image_id)
        if entry is None:
            return None
        png, born, delay_s = entry
        return png, time.time() - born > self.url_expiry_s, delay_s
