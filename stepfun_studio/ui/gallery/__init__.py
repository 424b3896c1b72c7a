"""The gallery: a thumbnail grid over the library, with search, culling and collections."""

from stepfun_studio.ui.gallery.mime import IMAGE_IDS_MIME
from stepfun_studio.ui.gallery.panel import GalleryPanel

__all__ = ["IMAGE_IDS_MIME", "GalleryPanel"]
