"""The gallery: a thumbnail grid over the library, with search, culling and collections."""

from stepfun_studio.ui.gallery.panel import GalleryPanel

__all__ = ["GalleryPanel"]
