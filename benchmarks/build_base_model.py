"""Build a Transformer-base sized ru->en Argos package with random weights, for timing only.

Real Argos models cannot be downloaded here, and timing needs a model of real
size (6+6 layers, d=512, 8 heads, FFN 2048). Random weights decode as fast as
trained ones; the only thing to fix is output length, which random weights
would push to the maximum: the EOS logit bias is tuned so outputs are about as
long as their inputs, like real translations. Runs in the build venv
(torch + transformers), writes `.cache/bench/triglot-bench-ru_en/`.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".cache" / "bench" / "triglot-bench-ru_en"
WMT = ROOT.parent / "shared" / "corpus" / "wmt"
VOCAB = 8000


def train_sentencepiece(lines: list[str], prefix: Path) -> Path:
    import sentencepiece as spm

    text = prefix.parent / "spm-train.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(text), model_prefix=str(prefix), vocab_size=VOCAB, model_type="unigram",
        character_coverage=1.0, byte_fallback=True, unk_id=0, bos_id=1, eos_id=2, pad_id=-1,
        num_threads=2, minloglevel=2, input_sentence_size=20000, shuffle_input_sentence=True,
    )
    return prefix.with_suffix(".model")


def build_marian(spm_model: Path, work: Path, eos_bias: float) -> Path:
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    torch.manual_seed(1)
    sp = spm.SentencePieceProcessor(model_file=str(spm_model))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    pad = len(pieces)  # CTranslate2 drops the last vocabulary entry as padding
    vocab = work / "vocab.json"
    vocab.write_text(json.dumps({p: i for i, p in enumerate([*pieces, "<pad>"])}))
    config = MarianConfig(
        vocab_size=pad + 1, d_model=512, encoder_layers=6, decoder_layers=6,
        encoder_attention_heads=8, decoder_attention_heads=8, encoder_ffn_dim=2048,
        decoder_ffn_dim=2048, max_position_embeddings=512, pad_token_id=pad,
        eos_token_id=sp.eos_id(), decoder_start_token_id=pad, forced_eos_token_id=sp.eos_id(),
        scale_embedding=True, share_encoder_decoder_embeddings=True,
    )
    model = MarianMTModel(config)
    with torch.no_grad():
        model.final_logits_bias[0, sp.eos_id()] = eos_bias
    hf_dir = work / "hf"
    model.save_pretrained(hf_dir)
    MarianTokenizer(source_spm=str(spm_model), target_spm=str(spm_model), vocab=str(vocab),
                    unk_token="<unk>", eos_token="</s>", pad_token="<pad>").save_pretrained(hf_dir)
    return hf_dir


def convert(hf_dir: Path, out: Path) -> None:
    import ctranslate2

    ctranslate2.converters.TransformersConverter(str(hf_dir)).convert(
        str(out), quantization="int8", force=True)


def mean_length_ratio(model_dir: Path, spm_model: Path, lines: list[str]) -> float:
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_model))
    tokens = [sp.encode(line, out_type=str) for line in lines]
    translator = ctranslate2.Translator(str(model_dir), compute_type="int8", intra_threads=2)
    results = translator.translate_batch(tokens, beam_size=4, max_decoding_length=256)
    out_len = sum(len(r.hypotheses[0]) for r in results)
    return out_len / sum(len(t) for t in tokens)


def main() -> None:
    if not WMT.is_dir():
        sys.exit(f"needs the WMT sentences in {WMT}")
    lines = [x for name in ("wmt19.ru", "wmt19.en")
             for x in (WMT / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT.parent) as tmp:
        work = Path(tmp)
        spm_model = train_sentencepiece(lines, work / "sentencepiece")
        sample = (WMT / "wmt19.ru").read_text(encoding="utf-8").splitlines()[:64]
        # Bisect the EOS bias: a higher bias ends outputs sooner.
        best: tuple[float, float] | None = None
        low, high = -4.0, 8.0
        for _ in range(7):
            bias = round((low + high) / 2, 3)
            hf_dir = build_marian(spm_model, work, bias)
            convert(hf_dir, work / f"ct2-{bias}")
            ratio = mean_length_ratio(work / f"ct2-{bias}", spm_model, sample)
            print(f"EOS bias {bias:6.3f}: output/input length {ratio:.2f}", flush=True)
            if best is None or abs(ratio - 1.0) < abs(best[1] - 1.0):
                best = (bias, ratio)
            if abs(ratio - 1.0) < 0.15:
                break
            low, high = (bias, high) if ratio > 1.0 else (low, bias)
        assert best is not None
        if OUT.exists():
            shutil.rmtree(OUT)
        OUT.mkdir(parents=True)
        shutil.copytree(work / f"ct2-{best[0]}", OUT / "model")
        shutil.copy(spm_model, OUT / "sentencepiece.model")
        (OUT / "metadata.json").write_text(json.dumps({
            "package_version": "0.0.1", "argos_version": "1.9", "from_code": "ru",
            "from_name": "Russian", "to_code": "en", "to_name": "English", "type": "translate",
        }, indent=1))
        (OUT / "README.md").write_text(
            "Random-weight Transformer-base model from triglot benchmarks; for timing only.\n")
    print(f"built {OUT} (EOS bias {best[0]}, length ratio {best[1]:.2f})")


if __name__ == "__main__":
    main()
