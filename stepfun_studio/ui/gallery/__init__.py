"""The gallery: a thumbnail grid over the library, with search, culling and collections."""

from stepfun_studio.ui.gallery.mime import IMAGE_IDS_MIME
from stepfun_studio.ui.gallery.panel import GalleryPanel
from stepfun_studio.ui.gallery.sidebar import CollectionsSidebar

__all__ = ["IMAGE_IDS_MIME", "CollectionsSidebar", "GalleryPanel"]
