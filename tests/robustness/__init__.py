"""Hostile and broken inputs: one clear line, nothing lost, nothing injected (issue 12).

One file per theme; every hostile input is built by the test itself.
The matrix (case: before -> after):

test_formula_injection.py
  * glossary CSV/TSV export of terms starting = + - @ tab CR: written as is, a
    spreadsheet runs them -> a ``'`` in front; import strips exactly that, so
    every term ("-ism" included) round-trips.
  * glossary XLSX export: ``=...`` stored as a live formula, re-import fails
    "empty term" (and "NA"/"#N/A" read back as empty) -> typed string cells with
    Excel's quote-prefix style; re-import exact.
  * ``glossary-proposals.csv``: reviewer renderings written as is -> ``'`` prefix.
test_zip_bomb_entries.py
  * 300 entries of 1 MiB - 1 zeros (~1.8 MB): installs 301.5 MB -> refused in
    one line (whole archive bounded to 20:1, with a 64 MiB floor).
test_file_modes.py
  * atomic writes under umask 022 / 077: always 0600 -> 0644 / 0600; a replaced
    file keeps its mode; an installed package folder is 0755, not 0700.
test_package_codes.py
  * packages ``xx->zz``, ``en->qq``, ``eng``, ``EN``, ``en->en``: installed -> refused
    in one line; other ISO 639-1 pairs (and Argos's zt, pb) still install; an odd
    folder unzipped by argospm is skipped with a warning.
test_corrupt_tokenizer.py
  * garbage ``sentencepiece.model``/``bpe.model``, broken ``model/config.json``:
    installed, then every translate crashes (``could not parse ModelProto``, or
    Argos's BPE reader exits) -> refused at install, nothing left behind; an
    already-installed broken tokenizer is one ModelError line.
test_long_sentence.py
  * one 300-word sentence on the test package (256 positions): ``No position
    encodings are defined for positions >= 256`` aborts the run -> translated in
    pieces cut after punctuation; the other sentences and files unchanged.
test_file_names.py
  * an article named ``caf\xe9.txt`` (not UTF-8): outputs written, then the run
    record crashes (summary and errors lost, stale record left) -> its name is
    stored as the hex of its bytes and read back; a record that cannot be written
    is a warning, the summary is kept.
  * a failing file named ``bad\ntriglot: error: ...``: its error splits in two lines,
    the second like a message of its own -> the name is quoted repr-style.
test_out_folder.py
  * ``--out`` equal to an input folder, or above it: exit 0, "0 read", nothing
    said -> refused in one line, exit 2, nothing written; ``--out`` inside an input
    folder still works (earlier outputs skipped).
test_target_languages.py
  * ``--to de``: click's usage block -> one ``triglot: error:`` line, exit 2.
  * ``--to es`` for an article already in Spanish: exit 0, no file, no reason ->
    a warning "skipped for es: already in Spanish" (also in ``--json`` warnings).
test_run_summary.py
  * "141 to translate; 104 found in the cache, 56 sent to the engine", cache_hits
    173 of 141 segments: hop lookups read as segments -> segments_from_cache,
    segments_from_engine, segments_from_memory add up to ``segments`` (new --json
    keys; cache_hits and machine_translated keep their per-model meaning, now said so).
  * "1 sentences" -> ``plural(n, one, many)``; "time" left out the review after the
    translation -> the whole command is timed.
test_xlsx_merged_cells.py
  * glossary XLSX with "forbidden" merged over three rows (and a merged subject):
    rows 2-3 imported as *preferred*, exit 0 -> every row of a merged range gets
    the top-left value.
test_tbx_entities.py
  * TBX with ``<!DOCTYPE tbx [<!ENTITY xxe ...>]>`` (internal, SYSTEM, parameter;
    UTF-8 or UTF-16): the literal ``&xxe;`` imported as a term -> refused in one
    line naming the line and the entities; nothing imported.
test_utf16_bom.py
  * UTF-16 LE/BE and UTF-32 articles (.txt/.md/.html) and glossary CSVs with a
    BOM: "binary file" -> read (the BOM names the encoding), translated output is
    UTF-8 without a BOM; without a BOM still "binary file"; broken UTF-16 is one
    line "invalid UTF-16 at byte offset N; save the file as UTF-8".
test_glossary_files.py
  * glossary XLSX with a formula cell and no saved value: "empty term" -> "sheet
    'Sheet' cell B3 is a formula (=...) with no saved value"; with a saved value it
    is read as that value, with a warning.
  * the same term twice with statuses preferred and forbidden: "duplicate of line
    2" -> "conflicting status for the en term 'court': preferred in line 2 and
    forbidden in line 4", one line.
  * ``glossary import`` of a bad file into a glossary that did not exist: an empty
    new database left behind -> no file (an existing glossary is kept, untouched).
test_review_file_names.py
  * ``--po``, ``po export/import/stats`` and ``report`` with such names: crash ->
    the name written escaped in catalogs (valid UTF-8, ``msgfmt --check`` clean)
    and on the page; every message quotes names.
test_review_cases.py
  * an edited msgid in a reviewed entry: exit 0, review replaced by MT, the TM
    gains a pair whose source is in no article -> one warning per entry (edited,
    deleted, re-hashed msgctxt) with its line, exit 1; the TM only takes pairs of
    the article's own sentences.
test_review_memory.py
  * one TM per user applied silently across stories -> the memory lives in the
    run folder (OUT/triglot-tm.sqlite3), ``--tm``/``$TRIGLOT_TM`` share one on
    purpose; every TM-filled sentence is marked in the record, PO notes, report
    and summary.
test_review_proposals.py
  * a second ``po import`` after re-running translate: ``glossary-proposals.csv``
    rewritten with only its header -> the proposals kept while still true.
test_po_layout.py
  * ``msgcat`` rewraps every triglot catalog and comments break mid-word -> the
    same bytes back from ``msgcat`` (9,134 of 9,134 entries of FLORES and WMT).
test_ingest_cases.py
  * a Ukrainian or German paragraph in a Russian article: translated as Russian
    -> left as it is, one warning per file and language.
  * ``<p>... <img alt="court">rejected ...</p>`` with an engine that garbles codes:
    tag and text duplicated -> each tag once, no text twice.
  * Markdown nested deeper than 60 levels: left untranslated silently -> a warning
    naming the file and line.
  * URLs, e-mail addresses, @handles and file paths in .txt/.md: translated ->
    atomic codes the engine never sees.
test_disk_full.py (a 256 KiB tmpfs; skipped where it cannot be mounted)
  * ``--out`` on a full disk: tracebacks, 5 of 7 articles missing silently -> one
    line naming the file and how many outputs were not written, exit 1; only whole
    files.
  * a new glossary, an import, a new cache, a cache filling mid-run, a new TM, a
    TM import: tracebacks, an empty database and journal left -> one line naming
    the path; a store being created leaves no file; a filled one is unchanged.
"""
