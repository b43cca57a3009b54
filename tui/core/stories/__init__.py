"""Stories: the same event across outlets.

- `engine`: `StoryEngine`, incremental grouping with the reason each article joined, and
  `cluster_records` for offline files; `index`: the `StoryIndex` it reads and changes;
- `features`: an article as evidence; `tokens`: words, names and numbers; `decay`: how time
  weakens evidence; `model`: the engine's records and knobs;
- `merging`: whether two stories that grew together are one event, and why; `subjects`: the names
  a story's headlines keep naming, which a late article naming only them joins;
- `headline`: a story's title; `compare`: how each outlet covered a story, with `numbers`
  (numbers in text, their units and what they count);
- `pending`: group the cache's new articles and record why each joined.

No exports here: import each name from the module that owns it.
"""
