"""Imported once by the fork server when pages will be extracted: trafilatura, htmldate and the
justext stop list trafilatura builds on its first fallback pass (about 0.2 s of CPU), so every
worker forked from the server starts with them instead of building them itself."""

from __future__ import annotations

import htmldate  # noqa: F401
import trafilatura  # noqa: F401
from trafilatura import external

if external.JT_STOPLIST is None:
    external.jt_stoplist_init()
