"""`AppSettings`: the settings file (QSettings, INI format, in the config dir), versioned.

- The file carries `meta/version`. An older file is migrated step by step on open; a newer one is
  read as far as it is understood and its version is never lowered.
- A broken file (unparsable, unreadable, values out of range) never stops the start: the bad part
  falls back to defaults and `problems` says so in words. An unparsable file is moved aside
  (`settings.ini.broken`) so the user's text is not lost and the next start is clean.
- No secret is ever written here: the keys live in the OS keyring (`api/credentials.py`), and a
  migration removes any key-like entry an old or hand-edited file may carry.
- Writing: at once by default (the CLI, a script). The window hands in a runner
  (`write_in_background`) so the file is written off the GUI thread: saves that come while a
  write runs are coalesced into one more write of the latest values, a failure comes back as
  `save_failed`, and `flush()` writes what is still waiting at quit.
- Per provider: `providers/<id>/region` and `providers/<id>/base_url` (StepFun's stay under
  `connection/`, where versions before providers put them); the models declared for an
  OpenAI-compatible server are the array `compatible_models` (name, fields, sizes).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.text import tr
from stepfun_studio.settings.values import (
    COMPATIBLE_FIELDS,
    DeclaredModel,
    ProviderConnection,
    StudioSettings,
    field_names,
    problems_with,
    without_problems,
)

SETTINGS_FILE = "settings.ini"
SETTINGS_VERSION = 1
VERSION_KEY = "meta/version"

# Where each plain field lives in the file. Connections and declared models have their own
# places (below): they are per provider, and lists.
KEYS: dict[str, str] = {
    "default_provider": "providers/default",
    "provider_chosen": "providers/chosen",
    "tier": "connection/tier",
    "default_model": "defaults/model",
    "default_size": "defaults/size",
    "default_steps": "defaults/steps",
    "default_cfg_scale": "defaults/cfg_scale",
    "default_response_format": "defaults/response_format",
    "library_location": "library/location",
    "language": "appearance/language",
    "theme": "appearance/theme",
}
STRUCTURED = frozenset({"connections", "compatible_models"})
assert set(KEYS) | STRUCTURED == set(field_names()), "every setting needs a place in the file"
# StepFun's server was the only one before providers came; its keys stay where older versions
# (and their users' files) have them.
LEGACY_CONNECTION_KEYS = {"stepfun": ("connection/region", "connection/custom_base_url")}
COMPATIBLE_MODELS_ARRAY = "compatible_models"


def connection_keys(provider_id: str) -> tuple[str, str]:
    """The file's keys for one provider's region and custom server address."""
    legacy = LEGACY_CONNECTION_KEYS.get(provider_id)
    return legacy or (f"providers/{provider_id}/region", f"providers/{provider_id}/base_url")


_SECRET_WORDS = ("key", "token", "secret", "password", "authorization")
_log = logging.getLogger(__name__)


def _migrate_0_to_1(file: QSettings) -> list[str]:
    """Version 0 is a file without a version (hand-written, or from a pre-release build).

    Its fields already have today's names; what it may hold that must not stay is a secret.
    """
    messages: list[str] = []
    for key in file.allKeys():
        leaf = key.rsplit("/", 1)[-1].lower()
        if any(word in leaf for word in _SECRET_WORDS) and key not in _known_keys():
            file.remove(key)
            messages.append(
                tr(
                    "Settings",
                    "The settings file held a key or password ({name}); it was removed from the "
                    "file. Enter the key in Settings to keep it in the system keyring.",
                ).format(name=key)
            )
    return messages


def _known_keys() -> set[str]:
    known = set(KEYS.values())
    for provider_id in model_table().provider_ids():
        known.update(connection_keys(provider_id))
    return known


# MIGRATIONS[n] turns a version-n file into a version-(n+1) file and says what it changed.
MIGRATIONS: dict[int, Callable[[QSettings], list[str]]] = {0: _migrate_0_to_1}


def _convert(name: str, raw: Any, default: Any) -> Any:
    """The file's text for field `name`, as the field's type; raises ValueError when it is not."""
    if isinstance(default, bool):  # bool is an int too: keep it apart
        return str(raw).lower() in ("1", "true", "yes")
    if isinstance(default, int):
        return int(str(raw))
    if isinstance(default, float):
        return float(str(raw))
    if isinstance(raw, list):  # QSettings reads "a, b" as a list
        return ", ".join(str(part) for part in raw)
    return str(raw)


# Runs `work` somewhere (a thread), then `done(error or None)` back on the caller's thread.
WriteRunner = Callable[[Callable[[], None], Callable[[BaseException | None], None]], None]


class AppSettings(QObject):
    """The settings file, opened once at start. `values` is always a valid `StudioSettings`."""

    changed = Signal(object)  # the new StudioSettings
    save_failed = Signal(object)  # AppError: a write off the GUI thread failed

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._runner: WriteRunner | None = None
        self._writing = False
        self._dirty = False
        self._write_lock = threading.Lock()
        self.writes = 0  # how many times the file was written (coalescing is visible here)
        self._problems: list[str] = []
        self._writable = True
        self._file_version = SETTINGS_VERSION
        self._values = self._load()

    @classmethod
    def open(cls, paths: AppPaths | None = None, parent: QObject | None = None) -> AppSettings:
        paths = paths or AppPaths.from_environment()
        return cls(paths.config_dir / SETTINGS_FILE, parent)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def values(self) -> StudioSettings:
        return self._values

    @property
    def problems(self) -> list[str]:
        """What went wrong reading the file, for a person; empty when all was well."""
        return list(self._problems)

    # -- loading --------------------------------------------------------------------------

    def _qsettings(self) -> QSettings:
        return QSettings(str(self._path), QSettings.Format.IniFormat)

    def _load(self) -> StudioSettings:
        if self._path.exists() and not self._path.is_file():
            self._writable = False
            self._problem(
                tr("Settings", "The settings file {path} is not a file.").format(path=self._path)
            )
            return StudioSettings()
        if self._path.is_file() and not self._readable_text():
            self._set_aside()
        file = self._qsettings()
        if file.status() is not QSettings.Status.NoError:
            return self._unusable(file)
        if not file.allKeys():
            return StudioSettings()
        self._migrate(file)
        values = self._read_fields(file)
        bad = problems_with(values)
        if bad:
            for reason in bad.values():
                self._problem(
                    tr("Settings", "A setting was reset to its default: {reason}").format(
                        reason=reason
                    )
                )
            values = without_problems(values, set(bad))
            # A reset may leave another field out of step (steps for another default model).
            values = without_problems(values, set(problems_with(values)))
        return values

    def _readable_text(self) -> bool:
        try:
            data = self._path.read_bytes()
            data.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        # QSettings reads NUL bytes and half a section header without complaint; they only
        # appear in a file that something other than us wrote over.
        return b"\x00" not in data

    def _set_aside(self) -> None:
        aside = self._path.with_name(self._path.name + ".broken")
        try:
            self._path.replace(aside)
        except OSError as exc:
            self._writable = False
            self._problem(
                tr(
                    "Settings",
                    "The settings file {path} is damaged and could not be moved "
                    "aside ({reason}); defaults are used for this session.",
                ).format(path=self._path, reason=exc.strerror or type(exc).__name__)
            )
            return
        self._problem(
            tr(
                "Settings",
                "The settings file was damaged; it was moved to {path} and the defaults are used.",
            ).format(path=aside)
        )

    def _unusable(self, file: QSettings) -> StudioSettings:
        if file.status() is QSettings.Status.FormatError and self._path.is_file():
            self._set_aside()
        else:
            self._writable = False
            self._problem(
                tr(
                    "Settings",
                    "The settings file {path} cannot be read; defaults are used for this session.",
                ).format(path=self._path)
            )
        return StudioSettings()

    def _migrate(self, file: QSettings) -> None:
        raw_version = file.value(VERSION_KEY, 0)
        try:
            version = int(str(raw_version))
        except ValueError:
            version = 0
        self._file_version = version
        if version > SETTINGS_VERSION:
            self._problem(
                tr(
                    "Settings",
                    "The settings were saved by a newer StepFun Studio (version "
                    "{version}); what this version does not know is left as it is.",
                ).format(version=version)
            )
            return
        if version == SETTINGS_VERSION:
            return
        for step in range(version, SETTINGS_VERSION):
            for message in MIGRATIONS[step](file):
                self._problem(message)
        file.setValue(VERSION_KEY, SETTINGS_VERSION)
        file.sync()
        self._file_version = SETTINGS_VERSION
        _log.info("Settings migrated from version %s to %s", version, SETTINGS_VERSION)

    def _read_fields(self, file: QSettings) -> StudioSettings:
        defaults = StudioSettings()
        found: dict[str, Any] = {}
        for name, key in KEYS.items():
            if not file.contains(key):
                continue
            default = getattr(defaults, name)
            try:
                found[name] = _convert(name, file.value(key), default)
            except (TypeError, ValueError):
                self._problem(
                    tr(
                        "Settings",
                        "The setting {name} was not readable and was reset to its default.",
                    ).format(name=key)
                )
        found["connections"] = self._read_connections(file)
        found["compatible_models"] = self._read_declared_models(file)
        return defaults.with_changes(**found)

    def _read_connections(self, file: QSettings) -> tuple[tuple[str, ProviderConnection], ...]:
        values = StudioSettings()
        for provider in model_table().providers:
            region_key, url_key = connection_keys(provider.id)
            region = str(file.value(region_key, "") or "").strip()
            url = str(file.value(url_key, "") or "").strip()
            values = values.with_connection(provider.id, ProviderConnection(region, url))
        return values.connections

    def _read_declared_models(self, file: QSettings) -> tuple[DeclaredModel, ...]:
        declared: list[DeclaredModel] = []
        count = file.beginReadArray(COMPATIBLE_MODELS_ARRAY)
        for index in range(count):
            file.setArrayIndex(index)
            name = str(file.value("name", "") or "").strip()
            fields = str(file.value("fields", "") or "").split()
            sizes = str(file.value("sizes", "") or "").split()
            if name:
                # Fields this version does not know are dropped, not fatal: a newer version
                # may offer more.
                known = tuple(field for field in fields if field in COMPATIBLE_FIELDS)
                declared.append(DeclaredModel(name, known, tuple(sizes)))
        file.endArray()
        return tuple(declared)

    def _problem(self, message: str) -> None:
        self._problems.append(message)
        _log.warning("Settings: %s", message)

    # -- saving ---------------------------------------------------------------------------

    def save(self, values: StudioSettings) -> None:
        """Check and write `values`; raises AppError(CONFIG) naming the first bad field, or
        AppError(STORAGE) when the file cannot be written (the values still hold in memory)."""
        bad = problems_with(values)
        if bad:
            raise AppError(ErrorKind.CONFIG, next(iter(bad.values())))
        old = self._values
        self._values = values
        if values != old:
            self.changed.emit(values)
        if not self._writable:
            raise AppError(
                ErrorKind.STORAGE,
                tr(
                    "Settings",
                    "The settings cannot be saved to {path}; they hold for this session only.",
                ).format(path=self._path),
            )
        if self._runner is None:
            self._write_latest()
            return
        self._dirty = True
        if not self._writing:
            self._start_write()

    def write_in_background(self, runner: WriteRunner | None) -> None:
        """From now on `save` writes through `runner` (the window's background helper)."""
        self._runner = runner

    def flush(self) -> None:
        """Writes what is still waiting, on this thread (at quit); a failure is logged."""
        if not (self._dirty or self._writing):
            return
        self._dirty = False
        try:
            self._write_latest()
        except AppError as error:
            _log.error("Settings: %s", error.message)

    def _start_write(self) -> None:
        assert self._runner is not None
        self._dirty = False
        self._writing = True
        self._runner(self._write_latest, self._written)

    def _written(self, error: BaseException | None) -> None:
        self._writing = False
        if isinstance(error, AppError):
            self.save_failed.emit(error)
        elif error is not None:
            raise error
        if self._dirty:
            self._start_write()  # saved again while that write ran: once more, the latest

    def _write_latest(self) -> None:
        # Whatever thread writes, it writes the latest values, one write at a time: a flush at
        # quit and a write still running can come in either order and the file ends current.
        with self._write_lock:
            self._write(self._values)
            self.writes += 1

    def update(self, **changes: object) -> StudioSettings:
        values = self._values.with_changes(**changes)
        self.save(values)
        return values

    def _write(self, values: StudioSettings) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._storage_error(exc.strerror or type(exc).__name__) from None
        file = self._qsettings()
        for name, key in KEYS.items():
            file.setValue(key, getattr(values, name))
        for provider in model_table().providers:
            region_key, url_key = connection_keys(provider.id)
            connection = values.connection(provider.id)
            file.setValue(region_key, values.region(provider.id))
            file.setValue(url_key, connection.base_url)
        file.remove(COMPATIBLE_MODELS_ARRAY)
        file.beginWriteArray(COMPATIBLE_MODELS_ARRAY, len(values.compatible_models))
        for index, declared in enumerate(values.compatible_models):
            file.setArrayIndex(index)
            file.setValue("name", declared.name)
            file.setValue("fields", " ".join(declared.fields))
            file.setValue("sizes", " ".join(declared.sizes))
        file.endArray()
        file.setValue(VERSION_KEY, max(self._file_version, SETTINGS_VERSION))
        file.sync()
        if file.status() is not QSettings.Status.NoError:
            raise self._storage_error(file.status().name)

    def _storage_error(self, reason: str) -> AppError:
        return AppError(
            ErrorKind.STORAGE,
            tr("Settings", "The settings could not be saved to {path} ({reason}).").format(
                path=self._path, reason=reason
            ),
        )
