"""Entity extraction speed per language on one core, models loaded first.

``extract_by_passage`` (what ``triglot entities extract`` runs: each line's language,
then ``extract_many`` per language) over 1,000 WMT news sentences per language:
natasha for ru, spaCy's small English NER plus rules for en, rules for es. The
baseline, measured in the same process on the same English sentences, is the
rule-based extractor alone (``extract_latin``), the English extractor before the
model; the model's own share is printed too.
Goal: at most 3 s per 1,000 sentences.

    python -m benchmarks.entities_speed
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core, as the goal is stated

import time  # noqa: E402

from benchmarks.common import wmt_sentences  # noqa: E402

FILES = {"en": "wmt19.en", "ru": "wmt19.ru", "es": "wmt13.es"}
COUNT = 1000
GOAL = 3.0  # seconds per 1,000 sentences


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def _forget_memos() -> None:
    """Empty the word-level memo caches (not the loaded models), so no run profits from another."""
    import sys

    for name, module in list(sys.modules.items()):
        if not name.startswith(("translator.", "glossary.")):
            continue
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters and (parameters()["maxsize"] or 1 << 30) > 8:
                value.cache_clear()


def main() -> None:
    from translator.entities.extract import extract_by_passage, load_models
    from translator.entities.extract_latin import extract_latin

    texts = {lang: wmt_sentences(COUNT, name) for lang, name in FILES.items()}
    for lang in texts:
        load = _timed(lambda lang=lang: load_models(lang))
        print(f"{lang}: loading the models and dictionaries {load:.2f} s")
    english = texts["en"]
    _forget_memos()
    baseline = _timed(lambda: [extract_latin(s, "en", i) for i, s in enumerate(english)])
    baseline_per_1000 = baseline / len(english) * 1000
    print(f"baseline, rule-based extractor on en: {baseline_per_1000:.2f} s per 1,000 sentences")
    from translator.entities.extract_en_spacy import english_ner

    model = _timed(lambda: list(english_ner().pipe(english, batch_size=256)))
    print(f"spaCy NER alone on en: {model / len(english) * 1000:.2f} s per 1,000 sentences "
          f"({model / baseline:.2f}x the baseline)")
    for lang, sentences in texts.items():
        _forget_memos()
        cpu_start = time.process_time()
        seconds = _timed(lambda lang=lang, sentences=sentences: extract_by_passage(sentences,
                                                                                 lang))
        cpu = time.process_time() - cpu_start  # the figure that holds on a shared machine
        per_1000 = seconds / len(sentences) * 1000
        verdict = "ok" if per_1000 <= GOAL else "over the goal"
        print(f"{lang}: {per_1000:.2f} s per 1,000 sentences ({len(sentences) / seconds:.0f}/s, "
              f"CPU {cpu / len(sentences) * 1000:.2f} s), "
              f"{per_1000 / baseline_per_1000:.2f}x the baseline; goal <= {GOAL} s: {verdict}")


if __name__ == "__main__":
    main()
