"""`stepfun-studio providers`: what the model table says, for people and for scripts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from test_cli_support import run_cli

from stepfun_studio.core.model_table import model_table

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def model_block(text: str, name: str) -> str:
    """The lines of one model in the text listing (its header up to the next header)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {name}  ·"))
    end = start + 1
    while end < len(lines) and lines[end].startswith("      "):
        end += 1
    return "\n".join(lines[start:end])


def test_the_listing_has_every_provider_model_capability_price_and_lifecycle(
    capsys: Capsys, monkeypatch: Patch
) -> None:
    done = run_cli(capsys, monkeypatch, "providers")
    assert done.status == 0
    text = done.stdout
    for provider in model_table().providers:
        assert f"(--provider {provider.id})" in text
        assert provider.key_env in text
    for model in model_table().models:
        assert f"  {model.name}  ·" in text
    assert "retired 2026-10-10" in model_block(text, "step-2x-large")
    assert "retired 2026-07-08 (replacement step-2x-large)" in model_block(text, "step-1x-medium")
    gpt = model_block(text, "gpt-image-1")
    assert "available" in gpt and "no seed, steps or cfg" in gpt
    assert "quality auto|low|medium|high (auto)" in gpt
    assert "input_fidelity low|high (low) for edits" in gpt
    assert "≈ $0.042 a picture (by quality: low $0.011" in gpt
    assert "up to 16 reference pictures, a mask (edits)" in gpt
    kolors = model_block(text, "Kwai-Kolors/Kolors")
    assert "seed 0–9999999999 (echoed)" in kolors
    assert "steps 1–100 (default 20)" in kolors and "cfg 0–20 (default 7.5)" in kolors
    assert "960x1280" in kolors and "negative prompt" in kolors
    seedream = model_block(text, "doubao-seedream-4-5-251128")
    assert "or any WxH with 3,686,400–16,777,216 pixels" in seedream
    assert "up to 14 reference pictures" in seedream and "watermark false|true (false)" in seedream
    assert "¥0.10 a picture" in model_block(text, "step-2x-large")
    assert "any your server serves (--model NAME)" in text
    assert "(each only when named in --server-fields)" in text


def test_json_for_scripts(capsys: Capsys, monkeypatch: Patch) -> None:
    done = run_cli(capsys, monkeypatch, "providers", "--json")
    assert done.status == 0
    listing = json.loads(done.stdout)
    assert [p["id"] for p in listing] == list(model_table().provider_ids())
    models = {m["name"]: m for p in listing for m in p["models"]}
    gpt = models["gpt-image-1"]
    assert (gpt["seed"], gpt["steps"], gpt["cfg_scale"]) == (None, None, None)
    assert gpt["options"]["quality"]["values"] == ["auto", "low", "medium", "high"]
    assert gpt["price"]["currency"] == "USD" and gpt["price"]["by_option"]["quality"]["high"]
    retired = models["step-2x-large"]
    assert retired["lifecycle"] == {
        "status": "retired",
        "date": "2026-10-10",
        "replacement": None,
        "source": "platform.stepfun.com/docs/zh/guides/image-offline-notice",
    }
    assert retired["retired"] is True
    assert models["Kwai-Kolors/Kolors"]["seed"] == {
        "minimum": 0,
        "maximum": 9999999999,
        "echoed": True,
    }
    assert models["doubao-seedream-4-0-250828"]["max_references"] == 14


def test_one_provider_and_the_entry_point(capsys: Capsys, monkeypatch: Patch) -> None:
    done = run_cli(capsys, monkeypatch, "providers", "--provider", "ark")
    assert done.status == 0
    assert "doubao-seedream-4-0-250828" in done.stdout and "gpt-image-1" not in done.stdout
    bad = run_cli(capsys, monkeypatch, "providers", "--provider", "midjourney")
    assert bad.status == 2 and "invalid choice" in bad.stderr
    real = subprocess.run(
        [sys.executable, "-m", "stepfun_studio", "providers", "--json"],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
        check=False,
    )
    assert real.returncode == 0, real.stderr
    assert len(json.loads(real.stdout)) == len(model_table().providers)
