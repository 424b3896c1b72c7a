"""AppSettings on real INI files: defaults, round trip, versions and migrations, broken files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import ResponseFormat
from stepfun_studio.settings.store import SETTINGS_FILE, SETTINGS_VERSION, AppSettings
from stepfun_studio.settings.values import (
    DeclaredModel,
    ProviderConnection,
    StudioSettings,
    defaults_for_model,
    effective_model_table,
    problems_with,
    with_default_provider,
)


def stepfun_at(region: str = "", base_url: str = "", **changes: object) -> StudioSettings:
    """Settings with StepFun's region and server address (the fields settings had before
    providers came)."""
    values = StudioSettings().with_changes(**changes)
    return values.with_connection("stepfun", ProviderConnection(region, base_url))


def settings_path(paths: AppPaths) -> Path:
    return paths.config_dir / SETTINGS_FILE


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, "utf-8")
    else:
        path.write_bytes(text)


def test_no_file_means_defaults_and_no_problems(app_paths: AppPaths) -> None:
    settings = AppSettings.open(app_paths)
    assert settings.values == StudioSettings()
    assert settings.problems == []
    assert settings.path == settings_path(app_paths)
    # Opening alone writes nothing.
    assert not settings.path.exists()


def test_every_field_survives_a_round_trip(app_paths: AppPaths, tmp_path: Path) -> None:
    chosen = stepfun_at(
        "intl",
        "https://proxy.example.com/v1",
        tier="V3",
        default_model="step-2x-large",
        default_size="1280x800",
        default_steps=30,
        default_cfg_scale=6.5,
        default_response_format="url",
        library_location=str(tmp_path / "my library, with comma"),
        language="zh_CN",
        theme="dark",
    ).with_connection("ark", ProviderConnection("byteplus"))
    AppSettings.open(app_paths).save(chosen)
    reopened = AppSettings.open(app_paths)
    assert reopened.values == chosen
    assert reopened.problems == []
    text = settings_path(app_paths).read_text("utf-8")
    assert f"version={SETTINGS_VERSION}" in text
    request = reopened.values.default_request()
    assert (request.model, request.size, request.steps, request.cfg_scale) == (
        "step-2x-large",
        "1280x800",
        30,
        6.5,
    )
    assert request.response_format is ResponseFormat.URL
    assert reopened.values.library_dir(app_paths) == tmp_path / "my library, with comma"
    assert StudioSettings().library_dir(app_paths) == app_paths.library_dir
    assert (reopened.values.concurrency, reopened.values.per_minute) == (400, 10_000)


def test_changed_signal_carries_the_new_values(app_paths: AppPaths, qtbot: QtBot) -> None:
    settings = AppSettings.open(app_paths)
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.update(theme="light")
    assert blocker.args == [StudioSettings(theme="light")]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"region": "mars"}, "connection/stepfun/region"),
        ({"base_url": "http://api.example.com/v1"}, "connection/stepfun/base_url"),
        ({"base_url": "ftp://127.0.0.1/v1"}, "connection/stepfun/base_url"),
        ({"base_url": "https://user:pw@example.com/v1"}, "connection/stepfun/base_url"),
        ({"tier": "V9"}, "tier"),
        ({"default_provider": "dall-e"}, "default_provider"),
        ({"default_provider": "compatible"}, "default_provider"),
        ({"default_model": "dall-e"}, "default_model"),
        ({"default_size": "2000x2000"}, "default_size"),
        ({"default_steps": 51}, "default_steps"),
        ({"default_cfg_scale": 0.5}, "default_cfg_scale"),
        ({"language": "fr"}, "language"),
        ({"theme": "neon"}, "theme"),
    ],
)
def test_bad_values_are_refused_with_a_reason(
    app_paths: AppPaths, changes: dict[str, object], field: str
) -> None:
    changes = dict(changes)
    connection = {k: changes.pop(k) for k in ("region", "base_url") if k in changes}
    bad = stepfun_at(**connection, **changes)  # type: ignore[arg-type]
    assert set(problems_with(bad)) == {field}
    settings = AppSettings.open(app_paths)
    with pytest.raises(AppError) as caught:
        settings.save(bad)
    assert caught.value.kind is ErrorKind.CONFIG
    assert caught.value.message
    assert settings.values == StudioSettings()
    assert not settings.path.exists()


def test_loopback_http_is_a_fine_custom_address() -> None:
    for url in ("http://127.0.0.1:8080/v1", "http://localhost/v1", "http://[::1]:9/v1"):
        assert problems_with(stepfun_at(base_url=url)) == {}


def test_unversioned_file_is_migrated_and_loses_any_secret(app_paths: AppPaths) -> None:
    path = settings_path(app_paths)
    write(
        path,
        "[connection]\nregion=intl\ntier=V1\napi_key=sk-OLDFILEKEY0123456789abcdef\n"
        "[appearance]\ntheme=dark\n",
    )
    settings = AppSettings.open(app_paths)
    assert settings.values == stepfun_at("intl", tier="V1", theme="dark")
    assert any("connection/api_key" in p for p in settings.problems)
    text = path.read_text("utf-8")
    assert "sk-OLDFILEKEY" not in text
    assert f"version={SETTINGS_VERSION}" in text
    # Once migrated, the next start has nothing to say.
    assert AppSettings.open(app_paths).problems == []


def test_newer_file_is_read_and_its_version_kept(app_paths: AppPaths) -> None:
    path = settings_path(app_paths)
    newer = SETTINGS_VERSION + 5
    write(path, f"[meta]\nversion={newer}\n[appearance]\ntheme=light\nsparkles=on\n")
    settings = AppSettings.open(app_paths)
    assert settings.values.theme == "light"
    assert any("newer" in p for p in settings.problems)
    settings.update(language="en")
    text = path.read_text("utf-8")
    assert f"version={newer}" in text
    assert "sparkles=on" in text


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage \x89PNG\r\n\x1a\n",
        b"[connection\nregion=intl\n",
        "[connection]\nregion=\xff\n".encode("latin-1"),
    ],
    ids=["binary", "half-header", "not-utf8"],
)
def test_unparsable_file_falls_back_to_defaults_and_is_kept_aside(
    app_paths: AppPaths, content: bytes
) -> None:
    path = settings_path(app_paths)
    write(path, content)
    settings = AppSettings.open(app_paths)
    assert settings.values == StudioSettings()
    assert settings.problems, "the user must be told"
    aside = path.with_name(path.name + ".broken")
    assert aside.read_bytes() == content
    # The app can save again, and the next start is clean.
    settings.update(theme="dark")
    again = AppSettings.open(app_paths)
    assert (again.values.theme, again.problems) == ("dark", [])


def test_out_of_range_values_reset_only_themselves(app_paths: AppPaths) -> None:
    write(
        settings_path(app_paths),
        f"[meta]\nversion={SETTINGS_VERSION}\n[connection]\nregion=intl\ntier=V77\n"
        "[defaults]\nsteps=many\ncfg_scale=99\n[appearance]\ntheme=dark\n",
    )
    settings = AppSettings.open(app_paths)
    defaults = StudioSettings()
    assert settings.values == stepfun_at("intl", theme="dark")
    assert defaults.tier == settings.values.tier
    assert len(settings.problems) == 3


def test_unreadable_location_does_not_stop_the_start(app_paths: AppPaths) -> None:
    settings_path(app_paths).mkdir(parents=True)  # a folder where the file should be
    settings = AppSettings.open(app_paths)
    assert settings.values == StudioSettings()
    assert settings.problems
    with pytest.raises(AppError) as caught:
        settings.update(theme="dark")
    assert caught.value.kind is ErrorKind.STORAGE
    # The change still holds for this session.
    assert settings.values.theme == "dark"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_is_a_storage_error(app_paths: AppPaths) -> None:
    app_paths.config_dir.mkdir(parents=True)
    app_paths.config_dir.chmod(0o500)
    try:
        with pytest.raises(AppError) as caught:
            AppSettings.open(app_paths).update(theme="dark")
        assert caught.value.kind is ErrorKind.STORAGE
    finally:
        app_paths.config_dir.chmod(0o700)


def test_switching_the_default_model_pulls_parameters_into_range() -> None:
    start = StudioSettings(
        default_model="step-1x-medium", default_size="1280x800", default_steps=50
    )
    moved = defaults_for_model(start, "step-image-edit-2")
    assert moved.default_model == "step-image-edit-2"
    assert problems_with(moved) == {}
    assert moved.default_size == "1024x1024"


# --- providers ---------------------------------------------------------------------------------


def test_connections_and_declared_models_survive_a_round_trip(app_paths: AppPaths) -> None:
    declared = (
        DeclaredModel("Qwen/Qwen-Image-2512", ("seed", "steps", "negative_prompt"), ("1328x1328",)),
        DeclaredModel("flux-dev", ("guidance", "strength"), ()),
    )
    chosen = (
        stepfun_at("intl")
        .with_connection("openai", ProviderConnection(base_url="https://proxy.example.com/v1"))
        .with_connection("compatible", ProviderConnection(base_url="http://127.0.0.1:8000/v1"))
        .with_changes(
            compatible_models=declared,
            default_provider="compatible",
            provider_chosen=True,
            default_model="flux-dev",
            default_size="1024x1024",
        )
    )
    assert problems_with(chosen) == {}
    AppSettings.open(app_paths).save(chosen)
    reopened = AppSettings.open(app_paths)
    assert (reopened.values, reopened.problems) == (chosen, [])
    text = settings_path(app_paths).read_text("utf-8")
    # StepFun's server stays where versions before providers wrote it.
    assert "[connection]" in text and "region=intl" in text
    assert "openai\\base_url=https://proxy.example.com/v1" in text
    request = reopened.values.default_request()
    assert (request.model, request.provider) == ("flux-dev", "compatible")


def test_a_file_from_before_providers_keeps_stepfuns_server(app_paths: AppPaths) -> None:
    write(
        settings_path(app_paths),
        "[meta]\nversion=1\n[connection]\nregion=intl\n"
        "custom_base_url=https://proxy.example.com/v1\ntier=V2\n",
    )
    values = AppSettings.open(app_paths).values
    assert values.connection("stepfun") == ProviderConnection(
        "intl", "https://proxy.example.com/v1"
    )
    assert values.region("stepfun") == "intl"
    # Everyone else is on their table's default region.
    assert values.region("ark") == "cn" and values.connection("ark") == ProviderConnection()
    assert (values.default_provider, values.provider_chosen, values.tier) == (
        "stepfun",
        False,
        "V2",
    )


def test_a_bad_declared_model_or_server_is_dropped_alone(app_paths: AppPaths) -> None:
    write(
        settings_path(app_paths),
        "[meta]\nversion=1\n[providers]\nopenai\\base_url=http://10.0.0.9/v1\n"
        "siliconflow\\region=intl\n"
        "[compatible_models]\nsize=3\n1\\name=good-model\n1\\fields=seed steps sparkle\n"
        "2\\name=gpt-image-1\n3\\name=sized\n3\\sizes=1024x1024 big\n",
    )
    settings = AppSettings.open(app_paths)
    values = settings.values
    assert values.connection("openai") == ProviderConnection()
    assert values.region("siliconflow") == "intl"
    # An unknown field is passed over; a name another provider has, and a bad size, are not.
    assert values.compatible_models == (DeclaredModel("good-model", ("seed", "steps")),)
    assert len(settings.problems) == 3
    assert any("http" in problem for problem in settings.problems)


@pytest.mark.parametrize(
    ("model", "reason"),
    [
        (DeclaredModel("two words"), "one word"),
        (DeclaredModel("Kwai-Kolors/Kolors"), "another provider"),
        (DeclaredModel("m", ("colour",)), "colour"),
        (DeclaredModel("m", (), ("1024",)), "1024"),
    ],
)
def test_declared_models_are_checked(model: DeclaredModel, reason: str) -> None:
    problems = problems_with(StudioSettings(compatible_models=(model,)))
    assert list(problems) == ["compatible_models/0"]
    assert reason in problems["compatible_models/0"]
    twice = StudioSettings(compatible_models=(DeclaredModel("m"), DeclaredModel("m")))
    assert "twice" in problems_with(twice)["compatible_models/1"]


def test_the_effective_table_turns_declared_models_into_model_specs() -> None:
    settings = StudioSettings(
        compatible_models=(
            DeclaredModel("sd-turbo", ("seed", "steps", "negative_prompt"), ("512x512",)),
            DeclaredModel("plain"),
        )
    )
    table = effective_model_table(settings)
    turbo, plain = table.require("sd-turbo"), table.require("plain")
    assert (turbo.provider, turbo.sizes) == ("compatible", ("512x512",))
    assert turbo.supports_seed and turbo.steps is not None and turbo.cfg_scale is None
    assert turbo.supports_negative_prompt and not plain.supports_negative_prompt
    assert plain.steps is None and plain.seed is None
    assert [m.name for m in table.models_of("compatible")] == ["sd-turbo", "plain"]
    # The packaged models are all still there, and the settings' own table is the same.
    assert table.get("gpt-image-1") is not None
    assert settings.model_table() is table
    assert effective_model_table(StudioSettings()).get("sd-turbo") is None


def test_choosing_a_provider_moves_the_default_model_to_one_it_offers() -> None:
    chosen = with_default_provider(StudioSettings(), "siliconflow")
    assert (chosen.default_provider, chosen.provider_chosen) == ("siliconflow", True)
    assert chosen.default_model == "Kwai-Kolors/Kolors"
    assert problems_with(chosen) == {}
    assert chosen.default_request().provider == "siliconflow"
    # A retired provider's models are all retired: its first one is the default then.
    back = with_default_provider(chosen, "stepfun")
    assert back.default_model == "step-1x-medium" and problems_with(back) == {}
    # gpt-image takes no steps or CFG: those defaults are simply not checked.
    openai = with_default_provider(StudioSettings(default_steps=500), "openai")
    assert openai.default_model == "gpt-image-1"
    assert "default_steps" not in problems_with(openai)
