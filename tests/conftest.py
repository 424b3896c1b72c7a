"""Test-wide settings: Qt offscreen, and every test in a throwaway STEPFUN_STUDIO_HOME."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The library's GUI-thread guard refuses every app caller in tests (no module is exempt).
os.environ.setdefault("STEPFUN_STUDIO_DB_GUARD", "strict")

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.database import forbid_thread
from stepfun_studio.standin.server import StandinServer


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """What the app does at quit (`aboutToQuit`); pytest-qt never quits its application."""
    from stepfun_studio.ui.clipboard import release_private_clipboard

    release_private_clipboard()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test reads or writes the real user's folders, key or server settings."""
    home = tmp_path / "studio-home"
    monkeypatch.setenv("STEPFUN_STUDIO_HOME", str(home))
    monkeypatch.delenv("STEPFUN_API_KEY", raising=False)
    monkeypatch.delenv("STEPFUN_BASE_URL", raising=False)
    # Every provider's key and server variables, not just StepFun's.
    for provider in model_table().providers:
        monkeypatch.delenv(provider.key_env, raising=False)
        if provider.base_url_env:
            monkeypatch.delenv(provider.base_url_env, raising=False)
    yield home


@pytest.fixture
def app_paths(isolated_home: Path) -> AppPaths:
    return AppPaths.under(isolated_home)


@pytest.fixture
def standin() -> Iterator[StandinServer]:
    """The app's own stand-in server on a free loopback port, for one test (a test file that
    needs it set up otherwise defines its own `standin`)."""
    server = StandinServer(port=0).start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def gui_thread_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """With Qt in the test, app code that queries the library on the GUI thread fails it
    (`library.database.check_thread`); `@pytest.mark.gui_thread_queries` lifts it for a test.
    Test bodies reading the library to check results are not app code (or use `allow_here()`).
    """
    uses_qt = {"qapp", "qtbot"} & set(request.fixturenames)
    if not uses_qt or request.node.get_closest_marker("gui_thread_queries"):
        yield
        return
    forbid_thread(threading.get_ident())
    try:
        yield
    finally:
        forbid_thread(None)
