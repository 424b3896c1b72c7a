"""A local stand-in for StepFun's image API: tests, benchmarks and the offline demo use it.

Real HTTP on 127.0.0.1, the same routes, checks and error envelope as StepFun, deterministic
pictures, and faults on demand. No Qt; imports only `stepfun_studio.core`.
"""

from stepfun_studio.standin.faults import FAULT_HEADER, FAULT_KEY_PREFIX, FAULT_NAMES
from stepfun_studio.standin.recording import RecordedRequest
from stepfun_studio.standin.server import V0_LIMITS, StandinServer

__all__ = [
    "FAULT_HEADER",
    "FAULT_KEY_PREFIX",
    "FAULT_NAMES",
    "V0_LIMITS",
    "RecordedRequest",
    "StandinServer",
]
