"""The command line: argument parsing (main), shared helpers (common) and one module per subcommand."""
