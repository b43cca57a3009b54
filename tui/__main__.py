"""`python -m tui` runs the Byline command line."""

from tui.cli.main import main

raise SystemExit(main())
