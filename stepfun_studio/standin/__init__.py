"""A local stand-in for every image API Studio speaks: tests, benchmarks and the offline demo.

Real HTTP on 127.0.0.1; StepFun, OpenAI Images, Volcengine Ark, SiliconFlow and an
OpenAI-compatible server, each under its provider's prefix, with that API's routes, checks,
answer and error shapes; deterministic pictures; the same faults on demand for all of them. No
Qt; imports only `stepfun_studio.core`.
"""

from stepfun_studio.standin.faults import FAULT_HEADER, FAULT_KEY_PREFIX, FAULT_NAMES
from stepfun_studio.standin.protocols.openai_images import DEFAULT_COMPATIBLE_MODELS
from stepfun_studio.standin.recording import RecordedRequest
from stepfun_studio.standin.server import V0_LIMITS, StandinServer

__all__ = [
    "DEFAULT_COMPATIBLE_MODELS",
    "FAULT_HEADER",
    "FAULT_KEY_PREFIX",
    "FAULT_NAMES",
    "V0_LIMITS",
    "RecordedRequest",
    "StandinServer",
]
