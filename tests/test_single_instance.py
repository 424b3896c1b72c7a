"""A second launch hands its files to the running instance over a real local socket."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.ui.single_instance import (
    InstanceServer,
    files_in,
    hand_over,
    nobody_listens,
    server_name,
)

SECOND_LAUNCH = (
    "import sys\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from stepfun_studio.ui.single_instance import hand_over\n"
    "app = QCoreApplication([])\n"
    "print('handed' if hand_over(sys.argv[1], sys.argv[2:]) else 'alone', flush=True)\n"
)


def _second_launch(name: str, *files: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SECOND_LAUNCH, name, *files],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_launch_hands_its_files_to_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    name = server_name(tmp_path / "data")
    server = InstanceServer(name)
    assert server.listening
    # Where Qt put the socket is where a later launch looks before loading QtNetwork.
    assert not nobody_listens(name)
    try:
        with qtbot.waitSignal(server.files_received, timeout=10_000) as received:
            child = _second_launch(name, str(picture))
        out, err = child.communicate(timeout=30)
    finally:
        server.close()
    assert received.args == [[str(picture)]]
    assert out.strip() == "handed", err
    assert child.returncode == 0


def test_with_no_instance_running_the_launch_carries_on(tmp_path: Path) -> None:
    child = _second_launch(server_name(tmp_path / "nobody-home"))
    out, err = child.communicate(timeout=30)
    assert out.strip() == "alone", err


def test_each_library_folder_is_its_own_instance(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_only_existing_files_are_handed_over(tmp_path: Path) -> None:
    real = tmp_path / "real.png"
    real.write_bytes(b"x")
    assert files_in(["--self-test", str(real), str(tmp_path / "missing.png")]) == [
        str(real.resolve())
    ]


def test_hand_over_does_not_wait_forever_on_nobody(tmp_path: Path) -> None:
    assert hand_over(server_name(tmp_path / "empty"), ["x"]) is False


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe leaves no file to look for")
def test_a_lone_start_knows_without_a_socket_that_nobody_listens(tmp_path: Path) -> None:
    name = server_name(tmp_path / "alone")
    assert nobody_listens(name)
    server = InstanceServer(name)
    try:
        assert not nobody_listens(name)
    finally:
        server.close()
    assert nobody_listens(name)  # closing removes the socket file: the next start is alone
