"""triglot's translation path against `argostranslate.translate`, same package and sentences.

Runs in the build venv, where argostranslate is installed with its real
dependencies (stanza, torch). Argos's default sentence splitter (MiniSBD)
downloads a model at run time, which is impossible offline, so both sides get
the same splitter: triglot's (sentencex). Argos is given the sentences as one
text, one per line, which it translates paragraph by paragraph as it does for
any caller; triglot gets the same text as an article. Same package (the
Transformer-base sized one), beam 4, int8, the same threads. Printed figure:
Argos time / triglot time (goal >= 3x).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    INTRA_THREADS,
    bench_package,
    package_dir_with,
    wmt_sentences,
    write_article,
)


def main() -> None:
    package = bench_package()
    sentences = wmt_sentences(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
    tmp = Path(tempfile.mkdtemp())
    packages = package_dir_with(package, tmp)
    os.environ.update(ARGOS_PACKAGES_DIR=str(packages), ARGOS_COMPUTE_TYPE="int8",
                      ARGOS_INTRA_THREADS=str(INTRA_THREADS), ARGOS_BEAM_SIZE="4",
                      ARGOS_DEVICE_TYPE="cpu")

    from translator.cache import TranslationCache
    from translator.engines.argos import ArgosEngine
    from translator.engines.base import LoadOptions
    from translator.pipeline import RunRequest, translate_run
    from translator.progress import Progress
    from translator.sentences import split_sentences

    started = time.perf_counter()
    import argostranslate.translate as argos

    class SameSplitter:
        def __init__(self, pkg) -> None:
            self.lang = pkg.from_code

        def split_sentences(self, text: str) -> list[str]:
            return [piece.strip() for piece in split_sentences(text, self.lang) if piece.strip()]

    argos.MiniSBDSentencizer = SameSplitter
    argos_import = time.perf_counter() - started

    languages = {lang.code: lang for lang in argos.get_installed_languages()}
    translation = languages["ru"].get_translation(languages["en"])
    started = time.perf_counter()
    translation.translate("\n".join(sentences))
    argos_seconds = time.perf_counter() - started

    article = tmp / "wmt.txt"
    write_article(sentences, article)
    load = LoadOptions(intra_threads=INTRA_THREADS)
    started = time.perf_counter()
    summary = translate_run(RunRequest([article], ["en"], tmp / "out", "ru", load),
                            ArgosEngine(), TranslationCache(None), Progress(enabled=False))
    triglot_seconds = time.perf_counter() - started

    print(f"sentences: {len(sentences)} ({summary.segments} segments in triglot)")
    print(f"import argostranslate.translate: {argos_import:.2f} s (not counted below)")
    print(f"argostranslate.translate: {argos_seconds:.1f} s   triglot: {triglot_seconds:.1f} s")
    print(f"speed-up (Argos time / triglot time): {argos_seconds / triglot_seconds:.2f}x"
          "  (goal >= 3x)")


if __name__ == "__main__":
    main()
