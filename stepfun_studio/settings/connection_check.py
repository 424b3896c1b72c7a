"""`check_connection`: "Test connection" for one provider, at no cost.

It asks the provider's free endpoints only: the model list where the provider has one
(`ProviderSpec.models_path`), and the balance where it has one (`balance_path`, StepFun's
`GET /v1/accounts`). A provider with neither cannot check a key without making a paid picture,
so it is not asked at all: `can_check()` says so, and the key is checked by the first picture.

Blocking (it runs its own event loop): call it off the GUI thread.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ProviderSpec
from stepfun_studio.settings.connection import open_client
from stepfun_studio.settings.values import StudioSettings

log = logging.getLogger(__name__)

CHECK_CONNECT_TIMEOUT_S = 5.0
CHECK_REQUEST_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class ConnectionCheck:
    """What the free endpoints said. `models` is None where the provider lists none; `balance`
    is the API's `Balance` (amount, currency) or None; `balance_problem` says why the balance
    could not be read while the key itself worked."""

    models: int | None
    balance: Any = None
    balance_problem: str = ""


def can_check(provider: ProviderSpec) -> bool:
    return provider.models_path is not None or provider.balance_path is not None


def check_connection(
    provider: ProviderSpec, *, api_key: str, base_url: str, settings: StudioSettings | None = None
) -> ConnectionCheck:
    """Asks the free endpoints; raises AppError with the server's reason when the key or the
    server does not work."""
    return asyncio.run(_check(provider, api_key, base_url, settings))


async def _check(
    provider: ProviderSpec, api_key: str, base_url: str, settings: StudioSettings | None
) -> ConnectionCheck:
    client = open_client(
        provider.id,
        api_key=api_key,
        base_url=base_url,
        settings=settings,
        connect_timeout_s=CHECK_CONNECT_TIMEOUT_S,
        request_timeout_s=CHECK_REQUEST_TIMEOUT_S,
    )
    try:
        models = len(await client.list_models()) if provider.models_path else None
        if provider.balance_path is None or not hasattr(client, "balance"):
            return ConnectionCheck(models)
        try:
            balance = await client.balance()
        except AppError as error:
            if models is None:
                raise  # the balance was the only check there is: its failure is the answer
            log.info("%s balance not read: %s", provider.id, error.message)
            return ConnectionCheck(models, None, error.message)
        return ConnectionCheck(models, balance)
    finally:
        await client.aclose()
