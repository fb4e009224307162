"""gettext catalogs of the ``triglot`` command's own messages (data only; see README.md here)."""
