"""Named entities in ru/en/es: extraction, romanisation, alignment across scripts, clusters.

What is where:
- ``model``: ``Mention`` and ``AlignedPair``, the plain data everything passes around;
- ``io``: reading input files (``read_inputs``, ``InputText``), segments, language of a file;
- ``extract``: one entry point (``extract``, ``extract_many``); ``extract_ru`` (natasha +
  ``russian_morph`` for dictionary forms), ``extract_en_spacy`` (spaCy's English NER,
  retyped with ``names`` and the gazetteer) and ``extract_latin`` (Spanish rules, and
  English where the model saw nothing) do the work; ``filters`` drops headlines, bylines,
  dates and page furniture and trims titles, "the" and possessives;
- ``transliterate``, ``gazetteer``, ``institutions``, ``similarity``: comparing names
  across scripts and spellings;
- ``align``: pair source mentions with their rendering in a translation;
- ``clusters``: group mentions of one entity across a corpus; ``to_glossary`` puts
  clusters into the termbase;
- ``evaluate``: precision/recall/F1 against gold JSONL;
- ``workflows``: each ``triglot entities`` command as a function returning rows.

Submodules import their heavy libraries (natasha, spaCy, pymorphy3, babel) inside
functions, so importing this package is cheap.
"""

from translator.entities.model import ENTITY_TYPES, Mention

__all__ = ["ENTITY_TYPES", "Mention"]
