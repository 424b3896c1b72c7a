"""`StepFunClient`: the shared `ImageClient` speaking StepFun's protocol, as it always has.

Kept so code written before providers existed (the CLI, the settings' key test, the notebook
guide's tests) keeps working unchanged: `StepFunClient(api_key, base_url, **limits)` is
`open_image_client("stepfun", api_key=…, base_url=…, **limits)`. The rules it follows (no resend
of a maybe-billed request, bounded 429 retries, deadlines, caps, picture checks) are
`api.providers.client.ImageClient`'s; the wire format is `api.providers.stepfun`'s.
"""

from __future__ import annotations

from typing import Any

from stepfun_studio.api.providers.client import ImageClient
from stepfun_studio.api.providers.stepfun import StepFunAdapter
from stepfun_studio.core.model_table import ModelTable, model_table

__all__ = ["StepFunClient"]


class StepFunClient(ImageClient):
    """Async client for StepFun's image endpoints; one instance per event loop."""

    def __init__(
        self, api_key: str, base_url: str, *, table: ModelTable | None = None, **limits: Any
    ) -> None:
        table = table or model_table()
        adapter = StepFunAdapter(table.require_provider("stepfun"), table)
        super().__init__(adapter, api_key=api_key, base_url=base_url, **limits)

    async def __aenter__(self) -> StepFunClient:
        return self
