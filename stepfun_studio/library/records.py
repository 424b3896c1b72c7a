"""The library's value types: what a query asks and what the library answers.

Frozen dataclasses, safe to hand from a worker thread to the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Sort = Literal["newest", "oldest", "rating"]
Origin = Literal["generated", "imported"]


@dataclass(frozen=True)
class ImageRecord:
    """Every column of one image, plus its tags."""

    id: int
    sha: str
    ext: str
    origin: Origin
    model: str
    mode: str
    prompt: str
    negative_prompt: str
    size: str
    steps: int
    cfg_scale: float
    seed: int
    returned_seed: int | None
    response_format: str
    text_mode: bool
    n: int
    source_sha: str | None
    source_name: str
    source_weight: float
    style_sha: str | None
    style_name: str
    style_weight: float
    finish_reason: str | None
    trace_id: str | None
    elapsed_s: float | None
    created_at: float
    width: int
    height: int
    rating: int
    favourite: bool
    rejected: bool
    trashed_at: float | None
    note: str
    tags: tuple[str, ...] = ()
    # Where it was made, and what it cost (None where neither the provider nor the table said).
    provider: str = "stepfun"
    cost: float | None = None
    currency: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    # The reference list in order, and the mask, as (sha256, name).
    references: tuple[tuple[str, str], ...] = ()
    mask: tuple[str, str] | None = None
    # What a vision model said the picture shows (the prompt assistant), and when.
    caption: str = ""
    captioned_at: float | None = None


@dataclass(frozen=True)
class ImageSummary:
    """The small columns a grid cell needs."""

    id: int
    width: int
    height: int
    rating: int
    favourite: bool
    rejected: bool
    has_source: bool
    has_style: bool
    prompt: str
    model: str
    created_at: float
    provider: str = ""
    # The original's file (`Library.file_path`): a drag out names it without a query.
    sha: str = ""
    ext: str = ""


@dataclass(frozen=True)
class ImageQuery:
    """Filters and sort for paging through the library; the defaults show everything live.

    `text` is split on whitespace and every word must occur (as a substring) in the prompt,
    tags or note. `trash=True` shows only trashed images, False only the others.
    """

    text: str = ""
    favourites_only: bool = False
    min_rating: int = 0
    hide_rejected: bool = False
    collection_id: int | None = None
    tag: str | None = None
    model: str | None = None
    provider: str | None = None
    size: str | None = None
    created_from: float | None = None
    created_to: float | None = None
    sort: Sort = "newest"
    trash: bool = False

    def marks_pass(self, summary: ImageSummary) -> bool:
        """Whether a picture with these marks (rating, favourite, rejected) passes the filters
        on them: the gallery takes a picture away at once when a mark makes it fail."""
        return not (
            (self.favourites_only and not summary.favourite)
            or (self.hide_rejected and summary.rejected)
            or summary.rating < self.min_rating
        )


@dataclass(frozen=True)
class CollectionInfo:
    id: int
    name: str
    count: int


@dataclass(frozen=True)
class ImportFailure:
    path: Path
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What `import_files` did: new ids, files that were already there, and failures."""

    imported: tuple[int, ...] = ()
    duplicates: tuple[int, ...] = ()
    failures: tuple[ImportFailure, ...] = ()
    with_parameters: int = 0


@dataclass(frozen=True)
class CheckReport:
    """What Check Library found; nothing is deleted on its own."""

    missing_files: tuple[int, ...] = ()
    missing_references: tuple[str, ...] = ()
    files_without_row: tuple[Path, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not (self.missing_files or self.missing_references or self.files_without_row)


@dataclass(frozen=True)
class SpendLine:
    """What pictures cost under one key (a day, a provider, a collection), in one currency."""

    key: str
    currency: str
    amount: float
    pictures: int


@dataclass(frozen=True)
class SpendReport:
    """Spend summed by day (newest first), provider and collection, and in total.

    Every line is one currency: amounts in different currencies are never added. A picture in
    two collections counts in both, so the collections need not add up to the total.
    `unpriced` counts the made pictures whose cost nobody knew (a model without a price).
    """

    by_day: tuple[SpendLine, ...] = ()
    by_provider: tuple[SpendLine, ...] = ()
    by_collection: tuple[SpendLine, ...] = ()
    totals: tuple[SpendLine, ...] = ()
    unpriced: int = 0
    # The prompt assistant's chat calls by provider (`pictures` counts calls here); not in
    # `totals`, which are pictures: the view adds both for its grand total.
    assistant: tuple[SpendLine, ...] = ()
