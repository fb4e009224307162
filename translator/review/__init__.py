"""The review side: PO catalogs, the review report, the translation memory and TMX."""
