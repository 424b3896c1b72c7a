"""The X/Y grid's one labelled picture: every cell's picture in its place, the axis values
written above the columns and left of the rows, the axis names in a title line.

Drawn with Pillow so the CLI (no Qt) and the window make the same picture. Labels may be
Chinese (a prompt search/replace, the axis names in the Chinese interface), so a font that has
CJK glyphs is looked for among the usual system fonts of each platform; without one, Pillow's
own font draws what it can and the log says why the Chinese is missing.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFont

from stepfun_studio.core.model_table import ModelTable, model_table
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.core.text import tr
from stepfun_studio.core.xy_grid import GridPlan

if TYPE_CHECKING:
    from stepfun_studio.library.library import Library

log = logging.getLogger(__name__)

# Cells are scaled down to this side at most: a 4 x 4 grid of 2048 px pictures would otherwise
# be a 64-megapixel file nobody can open comfortably.
CELL_SIDE = 512
PADDING = 12
LABEL_SIZE = 22

# Fonts with Chinese glyphs, most common first, per platform.
_CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class SheetCell:
    """One picture (its encoded bytes, or None when it failed) at a column and row."""

    column: int
    row: int
    image_bytes: bytes | None


@cache
def _font(size: int) -> Font:
    for candidate in _CJK_FONTS:
        if Path(candidate).is_file():
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    log.info("no font with Chinese glyphs found; grid labels use Pillow's own font")
    return ImageFont.load_default(size)


def _fit(text: str, font: Font, width: int) -> str:
    """`text` shortened with an ellipsis until it fits `width` pixels."""
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _cell_picture(data: bytes | None, side: int) -> Image.Image:
    if data is not None:
        try:
            with Image.open(io.BytesIO(data)) as opened:
                picture = opened.convert("RGB")
            picture.thumbnail((side, side))
            return picture
        except (OSError, ValueError, Image.DecompressionBombError):
            log.warning("a grid cell's picture could not be decoded; drawn as missing")
    return Image.new("RGB", (side, side), (200, 200, 200))


def draw_sheet(
    cells: Sequence[SheetCell],
    columns: Sequence[str],
    rows: Sequence[str],
    title: str,
    *,
    cell_side: int = CELL_SIDE,
) -> bytes:
    """The labelled grid as PNG bytes. `columns`/`rows` are the values' labels, `title` the
    axis names ("CFG scale × Seed"). A failed cell is a grey square, so the places still line
    up with the labels."""
    font = _font(LABEL_SIZE)
    label_height = LABEL_SIZE + 2 * PADDING
    row_label_width = 0
    if any(rows):
        row_label_width = min(
            max(int(font.getlength(text)) for text in rows) + 2 * PADDING, cell_side
        )
    width = row_label_width + len(columns) * (cell_side + PADDING) + PADDING
    height = 2 * label_height + len(rows) * (cell_side + PADDING) + PADDING
    sheet = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    ink = (20, 20, 20)
    draw.text((PADDING, PADDING), _fit(title, font, width - 2 * PADDING), font=font, fill=ink)
    top = 2 * label_height
    for column, text in enumerate(columns):
        left = row_label_width + PADDING + column * (cell_side + PADDING)
        shown = _fit(text, font, cell_side)
        offset = (cell_side - int(font.getlength(shown))) // 2
        draw.text((left + offset, label_height + PADDING), shown, font=font, fill=ink)
    for row, text in enumerate(rows):
        middle = top + row * (cell_side + PADDING) + cell_side // 2 - LABEL_SIZE // 2
        draw.text(
            (PADDING, middle), _fit(text, font, row_label_width - PADDING), font=font, fill=ink
        )
    for cell in cells:
        picture = _cell_picture(cell.image_bytes, cell_side)
        left = row_label_width + PADDING + cell.column * (cell_side + PADDING)
        upper = top + cell.row * (cell_side + PADDING)
        # Centred in its square: pictures of another aspect keep the grid's lines.
        sheet.paste(
            picture,
            (left + (cell_side - picture.width) // 2, upper + (cell_side - picture.height) // 2),
        )
    out = io.BytesIO()
    sheet.save(out, format="PNG")
    return out.getvalue()


def grid_picture(grid: GridPlan, pictures: Mapping[int, bytes]) -> bytes:
    """The labelled sheet of `grid`; `pictures` holds each made cell's bytes by cell index."""
    cells = [
        SheetCell(cell.column, cell.row, pictures.get(index))
        for index, cell in enumerate(grid.cells)
    ]
    rows = list(grid.y.values) if grid.y else [""]
    return draw_sheet(cells, list(grid.x.values), rows, grid.title())


def sheet_result(grid: GridPlan, png: bytes, table: ModelTable | None = None) -> GenerationResult:
    """The labelled grid as a library picture: the grid's prompt, no seed, costing nothing."""
    base = grid.cells[0].request
    spec = (table or model_table()).get(base.model)
    with Image.open(io.BytesIO(png)) as opened:
        width, height = opened.size
    return GenerationResult(
        request=base.with_changes(n=1, seed=0),
        image_bytes=png,
        seed=0,
        finish_reason="success",
        width=width,
        height=height,
        # Zero in the model's currency, so the Spend view does not price it as a picture made.
        cost=0.0,
        currency=spec.price.currency if spec and spec.price else None,
    )


def file_grid(
    library: Library, grid: GridPlan, ids: Sequence[int], sheet_id: int | None, when: str
) -> str:
    """Notes the axes on the sheet and puts every picture of the grid in one collection named
    after it; returns the collection's name. Blocking: call it off the GUI thread."""
    if sheet_id is not None:
        library.set_note(sheet_id, f"{grid.title()}: {grid.axes_text()}")
    prompt = grid.cells[0].request.prompt
    short = prompt if len(prompt) <= 30 else prompt[:29] + "…"
    name = tr("XYGrid", "X/Y grid {when}: {prompt}").format(when=when, prompt=short)
    collection = library.create_collection(name)
    library.add_to_collection([*ids, *([sheet_id] if sheet_id is not None else [])], collection)
    return name


def store_grid(
    library: Library,
    grid: GridPlan,
    image_ids: Mapping[int, int],
    when: str,
    table: ModelTable | None = None,
) -> tuple[int, str]:
    """The window's end of a grid: reads each made picture (`image_ids` by cell index), stores
    the labelled sheet and files them all; returns (sheet id, collection name). Blocking."""
    pictures = {
        index: library.original_path(image_id).read_bytes() for index, image_id in image_ids.items()
    }
    sheet_id = library.ingest_result(sheet_result(grid, grid_picture(grid, pictures), table))
    ids = [image_ids[index] for index in sorted(image_ids)]
    return sheet_id, file_grid(library, grid, ids, sheet_id, when)
