"""How much our client costs over a bare AsyncOpenAI loop, per adapter, on the same local server.

For each provider (StepFun, OpenAI Images, Ark, SiliconFlow, an OpenAI-compatible server) both
loops ask the stand-in (run in its own process, so it does not share our GIL) for the same
pictures, at concurrency 1 and 5. The bare loop only calls the SDK's `images.generate` and
decodes the base64 (or, for SiliconFlow's `images[]` answer, fetches the link with httpx2); ours
goes through `open_image_client(provider)`: the adapter builds and reads the call, the shared
client streams the answer under its caps and deadline, checks the picture with Pillow and builds
a `GenerationResult` with its cost. Target: ours >= 95% of bare for every adapter.

Where the stand-in does not speak the new protocols yet, the strict test server
(`tests/adapter_servers.py`) stands in for it, also in its own process.

Prints a table, then one JSON object of figures as the last line.
"""

from __future__ import annotations

import asyncio
import base64
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx2
from openai import AsyncOpenAI

from stepfun_studio.api.providers import open_image_client
from stepfun_studio.core.request import GenerationRequest

IMAGES_PER_RUN = 20
ROUNDS = 9
CONCURRENCY = (1, 5)
TARGET_PCT = 95
KEY = "bench-key"
PROMPT = "一只猫在树枝上晒太阳"
# The smallest picture each model takes, so the loops measure the client, not the painter.
REQUESTS = {
    "stepfun": GenerationRequest(prompt=PROMPT, model="step-2x-large", size="256x256", steps=30),
    "openai": GenerationRequest(prompt=PROMPT, model="gpt-image-1", size="1024x1024"),
    "ark": GenerationRequest(prompt=PROMPT, model="doubao-seedream-4-0-250828", size="1K"),
    "siliconflow": GenerationRequest(
        prompt=PROMPT, model="Kwai-Kolors/Kolors", size="768x1024", steps=20, seed=0
    ),
    "compatible": GenerationRequest(prompt=PROMPT, model="Qwen/Qwen-Image", size="512x512"),
}

One = Callable[[], Awaitable[object]]


def bare_call(provider: str, sdk: AsyncOpenAI, links: httpx2.AsyncClient) -> One:
    """The least a script could do with the SDK for one picture of `REQUESTS[provider]`."""
    request = REQUESTS[provider]

    async def b64(**arguments: Any) -> bytes:
        response = await sdk.images.generate(model=request.model, prompt=PROMPT, **arguments)
        return base64.b64decode((response.data or [])[0].b64_json or "")

    async def stepfun() -> object:
        extras = {"seed": 0, "steps": request.steps, "cfg_scale": request.cfg_scale}
        return await b64(size=request.size, n=1, response_format="b64_json", extra_body=extras)

    async def openai() -> object:
        return await b64(size=request.size, n=1)

    async def ark() -> object:
        return await b64(size=request.size, response_format="b64_json",
                         extra_body={"watermark": False})  # fmt: skip

    async def siliconflow() -> object:
        extras = {
            "image_size": request.size,
            "num_inference_steps": request.steps,
            "guidance_scale": request.cfg_scale,
        }
        response = await sdk.images.generate(model=request.model, prompt=PROMPT, extra_body=extras)
        url = (response.model_extra or {})["images"][0]["url"]
        return (await links.get(url)).content

    return {
        "stepfun": stepfun,
        "openai": openai,
        "ark": ark,
        "siliconflow": siliconflow,
        "compatible": openai,
    }[provider]


async def timed(concurrency: int, one: One) -> float:
    """Images per second for IMAGES_PER_RUN calls of `one`, `concurrency` at a time."""
    left = IMAGES_PER_RUN

    async def worker() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            await one()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return IMAGES_PER_RUN / (time.perf_counter() - started)


async def measure(provider: str, base_url: str) -> dict[str, dict[int, float]]:
    sdk = AsyncOpenAI(api_key=KEY, base_url=base_url, max_retries=0)
    links = httpx2.AsyncClient()
    ours = open_image_client(provider, api_key=KEY, base_url=base_url)
    bare_one = bare_call(provider, sdk, links)

    async def our_one() -> object:
        return await ours.generate_one(REQUESTS[provider])

    # Warm up both: connections, imports, the painter's caches.
    for _ in range(3):
        await bare_one()
        await our_one()
    rates: dict[str, dict[int, list[float]]] = {
        name: {c: [] for c in CONCURRENCY} for name in ("bare", "ours")
    }
    # Short runs, interleaved and alternating who goes first: the machine is shared, and a busy
    # moment should hit both loops alike.
    for round_number in range(ROUNDS):
        for concurrency in CONCURRENCY:
            order = [("bare", bare_one), ("ours", our_one)]
            for name, one in order if round_number % 2 == 0 else reversed(order):
                rates[name][concurrency].append(await timed(concurrency, one))
    await sdk.close()
    await links.aclose()
    await ours.aclose()
    medians = {
        name: {c: statistics.median(values) for c, values in by_c.items()}
        for name, by_c in rates.items()
    }
    # The ratio is taken within each round (the two runs were seconds apart), then the median
    # of those: steadier than a ratio of medians on a machine others are using too.
    medians["ratio"] = {
        c: statistics.median(o / b for o, b in zip(rates["ours"][c], rates["bare"][c], strict=True))
        for c in CONCURRENCY
    }
    return medians


def start_server() -> tuple[subprocess.Popen[str], dict[str, str], str]:
    """The stand-in if it speaks every protocol, else the strict test server; and its name."""
    standin = subprocess.Popen(
        [sys.executable, "-m", "stepfun_studio.standin", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert standin.stdout is not None
    standin.stdout.readline()  # StepFun's base URL alone; then "<provider> <url>" lines
    urls: dict[str, str] = {}
    while len(urls) < len(REQUESTS):
        line = standin.stdout.readline().split()
        if len(line) != 2:
            break
        urls[line[0]] = line[1]
    if set(REQUESTS) <= set(urls):
        return standin, urls, "stand-in"
    standin.terminate()
    standin.wait(timeout=10)
    tests = Path(__file__).resolve().parent.parent / "tests"
    strict = subprocess.Popen(
        [sys.executable, str(tests / "adapter_servers.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert strict.stdout is not None
    urls = dict(strict.stdout.readline().split() for _ in range(len(REQUESTS)))  # type: ignore[misc]
    return strict, urls, "strict test server"


def main() -> int:
    server, urls, server_name = start_server()
    try:
        results = {
            provider: asyncio.run(measure(provider, urls[provider])) for provider in REQUESTS
        }
    finally:
        server.terminate()
        server.wait(timeout=10)

    figures: dict[str, float] = {}
    print(f"{'adapter':>12} {'conc':>4} {'bare img/s':>11} {'ours img/s':>11} {'ours/bare':>10}")
    for provider, rates in results.items():
        for concurrency in CONCURRENCY:
            bare, ours = rates["bare"][concurrency], rates["ours"][concurrency]
            ratio = rates["ratio"][concurrency]
            print(f"{provider:>12} {concurrency:>4} {bare:>11.1f} {ours:>11.1f} {ratio:>9.0%}")
            figures[f"{provider}_bare_c{concurrency}_images_per_s"] = round(bare, 1)
            figures[f"{provider}_ours_c{concurrency}_images_per_s"] = round(ours, 1)
            figures[f"{provider}_ours_vs_bare_c{concurrency}_pct"] = round(ratio * 100, 1)
    lowest = min(v for k, v in figures.items() if k.endswith("_pct"))
    figures["lowest_ours_vs_bare_pct"] = lowest
    figures[f"meets_{TARGET_PCT}pct_target"] = float(lowest >= TARGET_PCT)
    print(
        f"{IMAGES_PER_RUN} images per run, medians of {ROUNDS} interleaved rounds "
        f"(ours/bare: median of per-round ratios), against the {server_name}"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
