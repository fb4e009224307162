"""Argos package management without argostranslate's installer (which imports torch).

``archive`` verifies an ``.argosmodel`` file, ``store`` installs, lists and
removes packages in Argos's own package directories, and ``index`` talks to the
Argos package index. Packages installed by ``argospm`` and by triglot are the
same folders with the same metadata, so each tool sees the other's.
"""
