"""Packaging: the version's one source, the About dialog, the platform files, the icons, the
Linux install script, and (slow, CI only) `make package` building a bundle whose self-test
passes and which stays under 200 MB."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import plistlib
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from importlib.metadata import version as installed_version
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops
from pytestqt.qtbot import QtBot

import stepfun_studio

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
BUNDLE = PACKAGING / "dist" / "stepfun-studio"
MAX_BUNDLE_MB = 200


def load(path: Path, name: str) -> ModuleType:
    """Loads a script that is not part of the package (the packaging folder has no __init__)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


config = load(PACKAGING / "bundle_config.py", "bundle_config")
make_icons = load(ROOT / "tools" / "make_icons.py", "make_icons")


# --- the version --------------------------------------------------------------------------------


def test_the_running_version_is_pyprojects() -> None:
    assert config.project_version() == stepfun_studio.__version__ != "0.0.0+source"


def test_about_dialog_shows_every_version(qtbot: QtBot) -> None:
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QLabel

    from stepfun_studio.ui.about_dialog import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    version_label = dialog.findChild(QLabel, "aboutVersion")
    components = dialog.findChild(QLabel, "aboutComponents")
    icon = dialog.findChild(QLabel, "aboutIcon")
    assert version_label is not None and components is not None and icon is not None
    assert config.project_version() in version_label.text()
    text = components.text()
    for expected in (qVersion(), PySide6.__version__, installed_version("openai")):
        assert f"<b>{expected}</b>" in text
    assert not icon.pixmap().isNull()  # the icon files were found through the package


def test_about_versions_do_not_import_openai() -> None:
    # The dialog reads openai's version from metadata: importing openai costs half a second.
    code = (
        "import sys\n"
        "from stepfun_studio.ui.about_dialog import component_versions\n"
        "v = component_versions()\n"
        "assert v.openai not in ('', '?'), v\n"
        "assert 'openai' not in sys.modules\n"
        "print(v.as_line())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert f"openai {installed_version('openai')}" in result.stdout


# --- the Windows version resource and the macOS bundle -----------------------------------------


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.0", (2, 0, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("1.2.dev3", (1, 2, 0, 0)),
    ],
)
def test_windows_version_numbers(version: str, expected: tuple[int, ...]) -> None:
    assert config.version_tuple(version) == expected


def test_windows_version_resource_carries_the_pyproject_version(tmp_path: Path) -> None:
    version = config.project_version()
    path = config.write_windows_version_file(version, tmp_path)
    # PyInstaller evaluates this file on Windows; here it must at least be one valid expression.
    tree = ast.parse(path.read_text("utf-8"), mode="eval")
    call = tree.body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    assert call.func.id == "VSVersionInfo"
    literals = {
        ast.literal_eval(node.args[0]): ast.literal_eval(node.args[1])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "StringStruct"
    }
    assert literals["ProductVersion"] == literals["FileVersion"] == version
    assert literals["ProductName"] == "StepFun Studio"
    assert literals["OriginalFilename"] == "stepfun-studio.exe"
    numbers = [
        ast.literal_eval(keyword.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg in ("filevers", "prodvers")
    ]
    assert numbers == [config.version_tuple(version)] * 2


def test_macos_bundle_settings() -> None:
    version = config.project_version()
    plist = config.macos_info_plist(version)
    assert plist["CFBundleName"] == "StepFun Studio"  # the name in the menu bar
    assert plist["CFBundleIdentifier"] == config.BUNDLE_ID
    assert plist["NSHighResolutionCapable"] is True
    assert plist["CFBundleShortVersionString"] == version
    assert plistlib.loads(plistlib.dumps(plist)) == plist  # only types a plist can hold


# --- what the bundle leaves out -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("destination", "unwanted"),
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),
        ("stepfun_studio/resources/translations/stepfun_studio_en.qm", False),
        ("stepfun_studio/resources/translations/stepfun_studio_zh_CN.qm", False),
    ],
)
def test_only_the_shipped_languages_stay(destination: str, unwanted: bool) -> None:
    assert config.is_unwanted_translation(destination) is unwanted


@pytest.mark.parametrize(
    ("destination", "unwanted"),
    [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/generic/libqevdevmouseplugin.so", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
    ],
)
def test_unused_qt_parts_are_left_out(destination: str, unwanted: bool) -> None:
    assert config.is_unwanted_binary(destination) is unwanted


def test_links_to_left_out_libraries_are_dropped() -> None:
    entries = [
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/libQt6Gui.so.6", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6EglFsKmsSupport.so.6", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", "SYMLINK"),
    ]
    assert config.drop_dangling_symlinks(entries, entries) == entries[:2]


def test_excludes_name_test_and_qt_modules_we_never_import() -> None:
    excluded = set(config.excludes())
    assert {"tkinter", "pytest", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore"} <= (
        excluded
    )
    used = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg"}
    assert not used & excluded


# --- the icons ----------------------------------------------------------------------------------


def test_committed_icons_match_the_svg(qapp: object, tmp_path: Path) -> None:
    """The PNG, ICO and ICNS files are what tools/make_icons.py draws from today's SVG."""
    # `qapp` first: make_icons would otherwise make a QGuiApplication, and every later test
    # in the process that builds a widget would abort (a QWidget needs a QApplication).
    make_icons.write_icons(ICONS / make_icons.SOURCE_NAME, tmp_path)
    for size in make_icons.PNG_SIZES:
        name = make_icons.png_name(size)
        with Image.open(ICONS / name) as committed, Image.open(tmp_path / name) as fresh:
            assert committed.size == fresh.size == (size, size)
            difference = ImageChops.difference(committed.convert("RGBA"), fresh.convert("RGBA"))
            # A Qt update may move antialiasing by a step or two; a changed drawing moves more.
            assert max(difference.tobytes()) <= 16, name
    with Image.open(ICONS / "stepfun-studio.ico") as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in make_icons.ICO_SIZES}
    with Image.open(ICONS / "stepfun-studio.icns") as icns:
        assert icns.size == (1024, 1024)


# --- Linux: desktop file, metainfo, install script ----------------------------------------------


def read_desktop_file() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{config.BUNDLE_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_launches_the_bundle_with_its_icon() -> None:
    entry = read_desktop_file()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "StepFun Studio"
    assert entry["Exec"] == entry["TryExec"] == config.EXECUTABLE
    assert entry["Icon"] == config.BUNDLE_ID
    assert entry["Terminal"] == "false"
    assert "Graphics" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    assert entry["Name[zh_CN]"]


def test_metainfo_matches_the_desktop_file_and_version() -> None:
    root = ET.parse(LINUX / f"{config.BUNDLE_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == config.BUNDLE_ID
    assert root.findtext("launchable") == f"{config.BUNDLE_ID}.desktop"
    assert root.findtext("provides/binary") == config.EXECUTABLE
    releases = root.findall("releases/release")
    # The newest release note must be for the version being built.
    assert releases and releases[0].get("version") == config.project_version()


def test_metainfo_passes_appstream_validation() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("appstreamcli is not installed (Debian: apt-get install appstream)")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(LINUX / f"{config.BUNDLE_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def fake_bundle(folder: Path) -> Path:
    """A folder shaped like the built bundle, with a tiny program in place of the real one."""
    bundle = folder / "stepfun-studio"
    icons = bundle / "_internal" / "stepfun_studio" / "resources" / "icons"
    icons.mkdir(parents=True)
    for path in ICONS.glob("stepfun-studio*"):
        shutil.copy(path, icons / path.name)
    program = bundle / config.EXECUTABLE
    program.write_text('#!/bin/sh\necho fake studio "$@"\n')
    program.chmod(0o755)
    config.add_linux_install_files(bundle)
    return bundle


@pytest.mark.skipif(sys.platform != "linux", reason="install.sh is for Linux")
def test_install_script_installs_and_uninstalls(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path / "dist")
    prefix = tmp_path / "prefix"
    env = {**os.environ, "PREFIX": str(prefix), "HOME": str(tmp_path / "home")}
    script = bundle / "install.sh"

    installed = subprocess.run([str(script)], env=env, capture_output=True, text=True, check=False)
    assert installed.returncode == 0, installed.stderr

    target = prefix / "lib" / "stepfun-studio"
    app_id = config.BUNDLE_ID
    run = subprocess.run(
        [str(prefix / "bin" / "stepfun-studio"), "--self-test"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stdout == "fake studio --self-test\n"
    desktop = (prefix / "share" / "applications" / f"{app_id}.desktop").read_text("utf-8")
    assert f"Exec={target}/stepfun-studio\n" in desktop
    assert f"TryExec={target}/stepfun-studio\n" in desktop
    assert (prefix / "share" / "metainfo" / f"{app_id}.metainfo.xml").is_file()
    hicolor = prefix / "share" / "icons" / "hicolor"
    for size in (16, 48, 256, 512):
        with Image.open(hicolor / f"{size}x{size}" / "apps" / f"{app_id}.png") as icon:
            assert icon.size == (size, size)
    assert (hicolor / "scalable" / "apps" / f"{app_id}.svg").is_file()

    removed = subprocess.run(
        [str(script), "--uninstall"], env=env, capture_output=True, text=True, check=False
    )
    assert removed.returncode == 0, removed.stderr
    assert [p for p in prefix.rglob("*") if not p.is_dir()] == []


def test_install_script_refuses_without_a_bundle(tmp_path: Path) -> None:
    lonely = tmp_path / "linux"
    lonely.mkdir()
    shutil.copy(LINUX / "install.sh", lonely / "install.sh")
    env = {**os.environ, "PREFIX": str(tmp_path / "prefix")}
    result = subprocess.run(
        [str(lonely / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "make package" in result.stderr
    assert not (tmp_path / "prefix" / "lib").exists()


# --- the real build (slow) ----------------------------------------------------------------------

RUN_SLOW = os.environ.get("CI") == "true" or os.environ.get("STEPFUN_RUN_SLOW") == "1"


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


@pytest.mark.slow
@pytest.mark.skipif(
    not RUN_SLOW,
    reason="builds the whole bundle (about a minute); runs when CI=true or STEPFUN_RUN_SLOW=1",
)
@pytest.mark.skipif(sys.platform != "linux", reason="`make package` builds the Linux bundle")
def test_make_package_builds_a_bundle_that_passes_its_self_test() -> None:
    started = time.monotonic()
    build = subprocess.run(
        ["make", "package"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=1800
    )
    build_s = time.monotonic() - started
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]

    program = BUNDLE / config.EXECUTABLE
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [str(program), "--self-test"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert f"StepFun Studio {config.project_version()} " in result.stdout

    size_mb = folder_size(BUNDLE) / 1e6
    print(f"\nbundle: {size_mb:.0f} MB, `make package` took {build_s:.0f} s")
    assert size_mb < MAX_BUNDLE_MB
    internal = BUNDLE / "_internal"
    assert not [p for p in BUNDLE.rglob("*") if p.is_symlink() and not p.exists()]
    assert not list(internal.rglob("libQt6Qml*")) and not list(internal.rglob("libQt6Quick*"))
    assert not list(internal.rglob("libgtk-3*"))
    assert not (internal / "tkinter").exists() and not (internal / "pytest").exists()
    for name in config.LINUX_INSTALL_FILES:
        assert (BUNDLE / name).is_file()
