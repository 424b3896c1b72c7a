"""The API key goes to the server's Authorization header and nowhere else.

1. On the wire: a recording TCP proxy sits between our client and the stand-in and keeps every
   byte sent; the key appears only as `Authorization: Bearer <key>`, once per request.
2. A non-loopback http:// address is refused before any connection is made, for every provider
   (the "remote" address is this machine's own network address, where a listener waits to catch
   a wrongly sent key).
3. A whole session through the real main window with a recognisable key for every provider (some
   typed into the settings dialog and kept in the keyring, the others from the providers'
   environment variables): test one, generate, meet a 401 and a 500, export, quit. Then every
   file under the app's data, config, cache and log dirs and the temp dir is read, and no key is
   in any of them; the log holds the redaction marker where a careless line tried to write one.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import socket
import socketserver
import tempfile
import threading
import time
import uuid
from collections.abc import Collection
from pathlib import Path
from stat import S_ISREG

import pytest
from keyring.backends import fail
from keyring_support import real_secret_service, secret_service_problem, unique_service
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot
from test_studio_providers import DECLARED, one_picture, one_picture_from

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.credentials import KeyStore, ProviderKeys
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ProviderSpec, model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.redaction import REDACTED
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage, ResponseFormat
from stepfun_studio.library.jobs import JobState
from stepfun_studio.settings.connection import open_client, resolve_connection
from stepfun_studio.settings.logs import setup_logging
from stepfun_studio.settings.values import (
    ProviderConnection,
    StudioSettings,
    effective_model_table,
)
from stepfun_studio.standin import StandinServer
from stepfun_studio.standin.handler import DOWNLOAD_PREFIXES
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.settings_dialog import SettingsDialog
from stepfun_studio.ui.studio import Studio, StudioOptions

MAX_SCANNED_FILE_BYTES = 64 * 1024 * 1024
PROVIDERS = model_table().providers
OTHERS = [provider for provider in PROVIDERS if provider.id != "stepfun"]
# The system's temp folder, taken before any test points TMPDIR elsewhere.
SYSTEM_TMP = Path(tempfile.gettempdir())


def canary() -> str:
    return "sk-LEAKCANARY" + uuid.uuid4().hex + "Q7"


class RecordingProxy(socketserver.ThreadingTCPServer):
    """Forwards TCP to `upstream_port` on 127.0.0.1 and keeps every byte the client sent."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, upstream_port: int, host: str = "127.0.0.1") -> None:
        self.upstream_port = upstream_port
        self.sent = bytearray()
        self.connections = 0
        self.lock = threading.Lock()
        super().__init__((host, 0), _ProxyHandler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _ProxyHandler(socketserver.BaseRequestHandler):
    server: RecordingProxy

    def handle(self) -> None:
        with self.server.lock:
            self.server.connections += 1
        upstream = socket.create_connection(("127.0.0.1", self.server.upstream_port))
        client = self.request

        def pump_back() -> None:
            try:
                while data := upstream.recv(65536):
                    client.sendall(data)
            except OSError:
                pass
            finally:
                client.close()

        threading.Thread(target=pump_back, daemon=True).start()
        try:
            while data := client.recv(65536):
                with self.server.lock:
                    self.server.sent.extend(data)
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            upstream.close()


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


def assert_recorded_requests_clean(standin: StandinServer, key: str) -> None:
    assert standin.requests
    for recorded in standin.requests:
        everything = json.dumps(
            [recorded.path, recorded.headers, recorded.body, recorded.files], default=str
        )
        assert key not in everything, recorded.path
        if recorded.path.startswith(DOWNLOAD_PREFIXES):  # result links: no key at all
            assert "Authorization" not in recorded.headers
        else:
            assert recorded.headers.get("Authorization") == "<present, value not recorded>"


def test_on_the_wire_the_key_is_only_in_the_authorization_header(standin: StandinServer) -> None:
    key = canary()
    proxy = RecordingProxy(standin.port)
    source = ReferenceImage(png(64, 64), "image/png", 64, 64, "source.png")

    async def session() -> None:
        async with StepFunClient(key, f"http://127.0.0.1:{proxy.port}/v1") as client:
            await client.list_models()
            await client.generate_one(GenerationRequest(prompt="b64", size="256x256"))
            await client.generate_one(
                GenerationRequest(prompt="url", size="256x256", response_format=ResponseFormat.URL)
            )
            await client.generate_one(
                GenerationRequest(prompt="redraw", size="256x256", mode=Mode.REDRAW, source=source)
            )
            await client.generate_one(
                GenerationRequest(
                    prompt="edit",
                    model="step-image-edit-2",
                    mode=Mode.EDIT,
                    source=source,
                    steps=8,
                    cfg_scale=1.0,
                    size="1024x1024",
                )
            )
            for fault in ("401", "500"):
                standin.add_fault(fault)
                with pytest.raises(AppError) as caught:
                    await client.generate_one(GenerationRequest(prompt=fault, size="256x256"))
                assert key not in str(caught.value) + repr(caught.value) + caught.value.details()

    asyncio.run(session())
    proxy.shutdown()
    proxy.server_close()

    wire = bytes(proxy.sent).decode("latin-1")
    api_calls = wire.count("HTTP/1.1\r\n")
    assert api_calls == 7
    occurrences = wire.count(key)
    in_header = sum(
        1 for line in wire.split("\r\n") if line.lower() == f"authorization: bearer {key}".lower()
    )
    assert occurrences == in_header == api_calls
    assert_recorded_requests_clean(standin, key)


@pytest.mark.parametrize("provider", OTHERS, ids=lambda p: p.id)
def test_every_providers_key_is_only_in_the_authorization_header(
    standin: StandinServer, provider: ProviderSpec
) -> None:
    key = canary()
    proxy = RecordingProxy(standin.port)
    table = effective_model_table(StudioSettings(compatible_models=(DECLARED,)))

    async def session() -> int:
        client = open_client(
            provider.id,
            api_key=key,
            base_url=f"http://127.0.0.1:{proxy.port}{provider.standin_prefix}",
            table=table,
            max_rate_limit_retries=0,
        )
        calls = 0
        try:
            if provider.models_path:
                await client.list_models()
                calls += 1
            request = one_picture_from(table, provider.id)
            await client.generate_one(request)
            calls += 1
            for fault in ("401", "500"):
                standin.add_fault(fault)
                with pytest.raises(AppError) as caught:
                    await client.generate_one(request)
                calls += 1
                assert key not in str(caught.value) + repr(caught.value) + caught.value.details()
        finally:
            await client.aclose()
        return calls

    calls = asyncio.run(session())
    proxy.shutdown()
    proxy.server_close()
    wire = bytes(proxy.sent).decode("latin-1")
    in_header = sum(
        1 for line in wire.split("\r\n") if line.lower() == f"authorization: bearer {key}".lower()
    )
    assert wire.count(key) == in_header == calls
    assert_recorded_requests_clean(standin, key)


def own_network_address() -> str | None:
    """This machine's address on its network (not loopback), if it has one."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent for a UDP connect
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") else address


def test_plain_http_to_a_network_address_is_refused_before_any_connection(
    standin: StandinServer,
) -> None:
    address = own_network_address()
    if address is None:
        pytest.skip("this machine has no non-loopback network address to aim at")
    catcher = RecordingProxy(standin.port, host=address)
    url = f"http://{address}:{catcher.port}/v1"
    try:
        key = canary()
        with pytest.raises(AppError) as caught:
            StepFunClient(key, url)
        assert caught.value.kind is ErrorKind.CONFIG
        for provider in PROVIDERS:
            key = canary()
            store = KeyStore(provider.id, env={provider.key_env: key})
            # Through the provider's own variable, and through its saved server address.
            through_settings = StudioSettings().with_connection(
                provider.id, ProviderConnection(base_url=url)
            )
            for settings, env in (
                (StudioSettings(), {provider.base_url_env: url}),
                (through_settings, {}),
            ):
                with pytest.raises(AppError) as resolved:
                    resolve_connection(provider.id, settings, store, env=env)
                assert resolved.value.kind is ErrorKind.CONFIG, provider.id
                assert key not in resolved.value.message
        time.sleep(0.2)
        assert catcher.connections == 0
        assert standin.request_count() == 0
    finally:
        catcher.shutdown()
        catcher.server_close()


def files_holding(
    root: Path, needles: Collection[bytes], since: float | None = None, skip: Path | None = None
) -> list[Path]:
    """Files under `root` containing any of `needles`, each file read once; files that vanish
    meanwhile (other processes share the temp folder) are passed over, and so is `skip`."""
    found = []
    for folder, dirs, names in os.walk(root, onerror=lambda _error: None):
        if skip is not None:
            dirs[:] = [name for name in dirs if Path(folder) / name != skip]
        for name in names:
            path = Path(folder) / name
            try:
                stat = path.lstat()
                if not S_ISREG(stat.st_mode) or stat.st_size > MAX_SCANNED_FILE_BYTES:
                    continue
                if since is not None and stat.st_mtime < since:
                    continue
                data = path.read_bytes()
                if any(needle in data for needle in needles):
                    found.append(path)
            except OSError:
                continue
    return found


def test_a_whole_session_leaves_no_providers_key_anywhere(
    qtbot: QtBot,
    app_paths: AppPaths,
    standin: StandinServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = time.time() - 1
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    # A canary key per provider: some typed into Settings (so they go to the keyring), the
    # others from the providers' environment variables.
    keys = {provider.id: canary() for provider in PROVIDERS}
    typed = ("stepfun", "openai", "siliconflow")
    env = {p.key_env: keys[p.id] for p in PROVIDERS if p.id not in typed}
    # The most talkative logging there is: whatever any library says goes to the file.
    log_path = setup_logging(app_paths, level=logging.DEBUG)
    for name in ("openai", "httpx2", "httpcore2", "httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.DEBUG)
    # The real Secret Service where the test session has one, else no keyring at all; either
    # way under a service name of its own, never the user's own entry.
    backend = fail.Keyring() if secret_service_problem() else real_secret_service()
    key_stores = ProviderKeys(env=env, backend=backend, service=unique_service())

    studio = Studio(StudioOptions(paths=app_paths, rate_backoff_s=0.05))
    studio.settings.update(compatible_models=(DECLARED,))
    studio.use_keys(key_stores)  # the window's key stores, on throwaway entries
    window = MainWindow(studio, LanguageSwitcher())
    # Not given to qtbot: this test deletes the window itself (see the end).
    window.show()
    studio.start(None)  # no key yet: demo mode
    assert studio.demo
    try:
        # Set the keys and test one, in the settings dialog the window opens from its menu.
        window.menus.actions["settings"].trigger()
        dialog = window.findChild(SettingsDialog, "settingsDialog")
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        for provider in PROVIDERS:
            panel = dialog.providers.panel(provider.id)
            panel.base_url_field.setText(standin.base_url_for(provider.id))
            dialog.providers.select(provider.id)
            if provider.id in typed:
                qtbot.keyClicks(panel.key_panel.key_field, keys[provider.id])
            if panel.test_button.isVisible():
                with qtbot.waitSignal(panel.test_finished, timeout=20_000) as tested:
                    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
                assert tested.args == [True], provider.id
            panel.key_panel.show_button.click()  # shown on screen; must still reach no file
        stepfun = dialog.providers.panel("stepfun")
        assert stepfun.balance_label.text().startswith("Balance: ")
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: not studio.demo)
        assert studio.base_url == standin.base_url
        for provider in PROVIDERS:
            connection = resolve_connection(provider.id, studio.settings.values, key_stores, env)
            assert connection.api_key == keys[provider.id] and not studio.is_demo(provider.id)
            assert keys[provider.id] not in repr(connection)

        # One picture from each of the other providers, each with its own key.
        for provider in OTHERS:
            studio.queue.submit(one_picture(provider.id, studio))
        others = len(OTHERS)
        qtbot.waitUntil(
            lambda: [i.state for i in studio.queue.jobs()] == [JobState.DONE] * others,
            timeout=60_000,
        )

        # Generate one picture in the window, then meet a 401 and a 500.
        editor = window.findChild(QPlainTextEdit, "promptEditor")
        editor.setFocus()
        qtbot.keyClicks(editor, "a lighthouse at dusk")
        size = window.findChild(QComboBox, "sizeCombo")
        size.setCurrentIndex(size.findText("256", Qt.MatchFlag.MatchContains))
        window.findChild(QSpinBox, "stepsSpin").setValue(4)
        generate = window.findChild(QPushButton, "generateButton")

        def states() -> list[JobState]:
            return [info.state for info in studio.queue.jobs()][others:]

        qtbot.mouseClick(generate, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: states() == [JobState.DONE], timeout=20_000)
        for fault in ("401", "500"):
            standin.add_fault(fault)
            qtbot.mouseClick(generate, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: states()[-1] is JobState.FAILED, timeout=20_000)
            assert not any(each in window.statusBar().currentMessage() for each in keys.values())

        # Export, and a careless log line as a bug might write one.
        image_id = studio.queue.jobs()[others].image_id
        assert image_id is not None
        exported = studio.library.export([image_id], private_tmp / "export")
        assert exported
        for each in keys.values():
            logging.getLogger("stepfun_studio.careless").error("request failed with key=%s", each)
            assert each not in (QApplication.clipboard().text() or "")
    finally:
        window.close()
        studio.close()
        # Delete the window here, on the GUI thread, rather than whenever (and on whichever
        # thread) the garbage collector gets round to it.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for handler in logging.getLogger().handlers:
        handler.flush()

    # The window's three to StepFun, and one to each of the others at its own path.
    assert sum(r.path == "/v1/images/generations" for r in standin.requests) == 3
    for provider in OTHERS:
        posted = [r for r in standin.requests if r.method == "POST"]
        assert sum(r.path.startswith(provider.standin_prefix + "/") for r in posted) == 1
    for each in keys.values():
        assert_recorded_requests_clean(standin, each)
    needles = [each.encode() for each in keys.values()]
    for root in (
        app_paths.data_dir,
        app_paths.config_dir,
        app_paths.cache_dir,
        app_paths.log_dir,
        private_tmp,
        tmp_path,
    ):
        assert root.exists() or root == app_paths.cache_dir, root
        assert files_holding(root, needles) == [], root
    # Whatever ignored TMPDIR and wrote to the system's temp folder during the session. The
    # folder of every pytest run on the machine is passed over (ours is `tmp_path`, read
    # above): on a shared machine it holds gigabytes other runs keep writing, and reading it
    # all kept this test busy for over ten minutes.
    pytest_runs = tmp_path.parent.parent  # pytest-of-<user>/pytest-<n>/<this test>
    others = files_holding(SYSTEM_TMP, needles, since=started, skip=pytest_runs)
    assert others == []
    log_text = log_path.read_text("utf-8")
    assert REDACTED in log_text
    assert "status=401" in log_text and "status=500" in log_text
