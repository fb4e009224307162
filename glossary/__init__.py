"""triglot's glossary side: termbase store, term matching, extraction, QA.

Readers start from ``glossary.service`` (``resolve_glossary``, ``Glossary.load``:
a termbase or any glossary file); writers from ``glossary.store.Termbase``.
Importing this package is cheap; heavy libraries (pymorphy3, simplemma,
pandas, lxml, pyahocorasick) load inside the functions that use them.
"""
