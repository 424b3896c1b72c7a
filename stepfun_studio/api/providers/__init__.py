"""Image providers: one adapter per protocol around one shared client.

`open_image_client(provider_id, api_key=…, base_url=…)` gives the `ImageClient` for a provider
of the model table: StepFun (`stepfun`), OpenAI Images (`openai_images`, also the
OpenAI-compatible server profile), Volcengine Ark Seedream (`ark`) and SiliconFlow
(`siliconflow`). Importing this package imports neither httpx2 nor openai.
"""

from __future__ import annotations

from typing import Any

from stepfun_studio.api.errors import config_error
from stepfun_studio.api.providers.ark import ArkAdapter
from stepfun_studio.api.providers.base import Balance, ProviderAdapter
from stepfun_studio.api.providers.client import ImageClient
from stepfun_studio.api.providers.openai_images import OpenAIImagesAdapter
from stepfun_studio.api.providers.siliconflow import SiliconFlowAdapter
from stepfun_studio.api.providers.stepfun import StepFunAdapter
from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.text import tr

__all__ = ["ADAPTERS", "Balance", "ImageClient", "adapter_for", "open_image_client"]

# The protocol named in models.json -> the adapter that speaks it.
ADAPTERS: dict[str, type[ProviderAdapter]] = {
    "stepfun": StepFunAdapter,
    "openai_images": OpenAIImagesAdapter,
    "ark": ArkAdapter,
    "siliconflow": SiliconFlowAdapter,
}


def adapter_for(provider_id: str, table: ModelTable | None = None) -> ProviderAdapter:
    """The adapter for a provider of `table` (the packaged table by default)."""
    table = table or model_table()
    provider = table.provider(provider_id)
    if provider is None:
        raise config_error(
            tr("ApiConfig", "Unknown provider “{provider}”. Choose one of: {providers}.").format(
                provider=provider_id, providers=", ".join(table.provider_ids())
            )
        )
    adapter = ADAPTERS.get(provider.protocol)
    if adapter is None:
        raise config_error(
            tr("ApiConfig", "Studio cannot speak the protocol “{protocol}” of {provider}.").format(
                protocol=provider.protocol, provider=provider.label
            )
        )
    return adapter(provider, table)


def open_image_client(
    provider_id: str,
    *,
    api_key: str,
    base_url: str,
    table: ModelTable | None = None,
    **limits: Any,
) -> ImageClient:
    """The client for `provider_id` at `base_url`; `limits` are `ImageClient`'s keyword options
    (deadlines, caps, retry bounds, default headers). Raises AppError for a bad provider, URL
    or missing key, before any connection.
    """
    return ImageClient(
        adapter_for(provider_id, table), api_key=api_key, base_url=base_url, **limits
    )
