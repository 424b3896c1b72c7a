"""Draws the app icon's PNG sizes, the Windows ICO and the macOS ICNS from the one SVG.

    python tools/make_icons.py            # rewrite resources/icons/ from stepfun-studio.svg
    python tools/make_icons.py --out DIR  # write them elsewhere (the test compares the two)

Qt's SVG renderer draws each size on its own, so the small sizes are drawn small rather than
shrunk from a large bitmap. Pillow writes the files, because Qt writes neither ICNS nor an ICO
with several sizes, and because Pillow's PNG output carries no timestamps: running the script
again on the same SVG gives the same bytes, so the committed files only change with the drawing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE_NAME = "stepfun-studio.svg"
STEM = "stepfun-studio"

# Every size a platform asks for: Linux hicolor themes, Windows' ICO, macOS' ICNS (up to 1024).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_name(size: int) -> str:
    return f"{STEM}-{size}.png"


def render_sizes(svg: Path, sizes: tuple[int, ...]) -> dict[int, Image.Image]:
    """Draws the SVG once per size with QtSvg, returned as RGBA Pillow images."""
    # Only QtGui/QtSvg are needed; offscreen keeps this working on a machine with no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG Qt can draw")
    images: dict[int, Image.Image] = {}
    for size in sizes:
        canvas = QImage(size, size, QImage.Format.Format_RGBA8888)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        # bytesPerLine can exceed width*4 (row padding); Pillow's raw decoder takes the stride.
        raw = bytes(canvas.constBits())
        images[size] = Image.frombuffer(
            "RGBA", (size, size), raw, "raw", "RGBA", canvas.bytesPerLine(), 1
        ).copy()
    return images


def write_icons(svg: Path, out: Path) -> list[Path]:
    """Writes every PNG size, the ICO and the ICNS into `out`; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    images = render_sizes(svg, tuple(sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))))
    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / png_name(size)
        images[size].save(path, format="PNG", optimize=True)
        written.append(path)

    ico = out / f"{STEM}.ico"
    largest_ico = images[max(ICO_SIZES)]
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        # Pillow takes a given image for each size it has, and only resizes for the rest.
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(ico)

    icns = out / f"{STEM}.icns"
    images[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICONS / SOURCE_NAME)
    parser.add_argument("--out", type=Path, default=ICONS)
    args = parser.parse_args(argv)
    for path in write_icons(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
