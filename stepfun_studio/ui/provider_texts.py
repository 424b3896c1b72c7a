"""Words about providers for people: a line on what each one is, region names, lifecycle notes.

The model table holds the facts (ids, hosts, dates); the sentences live here so that Qt's
translation tools see them. A provider the table gains later without a sentence here still
shows, with its name only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from stepfun_studio.core.model_table import ModelTable, ProviderSpec
from stepfun_studio.settings.values import provider_retirement
from stepfun_studio.ui.provider_names import provider_title


def provider_summary(provider: ProviderSpec) -> str:
    """One line on what the provider is, or "" where there is none."""
    summaries = {
        "stepfun": QCoreApplication.translate(
            "ProviderTexts",
            "StepFun's own image API: step-1x-medium, step-2x-large and step-image-edit-2, "
            "with seed, steps, CFG and a redraw weight.",
        ),
        "openai": QCoreApplication.translate(
            "ProviderTexts",
            "OpenAI's gpt-image models: good at text in pictures and at edits with several "
            "images and a mask; no seed or steps. Paid per picture.",
        ),
        "ark": QCoreApplication.translate(
            "ProviderTexts",
            "Volcengine Ark or BytePlus ModelArk with ByteDance's Seedream: 2K to 4K pictures "
            "and up to 14 reference images. Paid per picture.",
        ),
        "siliconflow": QCoreApplication.translate(
            "ProviderTexts",
            "SiliconFlow: Kolors (free) and Qwen-Image, with seed, steps, guidance and a "
            "negative prompt.",
        ),
        "compatible": QCoreApplication.translate(
            "ProviderTexts",
            "Your own or your team's server that speaks OpenAI's image API (vLLM-Omni, SGLang, "
            "stable-diffusion.cpp, LocalAI). You tell Studio its models and what they take.",
        ),
    }
    return summaries.get(provider.id, "")


def region_name(region: str) -> str:
    names = {
        "cn": QCoreApplication.translate("ProviderTexts", "Mainland China"),
        "intl": QCoreApplication.translate("ProviderTexts", "International"),
        "global": QCoreApplication.translate("ProviderTexts", "Worldwide"),
        "byteplus": QCoreApplication.translate("ProviderTexts", "BytePlus (international)"),
    }
    return names.get(region, region)


def region_label(provider: ProviderSpec, region: str) -> str:
    """ "Mainland China (api.stepfun.com)": the region's name and its host."""
    url = dict(provider.regions).get(region, "")
    host = url.split("//", 1)[-1].split("/", 1)[0]
    return f"{region_name(region)} ({host})" if host else region_name(region)


def retirement_note(table: ModelTable, provider: ProviderSpec, *, short: bool = False) -> str:
    """What to say about a provider whose image models are all retired, or "" for the others.

    The short form marks it in lists ("image API retired on 2026-10-10, works with
    StepFun-compatible servers"); the long one heads its settings.
    """
    date = provider_retirement(table, provider.id)
    if date is None:
        return ""
    past = dt.date.fromisoformat(date) <= dt.date.today()
    if short:
        text = (
            QCoreApplication.translate(
                "ProviderTexts",
                "image API retired on {date}, works with {provider}-compatible servers",
            )
            if past
            else QCoreApplication.translate(
                "ProviderTexts",
                "image API retires on {date}; then only {provider}-compatible servers",
            )
        )
    else:
        text = (
            QCoreApplication.translate(
                "ProviderTexts",
                "{provider} retired its image API on {date}: its own server no longer makes "
                "pictures. Studio still speaks it, for {provider}-compatible servers (enter "
                "the address below) and for the built-in demo.",
            )
            if past
            else QCoreApplication.translate(
                "ProviderTexts",
                "{provider} retires its image API on {date}. After that Studio still speaks "
                "it, for {provider}-compatible servers and for the built-in demo.",
            )
        )
    return text.format(date=date, provider=provider_title(provider))
