"""triglot's translation side: ingest, segmentation, engines, batch pipeline, PO workflow, CLI.

Importing this package must stay cheap: heavy libraries (ctranslate2, pandas,
trafilatura) are imported inside the functions that need them.
"""

__version__ = "0.1.0"
