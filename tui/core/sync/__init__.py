"""Sync with a server the user already reads on: the Google Reader API (FreshRSS, Miniflux,
The Old Reader, BazQux, ...) or Miniflux's REST API.

- `account`: the `[sync]` account and its password (from a command or the environment);
- `model`: what clients and the engine exchange (feeds, items, states, `SyncError`, totals);
- `http`: the JSON client both services use (timeouts, size caps, one-line errors);
- `greader` and `miniflux`: one client per service;
- `engine`: one sync, start to end (send queued changes, take feeds, new items and states).

SQL stays in store/ (`store/sync.py`).

No exports here: import each name from the module that owns it.
"""
