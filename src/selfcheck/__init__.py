"""selfcheck — structured self-examination (对照检查) in the terminal.

The package root stays import-light: the CLI imports it for ``--version`` before anything else.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
