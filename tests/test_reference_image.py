"""prepare_reference() over a corpus of odd and broken files, for each purpose (no Qt)."""

from __future__ import annotations

import functools
import io
import os
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from test_drop_support import CorpusCase, build_corpus, jpeg_bytes, png_bytes

from stepfun_studio.api.image_files import MAX_INPUT_BYTES, read_image_file
from stepfun_studio.api.reference_image import (
    MAX_PIXELS,
    MIN_SIDE,
    PreparedReference,
    ReferencePurpose,
    prepare_reference,
    prepare_reference_file,
)
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.validation import MAX_REFERENCE_BYTES

# No single file may take longer than this; a hang or a pathological decode would show here.
MAX_SECONDS_PER_FILE = 20.0


@functools.cache
def corpus() -> dict[str, CorpusCase]:
    return {case.name: case for case in build_corpus()}


CASE_NAMES = [case.name for case in build_corpus()]


def check_within_limits(prepared: PreparedReference, purpose: ReferencePurpose) -> Image.Image:
    """Whatever was accepted is a complete PNG or JPEG within every limit the API states."""
    image = prepared.image
    assert image.mime in ("image/png", "image/jpeg")
    assert 0 < len(image.data) <= MAX_REFERENCE_BYTES
    assert max(image.width, image.height) <= purpose.max_side
    assert min(image.width, image.height) >= MIN_SIDE
    opened = Image.open(io.BytesIO(image.data))
    assert opened.format == ("JPEG" if image.mime == "image/jpeg" else "PNG")
    assert opened.size == (image.width, image.height)
    opened.load()  # complete, not truncated
    assert opened.mode in ("RGB", "RGBA", "L") or prepared.changes == ()
    return opened


@pytest.mark.parametrize("purpose", list(ReferencePurpose))
@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_corpus_file_is_fixed_or_refused_with_a_reason(
    name: str, purpose: ReferencePurpose
) -> None:
    case = corpus()[name]
    started = time.perf_counter()
    if case.refusal:
        with pytest.raises(AppError) as caught:
            prepare_reference(case.data, case.name, purpose)
        assert caught.value.kind is ErrorKind.BAD_IMAGE
        assert case.name in caught.value.message
        assert case.refusal in caught.value.message
    else:
        prepared = prepare_reference(case.data, case.name, purpose)
        opened = check_within_limits(prepared, purpose)
        assert prepared.image.name == case.name
        for expected in case.changes:
            assert any(expected in change for change in prepared.changes), prepared.changes
        if case.mime:
            assert prepared.image.mime == case.mime
        if case.alpha:
            assert opened.mode == "RGBA"
            low = opened.getchannel("A").getextrema()[0]
            assert isinstance(low, int) and low < 255
        if case.unchanged:
            assert prepared.image.data == case.data
            assert prepared.changes == ()
    assert time.perf_counter() - started < MAX_SECONDS_PER_FILE


def test_exif_rotation_stands_the_photo_upright() -> None:
    for name in ("rotated.jpg", "rotated_big.jpg"):
        case = corpus()[name]
        prepared = prepare_reference(case.data, name, ReferencePurpose.REDRAW)
        assert (prepared.image.width, prepared.image.height) == case.upright
        # The rotated result carries no orientation tag, or a viewer would turn it again.
        tag = Image.open(io.BytesIO(prepared.image.data)).getexif().get(0x0112, 1)
        assert tag == 1


def test_the_limit_depends_on_the_purpose() -> None:
    data = jpeg_bytes((3000, 2000))
    redraw = prepare_reference(data, "wide.jpg", ReferencePurpose.REDRAW)
    edit = prepare_reference(data, "wide.jpg", ReferencePurpose.EDIT)
    style = prepare_reference(data, "wide.jpg", ReferencePurpose.STYLE)
    assert max(redraw.image.width, redraw.image.height) <= 2048
    assert max(style.image.width, style.image.height) <= 2048
    assert (edit.image.width, edit.image.height) == (3000, 2000)
    assert edit.image.data == data  # already fine for an edit: sent as it came
    assert any("3000×2000" in change for change in redraw.changes)


def test_an_oversized_jpeg_is_compressed_below_10_mb_and_says_so() -> None:
    case = corpus()["heavy.jpg"]
    assert len(case.data) > MAX_REFERENCE_BYTES
    prepared = prepare_reference(case.data, case.name, ReferencePurpose.EDIT)
    assert len(prepared.image.data) <= MAX_REFERENCE_BYTES
    assert (prepared.image.width, prepared.image.height) == Image.open(
        io.BytesIO(case.data)
    ).size or any("10 MB" in change for change in prepared.changes)
    assert any("10 MB" in change for change in prepared.changes)


def test_a_png_already_fine_is_sent_byte_for_byte() -> None:
    data = png_bytes((300, 300), (1, 2, 3, 4))
    prepared = prepare_reference(data, "ok.png", ReferencePurpose.REDRAW)
    assert prepared.image.data == data
    assert prepared.image.mime == "image/png"
    assert prepared.changes == ()


def test_the_pixel_limit_is_checked_before_decoding() -> None:
    case = corpus()["bomb.png"]
    started = time.perf_counter()
    with pytest.raises(AppError) as caught:
        prepare_reference(case.data, case.name, ReferencePurpose.EDIT)
    assert time.perf_counter() - started < 1.0  # refused from the header, nothing decoded
    assert "decompression bomb" in caught.value.message
    assert MAX_PIXELS == 100_000_000


def test_an_unnamed_image_still_gets_a_name_in_the_message() -> None:
    with pytest.raises(AppError) as caught:
        prepare_reference(b"", "", ReferencePurpose.STYLE)
    assert "“the image”" in caught.value.message


def test_a_sha256_identifies_the_prepared_bytes() -> None:
    import hashlib

    prepared = prepare_reference(png_bytes(), "a.png", ReferencePurpose.REDRAW)
    assert prepared.image.sha256 == hashlib.sha256(prepared.image.data).hexdigest()


def _srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def test_an_rgb_colour_profile_survives_scaling() -> None:
    out = io.BytesIO()
    Image.new("RGB", (3000, 2000), (10, 200, 30)).save(out, "JPEG", icc_profile=_srgb_profile())
    sent = out.getvalue()
    prepared = prepare_reference(sent, "p3.jpg", ReferencePurpose.REDRAW)
    assert prepared.image.width == 2048
    # The very profile the file carried (a fresh one differs: its header holds the time made).
    carried = Image.open(io.BytesIO(sent)).info["icc_profile"]
    assert Image.open(io.BytesIO(prepared.image.data)).info.get("icc_profile") == carried


def test_a_cmyk_profile_does_not_follow_the_pixels_into_rgb() -> None:
    out = io.BytesIO()
    cmyk = Image.new("CMYK", (300, 200), (0, 200, 200, 0))
    cmyk.save(out, "TIFF", icc_profile=b"not really a profile")
    prepared = prepare_reference(out.getvalue(), "print.tiff", ReferencePurpose.REDRAW)
    assert any("CMYK" in change for change in prepared.changes)
    result = Image.open(io.BytesIO(prepared.image.data))
    assert result.mode == "RGB"
    assert "icc_profile" not in result.info
    red, green, blue = result.getpixel((10, 10))  # type: ignore[misc]
    assert red > 200 and green < 100 and blue < 100  # magenta + yellow print as red


def test_a_grey_profile_is_dropped_when_grey_becomes_rgb() -> None:
    out = io.BytesIO()
    Image.new("L", (200, 200), 90).save(out, "PNG", icc_profile=_srgb_profile())
    prepared = prepare_reference(out.getvalue(), "grey.png", ReferencePurpose.STYLE)
    assert "icc_profile" not in Image.open(io.BytesIO(prepared.image.data)).info


def test_a_one_bit_png_with_a_transparent_key_keeps_its_transparency() -> None:
    picture = Image.new("1", (100, 100), 1)
    picture.putpixel((0, 0), 0)
    out = io.BytesIO()
    picture.save(out, "PNG", transparency=0)
    prepared = prepare_reference(out.getvalue(), "1_trns.png", ReferencePurpose.REDRAW)
    result = Image.open(io.BytesIO(prepared.image.data))
    assert result.mode == "RGBA"
    assert result.getpixel((0, 0))[3] == 0  # type: ignore[index]
    assert result.getpixel((50, 50)) == (255, 255, 255, 255)


# -- files are looked at before they are read -------------------------------------------------


def test_a_regular_file_is_read_and_prepared(tmp_path: Path) -> None:
    path = tmp_path / "ok.png"
    data = png_bytes((300, 300), (1, 2, 3, 4))
    path.write_bytes(data)
    assert read_image_file(path) == data
    assert prepare_reference_file(path, ReferencePurpose.REDRAW).image.data == data
    link = tmp_path / "link.png"
    link.symlink_to(path)
    assert read_image_file(link) == data


def _refusal(path: Path) -> str:
    started = time.perf_counter()
    with pytest.raises(AppError) as caught:
        read_image_file(path)
    assert time.perf_counter() - started < 2.0  # at once: nothing was waited on or read whole
    assert caught.value.kind is ErrorKind.BAD_IMAGE
    return caught.value.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    assert "pipe (FIFO)" in _refusal(fifo)
    link = tmp_path / "innocent.png"
    link.symlink_to(fifo)
    assert "pipe (FIFO)" in _refusal(link)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX device and proc files")
def test_devices_and_system_files_are_refused() -> None:
    assert "“zero” cannot be used" in _refusal(Path("/dev/zero"))
    if Path("/proc/self/status").exists():
        assert "system file" in _refusal(Path("/proc/self/status"))


def test_folders_empty_missing_and_huge_files_are_refused(tmp_path: Path) -> None:
    assert "folder" in _refusal(tmp_path)
    empty = tmp_path / "empty.png"
    empty.touch()
    assert "empty" in _refusal(empty)
    assert "cannot be read" in _refusal(tmp_path / "missing.png")
    huge = tmp_path / "huge.png"
    with huge.open("wb") as file:
        file.truncate(MAX_INPUT_BYTES + 1)  # sparse: nothing is written to the disk
    assert "Studio opens at most 200 MB" in _refusal(huge)
    small_limit = tmp_path / "small.png"
    small_limit.write_bytes(png_bytes())
    with pytest.raises(AppError, match="at most 0 MB"):
        read_image_file(small_limit, limit=10)
