"""Moved to `stepfun_studio.library.samples` (no UI in it); kept so older imports work."""

from stepfun_studio.library.samples import fill_library, sample_result

__all__ = ["fill_library", "sample_result"]
