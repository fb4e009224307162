"""triglot's translation path against `argostranslate.translate`, same package and sentences.

Runs in the build venv, where argostranslate is installed with its real
dependencies (stanza, torch). Argos's default sentence splitter (MiniSBD)
downloads a model at run time, which is impossible offline, so both sides get
the same splitter: triglot's (sentencex). Argos is given the sentences as one
text, one per line, which it translates paragraph by paragraph as it does for
any caller; triglot gets the same text as an article. Same package (the
Transformer-base sized one), beam 4, int8, no length limit but 256 tokens, the
same threads. Both sides load the model once (a warm-up round, not counted),
then run interleaved (common.interleaved). Printed figure: Argos time / triglot
time, median and spread over rounds (goal >= 3x).

    python -m benchmarks.argos_speedup [SENTENCES]
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
    interleaved,
    package_dir_with,
    report,
    timed,
    wmt_sentences,
    write_article,
)

SENTENCES = 60
ROUNDS = 2


def main() -> None:
    package = bench_package()
    sentences = wmt_sentences(int(sys.argv[1]) if len(sys.argv) > 1 else SENTENCES)
    tmp = Path(tempfile.mkdtemp())
    packages = package_dir_with(package, tmp)
    os.environ.update(ARGOS_PACKAGES_DIR=str(packages), ARGOS_COMPUTE_TYPE="int8",
                      ARGOS_INTRA_THREADS=str(INTRA_THREADS), ARGOS_BEAM_SIZE="4",
                      ARGOS_DEVICE_TYPE="cpu")

    from translator.cache import TranslationCache
    from translator.engines.argos import ArgosEngine
    from translator.engines.base import DecodingOptions, LoadOptions
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
    text = "\n".join(sentences)

    article = tmp / "wmt.txt"
    write_article(sentences, article)
    engine = ArgosEngine()
    loaded: dict[tuple[str, str], object] = {}
    load_pair = engine.load

    def load_once(source: str, target: str, *options: object) -> object:
        """The model is loaded once, as Argos keeps its translator once loaded."""
        if (source, target) not in loaded:
            loaded[(source, target)] = load_pair(source, target, *options)
        return loaded[(source, target)]

    engine.load = load_once  # type: ignore[method-assign]
    # argostranslate decodes every sentence up to 256 tokens: triglot's length limit
    # (engines.base.decoding_limit) is turned off, so both sides decode the same
    request = RunRequest([article], ["en"], tmp / "out", "ru",
                         LoadOptions(intra_threads=INTRA_THREADS),
                         DecodingOptions(length_factor=0))
    segments = 0

    def triglot() -> None:
        nonlocal segments
        summary = translate_run(request, engine, TranslationCache(None), Progress(enabled=False))
        segments = summary.segments

    def warm_up() -> None:  # model loads and first-call costs, on both sides
        translation.translate(sentences[0])
        triglot()

    def argos_side() -> float:
        # Argos keeps the paragraphs of its last call (CachedTranslation): forget them, as
        # triglot's side starts each round with an empty cache.
        if hasattr(translation, "cache"):
            translation.cache = {}
        return timed(lambda: translation.translate(text))

    warm_up()
    rounds = interleaved(argos_side, lambda: timed(triglot), ROUNDS)
    print(f"sentences: {len(sentences)} WMT19 ru ({segments} segments in triglot)")
    print(f"import argostranslate.translate: {argos_import:.2f} s (not counted)")
    report(rounds, "argostranslate.translate", "triglot", "speed-up (Argos time / triglot time)",
           "goal >= 3x")


if __name__ == "__main__":
    main()
