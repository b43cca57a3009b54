"""Full text, and the worker processes that do a refresh's CPU work.

- `pages`: fetch pages with the shared client, judge each (full text, summary only, why), store
  the text with the actors and quotes found in it;
- `sniff`: page bytes to HTML text (is it HTML, is it paywalled, which encoding);
- `article`: the article text and metadata of one page, with trafilatura and our settings;
- `pool`: the `ExtractionPool` of worker processes that runs CPU work off the event loop;
- `sources`: local files for `byline extract`, one by one or over the pool;
- `work`: what the workers run (a page read and analysed, a batch of texts analysed);
- `analysis`: `PendingAnalysis`, a refresh's analysis of settled text in the workers;
- `preload`: imported once by the fork server when pages will be extracted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.lazy import lazy_exports

if TYPE_CHECKING:
    from tui.core.fulltext.analysis import (
        PendingAnalysis as PendingAnalysis,
    )
    from tui.core.fulltext.article import (
        extract_html as extract_html,
    )
    from tui.core.fulltext.pages import (
        FullTextStats as FullTextStats,
        extract_one as extract_one,
        fetch_full_texts as fetch_full_texts,
    )
    from tui.core.fulltext.pool import (
        ExtractionPool as ExtractionPool,
    )
    from tui.core.fulltext.sources import (
        extract_sources as extract_sources,
    )

_EXPORTS = {
    "ExtractionPool": "pool", "extract_html": "article", "extract_sources": "sources",
    "FullTextStats": "pages", "extract_one": "pages", "fetch_full_texts": "pages",
    "PendingAnalysis": "analysis",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
