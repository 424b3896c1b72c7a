"""The stand-in's protocols, one module each, and which provider speaks which.

A provider in the model table names its protocol (`ProviderSpec.protocol`); the stand-in serves
each provider with that protocol's class under the provider's `standin_prefix`. Two providers
may share a protocol (OpenAI and the OpenAI-compatible server both speak `openai_images`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stepfun_studio.core.model_table import ModelTable
from stepfun_studio.standin.protocols.ark import ArkProtocol
from stepfun_studio.standin.protocols.base import Protocol
from stepfun_studio.standin.protocols.openai_images import OpenAIImagesProtocol
from stepfun_studio.standin.protocols.siliconflow import SiliconFlowProtocol
from stepfun_studio.standin.protocols.stepfun import StepFunProtocol

if TYPE_CHECKING:
    from stepfun_studio.standin.server import StandinServer

PROTOCOLS: dict[str, type[Protocol]] = {
    "stepfun": StepFunProtocol,
    "openai_images": OpenAIImagesProtocol,
    "ark": ArkProtocol,
    "siliconflow": SiliconFlowProtocol,
}


def build_protocols(standin: StandinServer, table: ModelTable) -> tuple[Protocol, ...]:
    """One protocol per provider the stand-in can speak, the longest prefix first."""
    built = [
        PROTOCOLS[provider.protocol](standin, provider, table)
        for provider in table.providers
        if provider.protocol in PROTOCOLS
    ]
    return tuple(sorted(built, key=lambda protocol: len(protocol.prefix), reverse=True))


__all__ = ["PROTOCOLS", "Protocol", "build_protocols"]
