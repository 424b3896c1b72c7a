"""What the PyInstaller spec needs to know, kept as plain Python so it can be tested and read.

`stepfun_studio.spec` imports this module: the version (read from pyproject.toml, its only
source), the names and ids of the app on each platform, the Windows version resource, the macOS
Info.plist, and the lists of what the bundle leaves out.

This folder deliberately has no `__init__.py`: a regular package named `packaging` would shadow
the PyPI `packaging` library for anything run from the repository root.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
ROOT = PACKAGING_DIR.parent

APP_NAME = "StepFun Studio"
EXECUTABLE = "stepfun-studio"
# Windows only: a console twin of the GUI program, so `--self-test` and `generate` can print.
CONSOLE_EXECUTABLE = "stepfun-studio-console"
BUNDLE_ID = "io.github.stepfun_studio.StepFunStudio"
COMPANY = "StepFun Studio contributors"
COPYRIGHT = "Copyright (c) StepFun Studio contributors. MIT License."
DESCRIPTION = "A desktop studio for StepFun's text-to-image API"

# Qt for Python modules the app never imports. PyInstaller's hooks only follow real imports, but
# naming them here also keeps out anything a third-party hook pulls in by accident.
QT_EXCLUDES = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Python modules that are only for development, tests or other GUI toolkits.
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "pydoc_data",
    "lib2to3",
    "unittest",
    "doctest",
    "test",
    "tests",
    "pytest",
    "_pytest",
    "pytestqt",
    "pluggy",
    "iniconfig",
    "mypy",
    "mypyc",
    "ruff",
    "setuptools",
    "pkg_resources",
    "distutils",
    "pip",
    "PyInstaller",
    "IPython",
    "numpy",
    "PIL.ImageTk",
)

# Shared libraries and plugins that the Qt hooks collect but this app has no use for. Matched
# against the destination path inside the bundle, with "/" separators.
BINARY_EXCLUDE_PATTERNS = (
    r"(^|/)libQt6(Qml|Quick|Pdf|VirtualKeyboard|Designer|Test|Sql|Location|Positioning|3D)",
    r"(^|/)Qt6(Qml|Quick|Pdf|VirtualKeyboard|Designer|Test|Sql|Location|Positioning|3D)",
    r"/plugins/(qmltooling|sqldrivers|designer|virtualkeyboard|position|sensors|multimedia)/",
    r"/plugins/platforminputcontexts/libqtvirtualkeyboardplugin",
    # The GTK theme plugin drags in the build machine's whole GTK 3 stack (about 20 MB) and can
    # clash with the user's; the XDG desktop portal theme gives dark mode and native dialogs.
    r"/plugins/platformthemes/libqgtk3",
    # Embedded-device platforms and input drivers (no desktop session uses them).
    r"/plugins/platforms/libq(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)\.",
    r"/plugins/(egldeviceintegrations|generic)/",
)

# Qt's own translations: only the languages the app ships (Chinese; English needs none), and
# only the catalogues of the Qt modules the app uses.
KEPT_TRANSLATION_LANGUAGES = ("zh_CN",)
KEPT_TRANSLATION_CATALOGUES = ("qt", "qtbase")


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """`project.version` from pyproject.toml: the one place the version is written."""
    with pyproject.open("rb") as handle:
        data = tomllib.load(handle)
    return str(data["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3rc1' -> (1, 2, 3, 0): Windows wants four 16-bit numbers and no letters."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        match = re.match(r"\d+", part)
        if match is None:
            break
        numbers.append(min(int(match.group()), 0xFFFF))
        if match.end() != len(part):  # "3rc1": stop after the number, the rest is a label
            break
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def windows_version_resource(version: str) -> str:
    """The text of a PyInstaller version file (the VSVersionInfo literal) for `version`."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
        "Comments": DESCRIPTION,
    }
    string_structs = ",\n          ".join(
        f"StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# Generated by packaging/bundle_config.py from pyproject.toml's version; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [{string_structs}])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_windows_version_file(version: str, directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "windows_version_info.txt"
    path.write_text(windows_version_resource(version), encoding="utf-8")
    return path


def macos_info_plist(version: str) -> dict[str, object]:
    """Info.plist keys for the .app: the menu bar's name, Retina, dark mode, the category."""
    return {
        "CFBundleName": APP_NAME,  # the name macOS shows in the menu bar
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": "public.app-category.graphics-design",
        "LSMinimumSystemVersion": "12.0",
        "NSHumanReadableCopyright": COPYRIGHT,
    }


def is_unwanted_translation(destination: str) -> bool:
    """True for Qt's .qm files in a language the app does not ship."""
    path = "/" + destination.replace("\\", "/")
    if "/translations/" not in path or not path.endswith(".qm"):
        return False
    if "/stepfun_studio/resources/" in path:
        return False  # our own translations are always kept
    name = path.rsplit("/", 1)[-1]
    return name not in {
        f"{catalogue}_{language}.qm"
        for catalogue in KEPT_TRANSLATION_CATALOGUES
        for language in KEPT_TRANSLATION_LANGUAGES
    }


def is_unwanted_binary(destination: str) -> bool:
    path = "/" + destination.replace("\\", "/")
    return any(re.search(pattern, path) for pattern in BINARY_EXCLUDE_PATTERNS)


def prune(entries: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drops unwanted Qt libraries, plugins and translations from a PyInstaller TOC."""
    return [
        entry
        for entry in entries
        if not is_unwanted_translation(entry[0]) and not is_unwanted_binary(entry[0])
    ]


def linked_libraries(binary: str) -> set[str]:
    """File names of every shared library `binary` loads, directly or not (`ldd` walks the whole
    tree), under both the name asked for and the name of the file it resolved to."""
    result = subprocess.run(["ldd", binary], capture_output=True, text=True, check=False)
    names: set[str] = set()
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "=>":
            names.add(parts[0])
            names.add(Path(parts[2]).name)
    return names


def is_collectable_library(destination: str) -> bool:
    """Libraries collected only because something else links them, not loaded by name: the
    top-level `lib*.so*` files and Qt's own libraries. libpython is loaded by the bootloader."""
    path = destination.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if not name.startswith("lib") or ".so" not in name or name.startswith("libpython"):
        return False
    return "/" not in path or path.startswith("PySide6/Qt/lib/")


def drop_unlinked_libraries(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: removes the libraries that no kept module or plugin links any more.

    PyInstaller collects each plugin's dependencies before the spec can drop the plugin, so
    leaving out a plugin (the GTK theme) would otherwise leave its libraries behind.
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return entries
    needed: set[str] = set()
    for destination, source, kind in entries:
        if kind in ("BINARY", "EXTENSION") and not is_collectable_library(destination):
            needed |= linked_libraries(source)
    return [
        entry
        for entry in entries
        if not is_collectable_library(entry[0])
        or entry[0].replace("\\", "/").rsplit("/", 1)[-1] in needed
    ]


def drop_dangling_symlinks(
    entries: list[tuple[str, str, str]], collected: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """SYMLINK entries whose target (relative to the link's folder) is not in `collected`.

    PyInstaller puts top-level links to Qt's libraries among the data files, so a library
    dropped from the binaries would otherwise leave a dangling link there.
    """
    destinations = {Path(destination).as_posix() for destination, _, kind in collected}
    kept: list[tuple[str, str, str]] = []
    for destination, source, kind in entries:
        if kind == "SYMLINK":
            target = (Path(destination).parent / source).as_posix()
            if target not in destinations:
                continue
        kept.append((destination, source, kind))
    return kept


def resource_datas() -> list[tuple[str, str]]:
    """Our own resources, mapped where `importlib.resources` finds them in the bundle."""
    resources = ROOT / "resources"
    datas: list[tuple[str, str]] = []
    for pattern in ("icons/*.png", "icons/*.svg", "translations/*.qm", "**/*.qss"):
        for path in sorted(resources.glob(pattern)):
            # The largest PNG is only for macOS' ICNS, which carries its own copy.
            if path.name.endswith("-1024.png"):
                continue
            relative = path.parent.relative_to(resources).as_posix()
            datas.append((str(path), f"stepfun_studio/resources/{relative}"))
    return datas


LINUX_DIR = PACKAGING_DIR / "linux"
LINUX_INSTALL_FILES = (
    "install.sh",
    f"{BUNDLE_ID}.desktop",
    f"{BUNDLE_ID}.metainfo.xml",
)


def add_linux_install_files(bundle: Path) -> None:
    """Puts install.sh and the desktop and metainfo files at the top of the Linux bundle, so a
    copy of the folder alone is enough to install the app."""
    for name in LINUX_INSTALL_FILES:
        shutil.copy2(LINUX_DIR / name, bundle / name)


def excludes() -> list[str]:
    return [f"PySide6.{name}" for name in QT_EXCLUDES] + list(PYTHON_EXCLUDES)


if __name__ == "__main__":
    # `python packaging/bundle_config.py` prints the version, for scripts and the Makefile.
    sys.stdout.write(project_version() + "\n")
