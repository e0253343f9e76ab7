"""Run selfcheck as ``python -m selfcheck``."""

from selfcheck.cli import main

main()
