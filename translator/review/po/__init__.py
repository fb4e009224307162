"""The review loop: PO catalogs per article and language, merged like msgmerge, imported back.

``export`` writes the catalogs of a run, ``importer`` rebuilds the articles
from them and feeds the translation memory, ``stats`` counts progress and
``proposals`` turns reviewers' renderings into glossary proposals.
"""
