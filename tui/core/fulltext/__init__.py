"""Full text: fetch each article's page and extract its text.

- `pages`: fetch pages with the shared client, judge each (full text, summary only, why), store;
- `extract`: trafilatura with our settings, encoding repair, and the `ExtractionPool` of worker
  processes that does the extraction off the event loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.fulltext.extract import (
        ExtractionPool as ExtractionPool,
        extract_html as extract_html,
        extract_sources as extract_sources,
    )
    from tui.core.fulltext.pages import (
        FullTextStats as FullTextStats,
        extract_one as extract_one,
        fetch_full_texts as fetch_full_texts,
    )

_EXPORTS = {
    "ExtractionPool": "extract", "extract_html": "extract", "extract_sources": "extract",
    "FullTextStats": "pages", "extract_one": "pages", "fetch_full_texts": "pages",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
