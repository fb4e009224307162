"""triglot's glossary side: termbase store, term matching, extraction, QA.

Importing this package is cheap; heavy libraries (pymorphy3, simplemma,
pandas, lxml, pyahocorasick) load inside the functions that use them.
"""
