"""`decode`: Pillow's decoder, upright by EXIF orientation, scaled down to a bound when asked."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QSize

from stepfun_studio.ui.image_decoding import decode


def _jpeg(width: int, height: int, orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_a_turned_photo_comes_upright_and_fits_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "phone.jpg"
    path.write_bytes(_jpeg(1600, 1200, orientation=6))  # stored on its side
    assert decode(path).size() == QSize(1200, 1600)
    fitted = decode(path, QSize(400, 400))
    assert fitted.size() == QSize(300, 400)


def test_a_small_picture_is_never_scaled_up_and_a_bad_file_is_null(tmp_path: Path) -> None:
    assert decode(_jpeg(64, 48), QSize(400, 400)).size() == QSize(64, 48)
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a picture")
    assert decode(bad, QSize(400, 400)).isNull()
    assert decode(tmp_path / "missing.png").isNull()
