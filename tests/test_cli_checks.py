"""`generate` refuses what cannot work before it sends anything (exit status 2).

Each refusal runs the real CLI against a real stand-in whose request count must stay 0: flags
the model cannot take, unknown or mismatched models, server addresses with junk in them, an
`--out` that cannot be written, input files that are not pictures, text that is not text.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_cli_support import KEY, CliRun, png_bytes, run_cli

from stepfun_studio.cli.building import build_plan, retirement_note
from stepfun_studio.cli.output import clean
from stepfun_studio.cli.parsing import parse_generate
from stepfun_studio.core.model_table import model_table
from stepfun_studio.standin import StandinServer

Cli = Callable[..., CliRun]


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer() as standin:
        yield standin


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, server: StandinServer
) -> Iterator[Cli]:
    """Runs the CLI with keys for every provider pointed at the stand-in."""

    def run(*args: str, **env: str) -> CliRun:
        keys = {p.key_env: KEY for p in model_table().providers}
        keys["STEPFUN_BASE_URL"] = server.base_url
        return run_cli(capsys, monkeypatch, "generate", *args, env={**keys, **env})

    yield run
    assert server.request_count() == 0, "a refused run must send nothing"


def test_a_flag_the_model_cannot_take_is_refused_naming_what_it_takes(
    cli: Cli, tmp_path: Path
) -> None:
    done = cli(
        "a lighthouse", "--model", "gpt-image-1", "--seed", "5", "--steps", "20", "--cfg", "3",
        "--out", str(tmp_path),
    )  # fmt: skip
    assert done.status == 2
    assert "gpt-image-1 takes no --seed, --steps or --cfg; it takes" in done.stderr
    for flag in ("--quality", "--background", "--output-format", "--reference", "--edit"):
        assert flag in done.stderr.split("it takes", 1)[1]
    assert "--seed" not in done.stderr.split("it takes", 1)[1]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "refused", "taken"),
    [
        (("--model", "doubao-seedream-4-0-250828", "--negative-prompt", "x"),
         "takes no --negative-prompt", "--watermark"),
        (("--model", "Kwai-Kolors/Kolors", "--quality", "high"),
         "takes no --quality", "--seed, --steps, --cfg, --negative-prompt"),
        (("--model", "step-2x-large", "--reference", "a.png"),
         "takes no --reference", "--seed"),
        (("--model", "Qwen/Qwen-Image", "--source", "a.png"),
         "takes no --source", "--negative-prompt"),
        (("--model", "gpt-image-1-mini", "--watermark"), "takes no --watermark", "--quality"),
    ],
)  # fmt: skip
def test_refusals_follow_the_model_table(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], refused: str, taken: str
) -> None:
    done = cli("cat", *args, "--out", str(tmp_path))
    assert done.status == 2, done.stderr
    assert refused in done.stderr
    assert taken in done.stderr


def test_models_and_providers_must_agree(cli: Cli, tmp_path: Path) -> None:
    mismatch = cli("cat", "--provider", "openai", "--model", "step-2x-large")
    assert mismatch.status == 2
    assert "OpenAI has no model “step-2x-large”" in mismatch.stderr
    assert "gpt-image-1" in mismatch.stderr and "--provider stepfun" in mismatch.stderr
    unknown = cli("cat", "--model", "sdxl-turbo")
    assert unknown.status == 2
    assert "--provider compatible --model sdxl-turbo" in unknown.stderr
    nameless = cli("cat", "--provider", "compatible")
    assert nameless.status == 2 and "needs --model" in nameless.stderr
    fields = cli("cat", "--provider", "openai", "--server-fields", "seed")
    assert fields.status == 2 and "--provider compatible" in fields.stderr
    bad_field = cli("cat", "--provider", "compatible", "--model", "m", "--server-fields", "cfg")
    assert bad_field.status == 2 and "unknown field cfg" in bad_field.stderr


def test_a_compatible_server_takes_what_the_user_declares() -> None:
    plain = ["cat", "--provider", "compatible", "--model", "qwen-image", "--seed", "7"]
    with pytest.raises(Exception, match="qwen-image takes no --seed"):
        build_plan(parse_generate(plain))
    plan = build_plan(parse_generate([*plain, "--server-fields", "seed,steps", "--steps", "9"]))
    assert (plan.spec.name, plan.provider.id) == ("qwen-image", "compatible")
    assert (plan.request.seed, plan.request.steps) == (7, 9)
    assert plan.spec.cfg_scale is None  # guidance was not declared


def test_seeds_fan_out_exactly_within_the_models_range() -> None:
    args = [
        "cat",
        "--model",
        "Kwai-Kolors/Kolors",
        "--size",
        "960x1280",
        "--seed",
        "9999999998",
        "--n",
        "3",
    ]
    plan = build_plan(parse_generate(args))
    assert [r.seed for r in plan.requests] == [9999999998, 9999999999, 1]
    assert plan.request.provider == "siliconflow"
    assert [r.n for r in plan.requests] == [1, 1, 1]


def test_defaults_come_from_the_model() -> None:
    seedream = build_plan(parse_generate(["cat", "--provider", "ark"]))
    assert seedream.spec.name == "doubao-seedream-4-0-250828"
    assert seedream.request.size == "1K"  # its first listed size: it has no 1024x1024
    assert dict(seedream.request.options) == {"watermark": "false"}
    marked = build_plan(parse_generate(["cat", "--provider", "ark", "--watermark"]))
    assert dict(marked.request.options) == {"watermark": "true"}
    gpt = build_plan(parse_generate(["cat", "--provider", "openai", "--quality", "high"]))
    assert gpt.request.option("quality") == "high"
    assert gpt.request.option("output_format") == "png"
    assert "input_fidelity" not in dict(gpt.request.options)  # an edit-only option


def test_values_are_checked_against_the_model(cli: Cli) -> None:
    done = cli("cat", "--model", "Kwai-Kolors/Kolors", "--size", "1000x1000", "--steps", "500")
    assert done.status == 2
    assert "--size: Size 1000x1000 is not offered by Kwai-Kolors/Kolors" in done.stderr
    assert "960x1280" in done.stderr
    assert "--steps: Steps must be between 1 and 100" in done.stderr
    quality = cli("cat", "--model", "gpt-image-1", "--quality", "ultra")
    assert quality.status == 2 and "--quality:" in quality.stderr and "ultra" in quality.stderr


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:9/v1\r\nX-Injected: 1", "line break or control character"),
        ("https://api.example.com/v1 extra", "space, line break"),
        ("http://api.example.com/v1", "unencrypted"),
        ("ftp://api.example.com/v1", "must start with https://"),
        ("https://[::1/v1", "not a valid URL"),
    ],
)
def test_a_bad_server_address_is_a_message_not_a_traceback(
    cli: Cli, url: str, expected: str
) -> None:
    flag = cli("cat", "--provider", "openai", "--base-url", url)
    assert flag.status == 2
    assert "--base-url:" in flag.stderr and expected in flag.stderr
    from_env = cli("cat", "--provider", "openai", OPENAI_BASE_URL=url)
    assert from_env.status == 2
    assert "OPENAI_BASE_URL:" in from_env.stderr and expected in from_env.stderr
    assert "Traceback" not in flag.stderr + from_env.stderr


def test_out_must_be_writable_before_anything_is_sent(cli: Cli, tmp_path: Path) -> None:
    a_file = tmp_path / "taken.png"
    a_file.write_bytes(b"x")
    done = cli("cat", "--out", str(a_file))
    assert done.status == 2 and "is not a folder" in done.stderr
    below_a_file = cli("cat", "--out", str(a_file / "sub"))
    assert below_a_file.status == 2 and "cannot be written" in below_a_file.stderr
    if Path("/dev/full").exists():
        full = cli("cat", "--out", "/dev/full")
        assert full.status == 2 and "/dev/full is not a folder" in full.stderr
    assert a_file.read_bytes() == b"x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_out_folder_is_refused(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        done = cli("cat", "--out", str(folder))
    finally:
        folder.chmod(0o755)
    assert done.status == 2 and "cannot be written" in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_as_source_ends_at_once(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "source.png"
    os.mkfifo(fifo)
    started = time.monotonic()
    for args in (
        ("--source", str(fifo)),
        ("--source", "/dev/zero"),
        ("--model", "gpt-image-1", "--reference", str(tmp_path)),
        ("--edit", str(tmp_path / "missing.png")),
    ):
        done = cli("cat", *args, "--out", str(tmp_path / "out"))
        assert done.status == 2, args
        assert "cannot be used" in done.stderr
    assert time.monotonic() - started < 10
    assert "pipe (FIFO)" in cli("cat", "--source", str(fifo)).stderr


def test_input_pictures_are_prepared_and_reported(cli: Cli, tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.png"
    tiny.write_bytes(png_bytes((8, 8)))
    done = cli("cat", "--source", str(tiny))
    assert done.status == 2 and "at least 64 are needed" in done.stderr


def test_text_that_is_not_text_is_refused(cli: Cli) -> None:
    done = cli("a cat \udcff", "--model", "step-image-edit-2", "--negative-prompt", "\ud800")
    assert done.status == 2
    assert "prompt: character 7 is not valid text" in done.stderr
    assert "--negative-prompt: character 1" in done.stderr


def test_invalid_utf8_on_a_real_command_line_is_a_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_BASE_URL"))}
    env["STEPFUN_API_KEY"] = KEY
    env["LC_ALL"] = "C.UTF-8"
    done = subprocess.run(
        [sys.executable, "-m", "stepfun_studio", "generate", b"cat \xff\xfe", "--out", tmp_path],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert b"is not valid text" in done.stderr
    assert b"Traceback" not in done.stderr


def test_terminal_text_is_cleaned() -> None:
    hostile = "boom\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x1b[0m \x9b1m\u202eevil\ud800\x00!"
    cleaned = clean(hostile)
    assert cleaned == "boomred evil\ufffd!"
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in cleaned)
    assert clean("line one\n  line two", single_line=True) == "line one line two"


def test_the_retirement_is_told_with_its_date_and_the_way_out() -> None:
    table = model_table()
    note = retirement_note(table.require("step-2x-large"), table)
    assert note is not None
    assert "StepFun retired step-2x-large on 2026-10-10." in note
    assert "--provider openai | ark | siliconflow | compatible" in note
    older = retirement_note(table.require("step-1x-medium"), table)
    assert older is not None and "step-2x-large as the replacement" in older
    assert retirement_note(table.require("gpt-image-1"), table) is None
