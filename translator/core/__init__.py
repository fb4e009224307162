"""The basics every layer may use: errors, languages, atomic writes, text reading, inline codes.

Nothing here imports anything else of triglot, so both ``glossary`` and the
rest of ``translator`` build on it.
"""
