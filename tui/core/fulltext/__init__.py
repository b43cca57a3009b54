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

No exports here: import each name from the module that owns it.
"""
