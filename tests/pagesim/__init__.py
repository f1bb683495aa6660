"""Page simulator: invented page dumps with exact answer keys, for measuring the segmenter.

``make_page(seed)`` returns a ``SimPage`` (dump text, key, noise, style, phenomena);
``score`` holds the whole-body scorer. See README.md for the key conventions.
"""

from .layout import PHENOMENA, SimPage, make_page

__all__ = ["PHENOMENA", "SimPage", "make_page"]
