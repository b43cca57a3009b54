"""`python -m tui` runs the Byline command line."""

from tui.cli import main

raise SystemExit(main())
