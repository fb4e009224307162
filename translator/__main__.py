"""``python -m translator`` is the same as the ``triglot`` command."""

from .cli import main

main()
