"""``python -m cjmap`` and the ``cjmap`` command.

``cjmap.cli.main`` reads a plain ``cjmap validate PATH...`` by hand (``cli.fastpath``) before
anything imports typer, and hands every other command line to the typer app.
"""

import sys


def main() -> None:
    """Start the CLI. Ctrl-C while it is still importing is an interruption too, not a traceback."""
    try:
        from cjmap.cli import main as cli
    except KeyboardInterrupt:
        # cjmap.cli.exits.interrupted says the same, once it is imported.
        print("cjmap: interrupted", file=sys.stderr)
        sys.exit(130)
    cli()


if __name__ == "__main__":
    main()
