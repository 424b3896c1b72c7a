"""Turns whatever image a user drops into a reference image the API accepts, or refuses it.

The API takes PNG or JPEG, at most 10 MB, at most 2048×2048 for a redraw source and 4096×4096 for
an Image Edit input. People drop anything: phone JPEGs lying on their side, CMYK print files,
16-bit PNGs, animated GIFs, WebP from a browser, 100-megapixel scans, broken downloads, and now
and then a file built to hurt (a decompression bomb). `prepare_reference()` fixes what it can and
lists what it changed in words; what it cannot use it refuses with an `AppError(BAD_IMAGE)` that
names the file and the reason. It never returns an image outside the limits.

Choices, documented here because the UI repeats them:
- the smallest side accepted is `MIN_SIDE` (64 px): below that there is nothing for the model to
  follow, and 1×1 "images" are usually tracking pixels dragged from a web page;
- at most `MAX_PIXELS` (100 megapixels, a 10000×10000 scan) are decoded; beyond that the file is
  refused as a possible decompression bomb, before its pixels are read;
- a style reference gets the redraw limit of 2048 px: the API states none, and a larger picture
  only makes the request slower;
- a JPEG or PNG that is already within the limits is sent byte for byte as it came.

A file on disk goes through `prepare_reference_file()`, which reads it with
`image_files.read_image_file()`: regular files only, size checked by `stat` before any read.

No Qt here: the UI runs this in a thread pool and shows the result.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from stepfun_studio.api.image_files import MAX_INPUT_BYTES, read_image_file
from stepfun_studio.api.image_files import refuse as _refuse
from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.core.text import tr
from stepfun_studio.core.validation import (
    MAX_EDIT_SOURCE_SIDE,
    MAX_REDRAW_SOURCE_SIDE,
    MAX_REFERENCE_BYTES,
)

# Pillow is imported where it is used: the way to the first painted window has no use for it.
if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

MIN_SIDE = 64
MAX_PIXELS = 100_000_000
MAX_STYLE_SIDE = 2048
JPEG_QUALITY = 92
# The formats we open. Everything else Pillow knows (EPS runs Ghostscript, PSD, FITS, ...) is a
# needless attack surface for a reference image.
# (The JPEG opener also returns MPO images, so MPO is not listed.)
READABLE_FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "DIB", "TIFF", "AVIF")
# A JPEG can be decoded at 1/2, 1/4 or 1/8 scale for a fraction of the cost. We accept a result up
# to this much below the limit to get that speed (4000×3000 -> 2000×1500 instead of 2048×1536).
DRAFT_SLACK = 0.95

MAX_VISION_SIDE = 1024
_FORMAT_NAMES = {"WEBP": "WebP", "DIB": "BMP"}
# warnings.catch_warnings() edits process-wide state; one conversion at a time touches it.
_warnings_lock = threading.Lock()


class ReferencePurpose(StrEnum):
    """What the image will be used for; it decides the size limit."""

    REDRAW = "redraw"
    EDIT = "edit"
    STYLE = "style"
    # A picture shown to a chat model (Describe, captions): vision models look at ~1 megapixel
    # at most, and every pixel beyond is paid for in tokens.
    VISION = "vision"

    @property
    def max_side(self) -> int:
        if self is ReferencePurpose.VISION:
            return MAX_VISION_SIDE
        if self is ReferencePurpose.EDIT:
            return MAX_EDIT_SOURCE_SIDE
        if self is ReferencePurpose.REDRAW:
            return MAX_REDRAW_SOURCE_SIDE
        return MAX_STYLE_SIDE


@dataclass(frozen=True)
class PreparedReference:
    """The image to send and what was done to it, one sentence per change."""

    image: ReferenceImage
    changes: tuple[str, ...] = ()
    # A small RGB(A) picture of the result when asked for (`preview_side`), made from pixels
    # already decoded, so the UI need not decode the image again for its thumbnail.
    preview: Image.Image | None = field(default=None, compare=False, repr=False)


def _open(data: bytes, name: str) -> Image.Image:
    """Reads the header only; refuses unknown formats and too many pixels before decoding."""
    from PIL import Image, UnidentifiedImageError

    try:
        with _warnings_lock, warnings.catch_warnings():
            # Our own limit (MAX_PIXELS) is checked right below; Pillow's warning adds nothing.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=READABLE_FORMATS)
    except Image.DecompressionBombError as exc:
        raise _refuse(name, _bomb_reason()) from exc
    except UnidentifiedImageError as exc:
        raise _refuse(
            name, tr("ReferenceImage", "it is not an image, or not a format Studio reads.")
        ) from exc
    except Exception as exc:  # hostile bytes make Pillow raise anything
        log.info("could not open %s: %r", name, exc)
        raise _refuse(name, tr("ReferenceImage", "the file is damaged or truncated.")) from exc
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _refuse(name, _bomb_reason(width, height))
    if width <= 0 or height <= 0:
        raise _refuse(name, tr("ReferenceImage", "the file is damaged or truncated."))
    return image


def _bomb_reason(width: int = 0, height: int = 0) -> str:
    if width and height:
        return tr(
            "ReferenceImage",
            "it claims {width}×{height} pixels, more than the {limit} megapixels Studio opens "
            "(this is how decompression bombs look).",
        ).format(width=width, height=height, limit=MAX_PIXELS // 1_000_000)
    return tr(
        "ReferenceImage",
        "it claims far more pixels than Studio opens; it may be a decompression bomb.",
    )


def _fit(width: int, height: int, max_side: int) -> tuple[int, int]:
    """(width, height) scaled down to fit max_side × max_side, aspect kept; never scaled up."""
    longest = max(width, height)
    if longest <= max_side:
        return width, height
    scale = max_side / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


def _is_16_bit_png(data: bytes) -> bool:
    # PNG signature (8) + IHDR length and type (8) + width and height (8); byte 24 is bit depth.
    return data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 24 and data[24] == 16


def _to_8_bit(image: Image.Image) -> Image.Image:
    """I;16 / I / F -> L, keeping the tonal range (a plain convert would clip at 255)."""
    if image.mode.startswith("I;16"):
        image = image.convert("I")
        low, high = 0.0, 65535.0
    else:
        extrema = image.getextrema()
        assert not isinstance(extrema[0], tuple)  # single-band modes only reach here
        low, high = float(extrema[0]), float(extrema[1])
    scale = 255 / ((high - low) or 1.0)
    # Pillow's point() takes only a linear map (v * a + b) for I and F images.
    return image.point(lambda value: value * scale + (-low * scale)).convert("L")


def _has_transparency(image: Image.Image) -> bool:
    alpha_low = image.getchannel("A").getextrema()[0]
    return not isinstance(alpha_low, tuple) and alpha_low < 255


def _cmyk_to_rgb(image: Image.Image) -> Image.Image:
    """Through the file's own colour profile when it has one (print files do), else plainly."""
    profile = image.info.get("icc_profile")
    if profile:
        try:
            from PIL import ImageCms

            converted = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")),
                outputMode="RGB",
            )
            if converted is not None:
                return converted
        except Exception as exc:  # a broken profile: the plain conversion still gives a picture
            log.info("CMYK profile not usable: %r", exc)
    return image.convert("RGB")


def _normalise_mode(image: Image.Image, data: bytes, changes: list[str]) -> Image.Image:
    """Any mode -> RGB or RGBA, saying what that changed."""
    converted = _to_rgb(image, data, changes)
    if converted.mode == "RGBA" or not isinstance(converted.info.get("transparency"), tuple):
        # A transparency key left from the old mode (an int, or bytes for a palette) makes the
        # PNG encoder fail; the alpha channel, where there is one, already holds it.
        converted.info.pop("transparency", None)
    if image.mode not in ("RGB", "RGBA", "RGBa"):
        # A CMYK or grey colour profile describes the old channels, not these; a PNG would
        # carry it along (Pillow copies `info`) and be read with the wrong colours.
        converted.info.pop("icc_profile", None)
    return converted


def _to_rgb(image: Image.Image, data: bytes, changes: list[str]) -> Image.Image:
    mode = image.mode
    if mode == "CMYK":
        changes.append(tr("ReferenceImage", "CMYK colours converted to RGB."))
        return _cmyk_to_rgb(image)
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        bits = 16 if mode.startswith("I;16") else 32
        changes.append(
            tr("ReferenceImage", "{bits}-bit image converted to 8-bit.").format(bits=bits)
        )
        return _to_8_bit(image).convert("RGB")
    if _is_16_bit_png(data):
        # Pillow already read the 16-bit RGB(A) channels as 8 bits; say so.
        changes.append(tr("ReferenceImage", "{bits}-bit image converted to 8-bit.").format(bits=16))
    if mode in ("P", "PA"):
        changes.append(tr("ReferenceImage", "Palette colours converted to RGB."))
        has_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode in ("1", "L", "LA", "La", "I;16S"):
        changes.append(tr("ReferenceImage", "Grayscale image converted to RGB."))
        # A tRNS chunk on a grey PNG (even a 1-bit one) makes one grey level transparent.
        has_alpha = mode in ("LA", "La") or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode == "RGBa":
        return image.convert("RGBA")
    if mode not in ("RGB", "RGBA"):
        changes.append(tr("ReferenceImage", "Colours converted to RGB."))
        return image.convert("RGB")
    return image


def _draft(image: Image.Image, max_side: int) -> None:
    """Asks the JPEG decoder for a reduced scale when the image is to be scaled down anyway.

    The limit is a square, so the stored (not yet EXIF-rotated) orientation fits it the same.
    """
    target = _fit(*image.size, max_side)
    if target != image.size:
        image.draft(image.mode, (int(target[0] * DRAFT_SLACK), int(target[1] * DRAFT_SLACK)))


def _decode(
    image: Image.Image, data: bytes, name: str, max_side: int
) -> tuple[Image.Image, list[str]]:
    """Decodes the first frame upright, in RGB(A), at most max_side; the changes in words."""
    from PIL import Image, ImageOps

    changes: list[str] = []
    try:
        # Reading EXIF or probing frames reads further into the file, so a damaged file can
        # fail here already.
        orientation = image.getexif().get(0x0112, 1)
        # An MPO (a phone's JPEG with a depth or preview frame) is no animation; frame 0 is it.
        if getattr(image, "is_animated", False) and image.format != "MPO":
            changes.append(tr("ReferenceImage", "Animated image reduced to its first frame."))
            image.seek(0)
        if image.format in ("JPEG", "MPO") and image.mode in ("RGB", "L", "CMYK"):
            _draft(image, max_side)
        image.load()
        if orientation in (2, 3, 4, 5, 6, 7, 8):
            image = ImageOps.exif_transpose(image)
            changes.append(tr("ReferenceImage", "EXIF rotation applied."))
        image = _normalise_mode(image, data, changes)
    except Image.DecompressionBombError as exc:
        raise _refuse(name, _bomb_reason()) from exc
    except MemoryError as exc:
        raise _refuse(name, tr("ReferenceImage", "it is too large to open.")) from exc
    except Exception as exc:  # corrupt data makes decoders raise anything
        log.info("could not decode %s: %r", name, exc)
        raise _refuse(name, tr("ReferenceImage", "the file is damaged or truncated.")) from exc
    if image.mode == "RGBA" and not _has_transparency(image):
        image = image.convert("RGB")
    return image, changes


def _encode(image: Image.Image, as_jpeg: bool, quality: int = JPEG_QUALITY) -> bytes:
    out = io.BytesIO()
    if as_jpeg:
        # An RGB profile (Display P3 from a phone) is kept, or the colours would shift.
        profile = image.info.get("icc_profile")
        image.save(out, "JPEG", quality=quality, optimize=False, icc_profile=profile)
    else:
        image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _fit_bytes(
    image: Image.Image, as_jpeg: bool, changes: list[str]
) -> tuple[Image.Image, bytes, bool]:
    """Encodes within MAX_REFERENCE_BYTES: lower JPEG quality, then JPEG for opaque PNGs, then
    fewer pixels. Each step is said once."""
    from PIL import Image

    encoded = _encode(image, as_jpeg)
    if len(encoded) <= MAX_REFERENCE_BYTES:
        return image, encoded, as_jpeg
    if not as_jpeg and image.mode == "RGB":
        as_jpeg = True
        encoded = _encode(image, as_jpeg)
        changes.append(tr("ReferenceImage", "Saved as JPEG to stay within 10 MB."))
    for quality in (85, 75):
        if not as_jpeg or len(encoded) <= MAX_REFERENCE_BYTES:
            break
        encoded = _encode(image, as_jpeg, quality)
    attempts = 0
    while len(encoded) > MAX_REFERENCE_BYTES and attempts < 6:
        # Bytes grow roughly with the pixel count; aim a little under the limit.
        factor = min(0.9, (MAX_REFERENCE_BYTES / len(encoded)) ** 0.5 * 0.9)
        size = (max(1, int(image.width * factor)), max(1, int(image.height * factor)))
        image = image.resize(size, Image.Resampling.LANCZOS)
        encoded = _encode(image, as_jpeg, 85 if as_jpeg else JPEG_QUALITY)
        attempts += 1
    if attempts:
        changes.append(
            tr("ReferenceImage", "Scaled down to {width}×{height} to stay within 10 MB.").format(
                width=image.width, height=image.height
            )
        )
    return image, encoded, as_jpeg


def _preview(image: Image.Image, side: int) -> Image.Image | None:
    from PIL import Image

    if side <= 0:
        return None
    small = image.copy()
    small.thumbnail((side, side), Image.Resampling.BILINEAR)
    return small if small.mode in ("RGB", "RGBA") else small.convert("RGB")


def _plain_jpeg(image: Image.Image, data: bytes, max_side: int) -> bool:
    """An 8-bit RGB JPEG, upright, within every limit: it can go out exactly as it came."""
    if image.format != "JPEG" or image.mode != "RGB" or len(data) > MAX_REFERENCE_BYTES:
        return False
    if max(image.size) > max_side:
        return False
    try:
        return bool(image.getexif().get(0x0112, 1) == 1)
    except Exception:  # a damaged EXIF block; the full path will say what is wrong
        return False


def _checked_jpeg(image: Image.Image, data: bytes, name: str, side: int) -> PreparedReference:
    """Decodes at 1/8 scale, which still reads every byte (so damage shows) at a tenth of the
    cost of full size; the bytes are then sent as they are."""
    width, height = image.size
    try:
        image.draft("RGB", ((width + 7) // 8, (height + 7) // 8))
        image.load()
    except Exception as exc:  # corrupt data makes decoders raise anything
        log.info("could not decode %s: %r", name, exc)
        raise _refuse(name, tr("ReferenceImage", "the file is damaged or truncated.")) from exc
    reference = ReferenceImage(data, "image/jpeg", width, height, name)
    return PreparedReference(reference, (), _preview(image, side))


def prepare_reference_file(
    path: Path, purpose: ReferencePurpose, *, preview_side: int = 0
) -> PreparedReference:
    """A file on disk, read with `read_image_file()` (looked at first), then prepared."""
    data = read_image_file(path)
    return prepare_reference(data, path.name or str(path), purpose, preview_side=preview_side)


def prepare_reference(
    data: bytes, name: str, purpose: ReferencePurpose, *, preview_side: int = 0
) -> PreparedReference:
    """`data` as PNG or JPEG within the API's limits for `purpose`, or AppError(BAD_IMAGE).

    With `preview_side`, the result also carries a preview at most that many pixels wide.
    """
    from PIL import Image

    name = name or tr("ReferenceImage", "the image")
    if not data:
        raise _refuse(name, tr("ReferenceImage", "the file is empty."))
    if len(data) > MAX_INPUT_BYTES:
        raise _refuse(
            name,
            tr("ReferenceImage", "the file is {mb} MB; Studio opens at most {limit} MB.").format(
                mb=len(data) // (1024 * 1024), limit=MAX_INPUT_BYTES // (1024 * 1024)
            ),
        )
    image = _open(data, name)
    source_format = image.format or ""
    width, height = image.size
    if min(width, height) < MIN_SIDE:
        raise _refuse(
            name,
            tr(
                "ReferenceImage", "it is only {width}×{height} pixels; at least {side} are needed."
            ).format(width=width, height=height, side=MIN_SIDE),
        )
    max_side = purpose.max_side
    if _plain_jpeg(image, data, max_side):
        return _checked_jpeg(image, data, name, preview_side)
    decoded, changes = _decode(image, data, name, max_side)
    target = _fit(decoded.width, decoded.height, max_side)
    if min(target) < MIN_SIDE:
        raise _refuse(
            name,
            tr(
                "ReferenceImage",
                "it is {width}×{height}; scaled to fit {side}×{side} its short side would be under "
                "{minimum} pixels.",
            ).format(width=width, height=height, side=max_side, minimum=MIN_SIDE),
        )
    if target != decoded.size:
        decoded = decoded.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if (width, height) != decoded.size and max(width, height) > max_side:
        changes.append(
            tr(
                "ReferenceImage",
                "Scaled down from {w}×{h} to {w2}×{h2} (the limit is {side}×{side}).",
            ).format(w=width, h=height, w2=decoded.width, h2=decoded.height, side=max_side)
        )
    is_jpeg = source_format in ("JPEG", "MPO")
    untouched = not changes and decoded.size == (width, height)
    if untouched and source_format in ("JPEG", "PNG") and len(data) <= MAX_REFERENCE_BYTES:
        mime = "image/jpeg" if is_jpeg else "image/png"
        reference = ReferenceImage(data, mime, width, height, name)
        return PreparedReference(reference, (), _preview(decoded, preview_side))
    has_alpha = decoded.mode == "RGBA"
    if source_format not in ("JPEG", "MPO", "PNG"):
        changes.append(
            tr("ReferenceImage", "Converted from {format} to PNG.").format(
                format=_FORMAT_NAMES.get(source_format, source_format or "?")
            )
        )
    if has_alpha and (source_format != "PNG" or changes):
        changes.append(tr("ReferenceImage", "Transparency kept as PNG."))
    if not changes and len(data) > MAX_REFERENCE_BYTES:
        changes.append(
            tr("ReferenceImage", "Compressed from {mb:.1f} MB to stay within 10 MB.").format(
                mb=len(data) / 1024 / 1024
            )
        )
    decoded, encoded, as_jpeg = _fit_bytes(decoded, is_jpeg and not has_alpha, changes)
    mime = "image/jpeg" if as_jpeg else "image/png"
    reference = ReferenceImage(encoded, mime, decoded.width, decoded.height, name)
    return PreparedReference(reference, tuple(changes), _preview(decoded, preview_side))
