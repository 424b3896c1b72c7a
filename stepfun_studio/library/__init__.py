"""The image library: originals and references on disk by content hash, SQLite for the rest.

No Qt. `Library.open(paths)` is the way in; `library.jobs` is the job queue's table.
"""

from stepfun_studio.library.jobs import JobRecord, JobState, JobStore
from stepfun_studio.library.library import Library
from stepfun_studio.library.reading import read_png_parameters
from stepfun_studio.library.records import (
    CheckReport,
    CollectionInfo,
    ImageQuery,
    ImageRecord,
    ImageSummary,
    ImportFailure,
    ImportReport,
)

__all__ = [
    "CheckReport",
    "CollectionInfo",
    "ImageQuery",
    "ImageRecord",
    "ImageSummary",
    "ImportFailure",
    "ImportReport",
    "JobRecord",
    "JobState",
    "JobStore",
    "Library",
    "read_png_parameters",
]
