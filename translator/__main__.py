"""``python -m translator`` is the same as the ``triglot`` command."""

from translator.cli import main

main()
