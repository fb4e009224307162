"""Build tiny but real Argos Translate packages from triglot's own parallel corpus.

No ru/en/es MT weights can be downloaded where triglot is developed, yet the
engine, the pipeline and the demo must be exercised on real CTranslate2 models.
So this script trains four small MarianMT models (ru->en, en->es, en->ru,
es->en; ru<->es pivots through English) that memorise
``tests/data/corpus/parallel.tsv``, converts them to int8 CTranslate2 models
and zips each as an ``.argosmodel``. The packages only know the corpus: they
are test fixtures, not translators. Each is trained on until the corpus rows
the examples use come out exact in every decoding of DECODINGS (compute types,
batch sizes and a beam-search margin), so another CPU's rounding cannot flip
them; ``--check`` runs the same checks on packages already built.

Run it through ``scripts/build_test_packages.sh`` (``make test-packages``),
which provides torch and transformers in a separate build venv. Only stdlib
modules are imported at the top so the tests can reuse the corpus and example
helpers from the product venv.
"""

from __future__ import annotations

import argparse
import csv
import html
import html.parser
import io
import json
import multiprocessing
import random
import re
import shutil
import sys
import tempfile
import time
import warnings
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus" / "parallel.tsv"
PACKAGES = ROOT / "tests" / "data" / "packages"
EXAMPLES = ROOT / "examples" / "articles"

LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "es": "Spanish"}
PAIRS = [("ru", "en"), ("en", "es"), ("en", "ru"), ("es", "en")]
PACKAGE_VERSION = "1.0"
MAX_PACKAGE_BYTES = 5 * 1024 * 1024
MIN_EXACT_RATE = 0.95
SEED = 1234
EOS_MARGIN = 25.0

# Inline codes as triglot's pipeline sends them to MT (renumbered from 1 per
# sentence). Declared as SentencePiece symbols so each is one token that the
# model learns to copy.
MAX_CODES = 8
CODE_SYMBOLS = (
    [f"<g{i}>" for i in range(1, MAX_CODES + 1)]
    + [f"</g{i}>" for i in range(1, MAX_CODES + 1)]
    + [f"<x{i}/>" for i in range(1, MAX_CODES + 1)]
)
PLACEHOLDER_RE = re.compile(r"\{[A-Za-z]+\}|%[sd]")
TOKEN_RE = re.compile(r"<(/?)g(\d+)>|<x(\d+)/>|\{[A-Za-z]+\}|%[sd]")


@dataclass(frozen=True)
class Row:
    id: str
    text: dict[str, str]  # language code -> sentence


@dataclass(frozen=True)
class ModelSize:
    layers: int = 2
    d_model: int = 128
    heads: int = 4
    ffn: int = 512
    vocab: int = 3000
    steps: int = 1500
    batch: int = 32
    lr: float = 3e-3
    warmup: int = 200
    dropout: float = 0.0
    smoothing: float = 0.1
    eos_weight: float = 0.1
    noise: float = 0.2
    extra_steps: int = 500
    max_steps: int = 4000


# ---------------------------------------------------------------- corpus ----


def read_corpus(path: Path = CORPUS) -> list[Row]:
    """Read the trilingual TSV; quotes are ordinary characters, not CSV quoting."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != ["id", "en", "ru", "es"]:
            raise SystemExit(f"{path}: header must be id/en/ru/es, got {header}")
        rows = []
        for number, fields in enumerate(reader, start=2):
            if len(fields) != 4 or not all(f.strip() for f in fields):
                raise SystemExit(f"{path}:{number}: expected 4 non-empty fields")
            rows.append(Row(fields[0], dict(zip(("en", "ru", "es"), fields[1:], strict=True))))
    return rows


def tokens_of(text: str) -> list[str]:
    """Inline codes and placeholders in order: what MT must copy unchanged."""
    return [m.group(0) for m in TOKEN_RE.finditer(text)]


def check_corpus(rows: list[Row]) -> list[str]:
    """Problems that would make the corpus unlearnable or the tests meaningless."""
    problems = []
    for lang in ("en", "ru", "es"):
        seen: dict[str, str] = {}
        for row in rows:
            text = row.text[lang]
            if text in seen:
                problems.append(f"{row.id}: {lang} sentence repeats {seen[text]}: {text}")
            seen[text] = row.id
            if text != text.strip() or "_" in text:
                problems.append(f"{row.id}: {lang} has outer spaces or '_': {text}")
    ids = [row.id for row in rows]
    if len(set(ids)) != len(ids):
        problems.append("ids are not unique")
    for row in rows:
        toks = {lang: sorted(tokens_of(text)) for lang, text in row.text.items()}
        if not toks["en"] == toks["ru"] == toks["es"]:
            problems.append(f"{row.id}: codes/placeholders differ between languages")
    return problems


def placeholders(rows: list[Row]) -> list[str]:
    """The ``{name}``/``%s`` placeholders the corpus uses: each must stay one token."""
    found = {
        m.group(0) for row in rows for t in row.text.values() for m in PLACEHOLDER_RE.finditer(t)
    }
    return sorted(found)


# -------------------------------------------------------------- examples ----

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_CODE = re.compile(r"`[^`]*`")
_MD_EMPH = re.compile(r"\*\*|__|\*")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+\.\s+|>\s*)")
_SENTENCE_END = re.compile(r"(?<=[.!?:»\"])\s+(?=\S)")


def plain(text: str) -> str:
    """A sentence as a reader sees it: codes dropped, spaces collapsed."""
    return " ".join(re.sub(r"</?g\d+>", "", re.sub(r"<x\d+/>", " ", text)).split())


class _HtmlText(html.parser.HTMLParser):
    """Collect the text of block elements, skipping boilerplate triglot must not translate."""

    BLOCKS = frozenset({"title", "p", "li", "td", "th", "figcaption", "blockquote"}) | {
        f"h{level}" for level in range(1, 7)
    }
    SKIP = frozenset(["nav", "footer", "script", "style", "header", "aside"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._skip = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCKS and not self._skip:
            self._current = []
        elif tag in {"code", "img", "br"} and self._current is not None:
            self._current.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip -= 1
        elif tag in self.BLOCKS and self._current is not None:
            self.blocks.append("".join(self._current))
            self._current = None

    def handle_data(self, data):
        if self._current is not None and not self._skip:
            self._current.append(data)


def example_paragraphs(path: Path) -> list[str]:
    """The translatable paragraphs of one example article, markup removed."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _HtmlText()
        parser.feed(text)
        blocks = parser.blocks
    elif path.suffix == ".md":
        blocks = []
        for line in text.splitlines():
            line = _MD_PREFIX.sub("", line)
            line = _MD_CODE.sub(" ", line)
            line = _MD_LINK.sub(r"\1", line)
            blocks.append(_MD_EMPH.sub("", line))
    else:
        blocks = text.split("\n\n")
    return [plain(block) for block in blocks if block.strip()]


def example_sentences(examples: Path = EXAMPLES) -> dict[Path, list[str]]:
    """Plain sentences of every example article (split at sentence-final punctuation)."""
    out: dict[Path, list[str]] = {}
    for path in sorted(examples.rglob("*")):
        if path.suffix in {".txt", ".md", ".html"} and path.is_file():
            out[path] = [s for para in example_paragraphs(path) for s in _SENTENCE_END.split(para)]
    return out


def rows_used_by_examples(rows: list[Row], examples: Path = EXAMPLES) -> tuple[set[str], list[str]]:
    """Ids of corpus rows the examples use, and example sentences missing from the corpus."""
    by_plain: dict[str, str] = {}
    for row in rows:
        for text in row.text.values():
            by_plain.setdefault(plain(text), row.id)
    used: set[str] = set()
    missing: list[str] = []
    for path, sentences in example_sentences(examples).items():
        for sentence in sentences:
            if sentence in by_plain:
                used.add(by_plain[sentence])
            else:
                missing.append(f"{path.relative_to(examples.parent)}: {sentence}")
    return used, missing


# ---------------------------------------------------------- sentencepiece ----


def train_sentencepiece(sentences: list[str], symbols: list[str], vocab: int, out: Path) -> None:
    """A joint BPE model: on a small corpus it keeps whole words, where unigram splits them.

    Identity normalisation, so decoding gives back the exact text.
    """
    import sentencepiece as spm

    # Train from memory: a file name would be recorded in the model and make
    # every build differ byte for byte.
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        model_type="bpe",
        vocab_size=vocab,
        hard_vocab_limit=False,
        character_coverage=1.0,
        byte_fallback=True,
        normalization_rule_name="identity",
        user_defined_symbols=symbols,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    out.write_bytes(model.getvalue())


def check_roundtrip(spm_path: Path, sentences: list[str]) -> None:
    """Decoding the pieces must give back each sentence byte for byte."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    for sentence in sentences:
        back = sp.decode(sp.encode(sentence, out_type=str))
        if back != sentence:
            raise SystemExit(f"SentencePiece round trip changes {sentence!r} into {back!r}")


# ------------------------------------------------------------------ model ----


class Trainer:
    """A MarianMT model that memorises ``pairs``, trained in rounds until the checks pass."""

    def __init__(self, pairs: list[tuple[str, str]], spm_path: Path, size: ModelSize) -> None:
        import sentencepiece as spm
        import torch
        from transformers import MarianConfig, MarianMTModel

        random.seed(SEED)
        torch.manual_seed(SEED)
        torch.use_deterministic_algorithms(True)

        self.spm_path = spm_path
        self.size = size
        sp = spm.SentencePieceProcessor(model_file=str(spm_path))
        self.pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
        # CTranslate2's Marian loader drops the last vocabulary entry as padding:
        # <pad> must be last, and is also the decoder start (a zero embedding).
        self.pad = len(self.pieces)
        self.eos = sp.eos_id()
        config = MarianConfig(
            vocab_size=self.pad + 1,
            d_model=size.d_model,
            encoder_layers=size.layers,
            decoder_layers=size.layers,
            encoder_attention_heads=size.heads,
            decoder_attention_heads=size.heads,
            encoder_ffn_dim=size.ffn,
            decoder_ffn_dim=size.ffn,
            max_position_embeddings=256,
            dropout=size.dropout,
            attention_dropout=0.0,
            activation_dropout=0.0,
            activation_function="swish",
            pad_token_id=self.pad,
            eos_token_id=self.eos,
            decoder_start_token_id=self.pad,
            scale_embedding=True,
            share_encoder_decoder_embeddings=True,
            tie_word_embeddings=True,
        )
        self.model = MarianMTModel(config)
        # Sources carry no </s>: Argos (and triglot) feed CTranslate2 the bare pieces.
        self.data = [(sp.encode(src), [*sp.encode(tgt), self.eos]) for src, tgt in pairs]
        self.optimizer = torch.optim.AdamW(
            self.model.parameters(), lr=size.lr, betas=(0.9, 0.98), weight_decay=0.0
        )
        self.schedule = torch.optim.lr_scheduler.LambdaLR(
            self.optimizer,
            lambda step: min(1.0, (step + 1) / size.warmup) * max(0.05, 1 - step / size.steps),
        )
        self.step = 0
        self.loss = float("nan")
        self._batches: list[list[int]] = []

    def train(self, steps: int) -> None:
        """Run ``steps`` more optimiser steps (past ``size.steps`` the rate stays at its floor)."""
        import torch

        size, pad, eos = self.size, self.pad, self.eos
        self.model.train()
        for _ in range(steps):
            if not self._batches:
                self._batches = length_batches(self.data, size.batch)
            batch = [self.data[i] for i in self._batches.pop()]
            src_len = max(len(s) for s, _ in batch)
            tgt_len = max(len(t) for _, t in batch)
            input_ids = torch.tensor([s + [pad] * (src_len - len(s)) for s, _ in batch])
            labels = torch.tensor([t + [-100] * (tgt_len - len(t)) for _, t in batch])
            decoder_inputs = torch.tensor(
                [[pad] + t[:-1] + [pad] * (tgt_len - len(t)) for _, t in batch]
            )
            # Beam search keeps wrong continuations alive next to the right one;
            # each that ends (</s>) before the right one counts towards the
            # beam_size finished hypotheses after which CTranslate2 stops, so
            # a few short wrong ones stop the search before the right one ends.
            # Replacing some decoder inputs by random pieces (labels unchanged)
            # teaches the model to go back to the sentence after a wrong
            # piece instead of wrapping up early.
            noisy = (torch.rand(decoder_inputs.shape) < size.noise) & (labels != -100)
            noisy[:, 0] = False
            decoder_inputs = torch.where(
                noisy, torch.randint(3, pad, decoder_inputs.shape), decoder_inputs
            )
            logits = self.model(
                input_ids=input_ids,
                attention_mask=(input_ids != pad).long(),
                decoder_input_ids=decoder_inputs,
            ).logits
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, logits.size(-1)),
                labels.reshape(-1),
                ignore_index=-100,
                label_smoothing=size.smoothing,
            )
            # CTranslate2's beam search stops once beam_size hypotheses have ended,
            # taking an end token from any of the top candidates. A model that
            # memorises leaves </s> as a likely runner-up mid-sentence, and those
            # truncated hypotheses then crowd out the right one. Keep </s> far
            # below (log-prob under -EOS_MARGIN) wherever the sentence goes on.
            inside = (labels != eos) & (labels != -100)
            eos_logp = torch.log_softmax(logits, dim=-1)[..., eos]
            eos_penalty = torch.relu(eos_logp[inside] + EOS_MARGIN).mean()
            self.optimizer.zero_grad()
            (loss + size.eos_weight * eos_penalty).backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            self.optimizer.step()
            self.schedule.step()
            with torch.no_grad():
                # The tied output projection still moves the <pad> row; CTranslate2
                # starts decoding from a zero embedding, so keep that row at zero.
                self.model.get_input_embeddings().weight[pad].zero_()
            self.loss = float(loss.detach())
            if self.step % 400 == 0:
                print(f"    step {self.step:5d}  loss {self.loss:.4f}", flush=True)
            self.step += 1

    def save(self, out: Path) -> None:
        """Save the model with its tokenizer files, as the CTranslate2 converter reads them."""
        from transformers import MarianTokenizer

        self.model.eval()
        self.model.save_pretrained(out)
        vocab_file = out.parent / f"{out.name}-vocab.json"
        vocab_file.write_text(
            json.dumps({p: i for i, p in enumerate([*self.pieces, "<pad>"])}, ensure_ascii=False)
        )
        tokenizer = MarianTokenizer(
            source_spm=str(self.spm_path),
            target_spm=str(self.spm_path),
            vocab=str(vocab_file),
            unk_token="<unk>",
            eos_token="</s>",
            pad_token="<pad>",
        )
        tokenizer.save_pretrained(out)
        vocab_file.unlink()


def length_batches(data: list[tuple[list[int], list[int]]], batch: int) -> list[list[int]]:
    """One shuffled epoch of batches of similar length (less padding, faster steps)."""
    order = list(range(len(data)))
    random.shuffle(order)
    batches = []
    chunk = batch * 4
    for start in range(0, len(order), chunk):
        group = sorted(
            order[start : start + chunk], key=lambda i: len(data[i][0]) + len(data[i][1])
        )
        batches += [group[i : i + batch] for i in range(0, len(group), batch)]
    random.shuffle(batches)
    return batches


def convert(model_dir: Path, out: Path) -> None:
    import ctranslate2

    ctranslate2.converters.TransformersConverter(str(model_dir)).convert(
        str(out), quantization="int8", force=True
    )


# --------------------------------------------------------------- package ----


def write_package(
    src: str, tgt: str, ct2_dir: Path, spm_path: Path, corpus_rows: int, dest: Path
) -> Path:
    """Zip one package: a single top folder with metadata.json at its root, as Argos expects."""
    name = f"triglot-test-{src}_{tgt}"
    metadata = {
        "package_version": PACKAGE_VERSION,
        "argos_version": "1.9",
        "from_code": src,
        "from_name": LANGUAGE_NAMES[src],
        "to_code": tgt,
        "to_name": LANGUAGE_NAMES[tgt],
        "type": "translate",
        "links": [],
    }
    readme = (
        f"# {name}\n\n"
        f"A tiny test package ({LANGUAGE_NAMES[src]} -> {LANGUAGE_NAMES[tgt]}) built by triglot's\n"
        "`scripts/build_test_packages.py`. It only knows the "
        f"{corpus_rows} sentences of triglot's test corpus\n"
        "(`tests/data/corpus/parallel.tsv`) and translates anything else badly.\n"
        "Do not use it for real translation.\n"
    )
    files: list[tuple[str, bytes]] = [
        (f"{name}/metadata.json", (json.dumps(metadata, indent=2) + "\n").encode()),
        (f"{name}/README.md", readme.encode()),
        (f"{name}/sentencepiece.model", spm_path.read_bytes()),
    ]
    for path in sorted(ct2_dir.rglob("*")):
        if path.is_file():
            files.append(
                (f"{name}/model/{path.relative_to(ct2_dir).as_posix()}", path.read_bytes())
            )
    archive = dest / f"{name}.argosmodel"
    tmp = archive.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for folder in (f"{name}/", f"{name}/model/"):
            zf.writestr(zipfile.ZipInfo(folder, date_time=(1980, 1, 1, 0, 0, 0)), b"")
        for arcname, data in files:
            info = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    tmp.replace(archive)
    return archive


# ------------------------------------------------------------------ check ----


@dataclass(frozen=True)
class Decoding:
    """One way of running the package; its exactness must not depend on which is used."""

    compute_type: str
    batch: int
    # CTranslate2 stops once round(beam_size * patience) hypotheses have ended:
    # 0.75 asks for the right one among the first 3 of them, where triglot
    # (patience 1) allows 4, a margin against other CPUs' rounding. (0.5 is
    # out of reach for models this small: other rows fail at each round.)
    patience: float = 1.0

    def __str__(self) -> str:
        margin = f", patience {self.patience}" if self.patience != 1.0 else ""
        return f"{self.compute_type}, batch {self.batch}{margin}"


DECODINGS = [
    Decoding("int8", 1),
    Decoding("int8", 32),
    Decoding("float32", 1),
    Decoding("float32", 32),
    Decoding("int8", 32, patience=0.75),
    Decoding("float32", 32, patience=0.75),
]


def evaluate(
    package_dir: Path, pairs: list[tuple[str, str]], decoding: Decoding
) -> list[tuple[str, str, str]]:
    """Translate every source with CTranslate2 as triglot does; return the misses."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
    translator = ctranslate2.Translator(
        str(package_dir / "model"),
        device="cpu",
        compute_type=decoding.compute_type,
        intra_threads=1,
    )
    sources = [sp.encode(src, out_type=str) for src, _ in pairs]
    results = translator.translate_batch(
        sources,
        beam_size=4,
        patience=decoding.patience,
        max_batch_size=decoding.batch,
        batch_type="examples",
    )
    misses = []
    for (src, tgt), result in zip(pairs, results, strict=True):
        out = sp.decode(result.hypotheses[0])
        if out != tgt:
            misses.append((src, tgt, out))
    return misses


def check_package(
    archive: Path, rows: list[Row], used: set[str], src: str, tgt: str, work: Path
) -> bool:
    """Decode the corpus from the archive, unzipped as Argos installs it, in every way."""
    unpacked = work / f"unzipped-{src}_{tgt}"
    shutil.rmtree(unpacked, ignore_errors=True)
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    pairs = [(row.text[src], row.text[tgt]) for row in rows]
    ok = archive.stat().st_size <= MAX_PACKAGE_BYTES
    for decoding in DECODINGS:
        misses = evaluate(unpacked / f"triglot-test-{src}_{tgt}", pairs, decoding)
        missed = {source for source, _, _ in misses}
        wrong = [row.id for row in rows if row.id in used and row.text[src] in missed]
        rate = 1 - len(misses) / len(pairs)
        passed = not wrong and rate >= MIN_EXACT_RATE
        ok = ok and passed
        print(
            f"{src}->{tgt}: {decoding}: exact {len(pairs) - len(misses)}/{len(pairs)}, "
            f"example rows wrong: {', '.join(wrong) or 'none'}{'' if passed else '  FAIL'}",
            flush=True,
        )
        for source, want, got in misses[:5]:
            print(f"    MISS {source!r}\n      want {want!r}\n      got  {got!r}")
    return ok


# ------------------------------------------------------------------- main ----


def build_pair(
    src: str, tgt: str, rows: list[Row], used: set[str], spm_path: Path, size: ModelSize, work: Path
) -> tuple[Path, bool]:
    """Train, convert, package and check one direction; return the archive and whether it passed.

    Training goes on in rounds of ``extra_steps`` until every decoding in
    DECODINGS is exact on the rows the examples use, or ``max_steps`` is reached.
    """
    import torch

    # One thread per direction: on a shared 2-core machine contending threads run 3x slower.
    torch.set_num_threads(1)
    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
    started = time.monotonic()
    print(f"{src}->{tgt}: training", flush=True)
    trainer = Trainer([(row.text[src], row.text[tgt]) for row in rows], spm_path, size)
    (work / "archives").mkdir(exist_ok=True)
    steps = size.steps
    while True:
        trainer.train(steps)
        hf_dir, ct2_dir = work / f"hf-{src}_{tgt}", work / f"ct2-{src}_{tgt}"
        trainer.save(hf_dir)
        convert(hf_dir, ct2_dir)
        archive = write_package(src, tgt, ct2_dir, spm_path, len(rows), work / "archives")
        print(
            f"{src}->{tgt}: {trainer.step} steps, loss {trainer.loss:.3f}, "
            f"{archive.stat().st_size / 1024:.0f} KB, {time.monotonic() - started:.0f} s",
            flush=True,
        )
        ok = check_package(archive, rows, used, src, tgt, work)
        steps = min(size.extra_steps, size.max_steps - trainer.step)
        if ok or steps <= 0:
            break
    if not ok:
        print(f"{src}->{tgt}: FAILED after {trainer.step} steps", file=sys.stderr)
    return archive, ok


def check_existing(packages: Path, pairs: str, rows: list[Row], used: set[str]) -> int:
    """Check already built packages in every decoding; 1 if any fails."""
    failed = []
    with tempfile.TemporaryDirectory(prefix="triglot-check-") as tmp_name:
        for pair in pairs.split(","):
            src, tgt = pair.split("_")
            archive = packages / f"triglot-test-{src}_{tgt}.argosmodel"
            if not check_package(archive, rows, used, src, tgt, Path(tmp_name)):
                failed.append(pair)
    print(f"failed: {', '.join(failed)}" if failed else "all packages pass every decoding")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pairs",
        default=",".join(f"{s}_{t}" for s, t in PAIRS),
        help="comma-separated directions to build, e.g. ru_en,en_es",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="override a ModelSize field while tuning, e.g. --set steps=800",
    )
    parser.add_argument("--out", type=Path, default=PACKAGES)
    parser.add_argument("--jobs", type=int, default=2, help="directions trained at once")
    parser.add_argument(
        "--workdir", type=Path, help="keep intermediate models here (for debugging)"
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check the packages in --out (needs no torch), e.g. on a new CPU",
    )
    args = parser.parse_args(argv)

    size = ModelSize()
    for item in args.set:
        name, _, value = item.partition("=")
        size = replace(size, **{name: type(getattr(size, name))(value)})

    rows = read_corpus()
    used, missing = rows_used_by_examples(rows)
    problems = check_corpus(rows) + [f"example sentence not in the corpus: {m}" for m in missing]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if args.check:
        return check_existing(args.out, args.pairs, rows, used)
    print(f"model size: {size}")
    symbols = CODE_SYMBOLS + placeholders(rows)
    print(f"corpus: {len(rows)} rows, {len(used)} used by examples; symbols: {' '.join(symbols)}")

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="triglot-build-") as tmp_name:
        work = args.workdir or Path(tmp_name)
        work.mkdir(parents=True, exist_ok=True)
        spm_models: dict[frozenset[str], Path] = {}
        jobs = []
        for pair in args.pairs.split(","):
            src, tgt = pair.split("_")
            key = frozenset((src, tgt))
            if key not in spm_models:  # one joint model serves both directions
                path = work / f"spm-{'-'.join(sorted(key))}.model"
                train_sentencepiece(
                    [row.text[lang] for row in rows for lang in sorted(key)],
                    symbols,
                    size.vocab,
                    path,
                )
                check_roundtrip(path, [row.text[lang] for row in rows for lang in key])
                spm_models[key] = path
            jobs.append((src, tgt, rows, used, spm_models[key], size, work))
        # Each direction trains on one thread; two at a time use both cores.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=args.jobs, mp_context=context) as pool:
            results = list(pool.map(build_pair, *zip(*jobs, strict=True)))
        archives = [archive for archive, _ in results]
        failed = not all(ok for _, ok in results)
        if not failed:
            # All or nothing: a failed build leaves the committed packages alone.
            args.out.mkdir(parents=True, exist_ok=True)
            for archive in archives:
                shutil.copyfile(archive, args.out / archive.name)
    print(f"total build time {time.monotonic() - started:.0f} s")
    if failed:
        print(f"build failed; packages in {args.out} left unchanged", file=sys.stderr)
        return 1
    print(f"wrote {len(archives)} packages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
