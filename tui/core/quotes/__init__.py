"""Who said what: the actors and quotes of an article, found by rules, and looked up later.

- `extractor`: `analyse(text)` -> `Analysis` (actors and quotes with offsets into the text);
- `actors`, `names`: people, organisations and places, their roles and aliases;
- `marks`: quotation marks paired into spans; `speakers`: cues and who they attach to;
- `indirect`: reported speech; `lexicon`: the word lists every rule shares;
- `pending`: analyse the cache's new text; `lookup`: search stored quotes, typos and all.

No exports here: import each name from the module that owns it.
"""
