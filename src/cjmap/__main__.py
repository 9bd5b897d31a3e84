"""``python -m cjmap`` and the ``cjmap`` command."""

import sys


def main() -> None:
    """Start the CLI. Ctrl-C while it is still importing is an interruption too, not a traceback."""
    try:
        from cjmap.cli import main as cli
    except KeyboardInterrupt:
        print("cjmap: interrupted", file=sys.stderr)
        sys.exit(130)
    cli()


if __name__ == "__main__":
    main()
