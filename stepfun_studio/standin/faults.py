"""The stand-in's fault book: which requests get a broken answer, and how.

A fault is switched on three ways, so any test can reach it:
- `StandinServer.add_fault(name, times=…, key=…, path=…, **params)`: the next `times` image
  requests (all of them with `times=None`), optionally only for one API key, or one path (a
  provider's prefix such as "/ark/api/v3", or an endpoint such as "/images/edits");
- a request header `X-Standin-Fault: name;param=value`;
- an API key `standin-fault-<name>`, accepted as a key, that fails every request it sends.

The names are the same for every protocol; each protocol answers a status fault in its own
error shape (`protocols/*.py`), e.g. "402" is StepFun's 402, OpenAI's 429 `insufficient_quota`,
Ark's 403 `AccountOverdueError` and SiliconFlow's 403 code 30011.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

FAULT_HEADER = "X-Standin-Fault"
FAULT_KEY_PREFIX = "standin-fault-"

# Error answers: a refused field ("400"), a bad key, no balance, too many requests (with
# Retry-After when `retry_after` is given), moderation ("451"), server trouble, and "retired":
# the model is gone (StepFun's retired image models answer so).
STATUS_FAULTS = frozenset({"400", "401", "402", "429", "451", "500", "503", "504", "retired"})

# Faults in a 200 answer or in the connection itself.
BODY_FAULTS = frozenset(
    {
        # Moderation of the result: StepFun's finish_reason content_filtered with a blank
        # picture, a failed item inside Ark's answer, a moderation error elsewhere.
        "content_filtered",
        "delay",  # wait `seconds` (default 1) before answering normally
        "drop",  # close the connection without an answer
        "truncated",  # announce the full length, send half, close
        "non_json",  # 200 with an HTML page instead of JSON
        "bad_base64",  # b64_json that is not base64
        "not_image",  # valid base64 of bytes that are not a picture
        "bomb",  # a PNG whose header claims 50000x50000 pixels
        "damaged_image",  # a real PNG with one byte flipped in its pixel data
        "wrong_size",  # a real picture, but not the size asked for
        "expired_url",  # a url that has expired before it is fetched (b64 answers: no effect)
        "empty_data",  # 200 with an empty list of pictures (`data`, or SiliconFlow's `images`)
        "no_created",  # a good answer without `created`, as seen from the real server
        "slow_link",  # a url whose picture takes `seconds` (default 2) to start arriving
    }
)

FAULT_NAMES = STATUS_FAULTS | BODY_FAULTS


@dataclass
class Fault:
    name: str
    params: dict[str, str] = field(default_factory=dict)
    times: int | None = 1
    key: str | None = None
    endpoint: str | None = None
    path: str | None = None

    def matches(self, path: str, key: str) -> bool:
        if self.key is not None and self.key != key:
            return False
        if self.endpoint is not None and not path.endswith(self.endpoint):
            return False
        if self.path is not None:
            return path.startswith(self.path.rstrip("/") + "/") or path.endswith(self.path)
        return True

    def param_float(self, name: str, default: float) -> float:
        try:
            return float(self.params.get(name, default))
        except ValueError:
            return default


def parse_fault_spec(spec: str) -> Fault | None:
    """`"429;retry_after=2"` -> Fault("429", {"retry_after": "2"}); None for an unknown name."""
    name, *pairs = [part.strip() for part in spec.split(";")]
    if name not in FAULT_NAMES:
        return None
    params = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key:
            params[key.strip()] = value.strip()
    return Fault(name, params, times=None)


class FaultBook:
    """Faults switched on by the test; thread-safe, since every request has its own thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def add(
        self,
        name: str,
        *,
        times: int | None = 1,
        key: str | None = None,
        endpoint: str | None = None,
        path: str | None = None,
        **params: object,
    ) -> None:
        if name not in FAULT_NAMES:
            raise ValueError(f"unknown fault {name!r}; known: {sorted(FAULT_NAMES)}")
        fault = Fault(name, {k: str(v) for k, v in params.items()}, times, key, endpoint, path)
        with self._lock:
            self._faults.append(fault)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def take(self, path: str, key: str, header: str | None) -> Fault | None:
        """The fault for this request, if any; a counted fault is used up by taking it."""
        if header:
            from_header = parse_fault_spec(header)
            if from_header is not None:
                return from_header
        if key.startswith(FAULT_KEY_PREFIX):
            from_key = parse_fault_spec(key.removeprefix(FAULT_KEY_PREFIX))
            if from_key is not None:
                return from_key
        with self._lock:
            for fault in self._faults:
                if not fault.matches(path, key):
                    continue
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                return fault
        return None
