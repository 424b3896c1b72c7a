"""The grid's drag format, image ids as JSON: defined once, in `ui.drag_out`, for the whole app."""

from stepfun_studio.ui.drag_out import IMAGE_IDS_MIME, decode_ids, encode_ids

__all__ = ["IMAGE_IDS_MIME", "decode_ids", "encode_ids"]
