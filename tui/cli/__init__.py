"""The command line: argument parsing (main), shared helpers (common) and one module per subcommand."""

import time

# When the command started (as near as Python lets us see: this package is imported first):
# `byline fetch` reports when every article was listed and when all was done from here, as a user
# waiting on it would count.
STARTED = time.monotonic()
