"""The stand-in's fault book: which requests get a broken answer, and how.

A fault is switched on three ways, so any test can reach it:
- `StandinServer.add_fault(name, times=…, key=…, **params)`: the next `times` requests (all of
  them with `times=None`), optionally only for one API key or one endpoint;
- a request header `X-Standin-Fault: name;param=value`;
- an API key `standin-fault-<name>`, accepted as a key, that fails every request it sends.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

FAULT_HEADER = "X-Standin-Fault"
FAULT_KEY_PREFIX = "standin-fault-"

# HTTP errors the server answers with, and the envelope each carries.
STATUS_FAULTS: dict[str, tuple[int, str, str]] = {
    "400": (400, "Request param: prompt is invalid", "input_invalid"),
    "401": (401, "Incorrect API key provided", "invalid_api_key"),
    "402": (402, "Insufficient account balance, please recharge", "insufficient_balance"),
    "429": (429, "Rate limit reached for requests, please try again later", "rate_limit"),
    "451": (451, "The request or the result did not pass content moderation", "content_risk"),
    "500": (500, "Internal server error", "server_error"),
    "503": (503, "Service temporarily unavailable", "server_error"),
    "504": (504, "Gateway timeout", "server_error"),
}

# Faults in a 200 answer or in the connection itself.
BODY_FAULTS = frozenset(
    {
        "content_filtered",  # finish_reason content_filtered, with a blank picture
        "delay",  # wait `seconds` (default 1) before answering normally
        "drop",  # close the connection without an answer
        "truncated",  # announce the full length, send half, close
        "non_json",  # 200 with an HTML page instead of JSON
        "bad_base64",  # b64_json that is not base64
        "not_image",  # valid base64 of bytes that are not a picture
        "bomb",  # a PNG whose header claims 50000x50000 pixels
        "damaged_image",  # a real PNG with one byte flipped in its pixel data
        "wrong_size",  # a real picture, but not the size asked for
        "expired_url",  # a url that has expired before it is fetched
        "empty_data",  # 200 with an empty `data` list
        "no_created",  # a good answer without `created`, as seen from the real server
        "slow_link",  # a url whose picture takes `seconds` (default 2) to start arriving
    }
)

FAULT_NAMES = frozenset(STATUS_FAULTS) | BODY_FAULTS


@dataclass
class Fault:
    name: str
    params: dict[str, str] = field(default_factory=dict)
    times: int | None = 1
    key: str | None = None
    endpoint: str | None = None

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
        **params: object,
    ) -> None:
        if name not in FAULT_NAMES:
            raise ValueError(f"unknown fault {name!r}; known: {sorted(FAULT_NAMES)}")
        fault = Fault(name, {k: str(v) for k, v in params.items()}, times, key, endpoint)
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
                if fault.key is not None and fault.key != key:
                    continue
                if fault.endpoint is not None and not path.endswith(fault.endpoint):
                    continue
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                return fault
        return None
