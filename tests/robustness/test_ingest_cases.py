"""What reading an article must not get wrong (issues 11 and 12).

* URLs, e-mail addresses, @handles and file paths are not language: MT never sees them.
* A paragraph in a language triglot does not translate is left as it is, with a warning.
* Inline HTML survives an engine that garbles inline codes: each tag once, no text twice.
* Markdown nested too deep to translate is named in a warning.

The engines here sit at the engine interface and misbehave the way NMT models
trained on tagged text do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.fake_engine import TaggingEngine
from translator.cache import TranslationCache
from translator.core.inline_codes import CODE_RE
from translator.core.languages import LANGUAGES
from translator.engines.apertium import ApertiumEngine
from translator.ingest import load_document
from translator.langdetect import detect_document
from translator.pipeline import RunRequest, translate_run
from translator.progress import Progress

EN_ES = {("en", "es")}
VIA_EN = {("ru", "en"), ("en", "ru"), ("en", "es"), ("es", "en")}

needs_apertium = pytest.mark.skipif(
    not ApertiumEngine().pairs() >= EN_ES,
    reason="apertium and apertium-eng-spa are not installed (make apertium-deps)")


class MisbehavingEngine(TaggingEngine):
    """Rewrites every word (so anything MT sees visibly changes) and garbles codes by ``mode``:
    "drop", "duplicate" (a code and the text after it twice), "move" (to the end) or "invent"
    (codes dropped, and one added to every sentence that had none, as the test Argos
    packages do)."""

    def __init__(self, pairs: set[tuple[str, str]], mode: str = "") -> None:
        super().__init__(pairs)
        self.mode = mode

    def load(self, *args):
        translator = super().load(*args)
        tagged = translator.translate
        translator.translate = lambda batch: [  # type: ignore[method-assign]
            self.garble(self.rewrite(sentence)) for sentence in tagged(batch)]
        return translator

    def rewrite(self, sentence: str) -> str:
        pieces = re.split(f"({CODE_RE.pattern})", sentence)
        return "".join(piece if CODE_RE.fullmatch(piece or "") else piece.upper()
                       for piece in pieces if piece is not None)

    def garble(self, text: str) -> str:
        codes = [m.group(0) for m in CODE_RE.finditer(text)]
        if self.mode == "invent" and not codes:
            return text + "<x1/>."
        if not codes:
            return text
        if self.mode in ("drop", "invent"):
            return CODE_RE.sub("", text)
        if self.mode == "duplicate":
            at = text.index(codes[0])
            return text + " " + text[at:]
        if self.mode == "move":
            return CODE_RE.sub("", text) + "".join(codes)
        return text


def run(paths: list[Path], out: Path, engine: TaggingEngine, targets=("es",)):
    request = RunRequest(paths, list(targets), out)
    return translate_run(request, engine, TranslationCache(None), Progress(False))


def sent_to_engine(engine: TaggingEngine) -> list[str]:
    return [sentence for _, _, batch in engine.calls for sentence in batch]


# -- 1. what is not language -------------------------------------------------------------

LITERALS = ["https://www.example.org/2021/02/25/moscow-to-expand-metro-cameras-a73074",
            "press@example.org", "@court_watch", "/var/log/court/hearings.log",
            "docs/rulings/moscow.txt", "C:\\Users\\court\\ruling.docx"]
PLAIN = (
    "The mayor said the network would grow (https://www.example.org/2021/02/25/"
    "moscow-to-expand-metro-cameras-a73074). Write to press@example.org or follow @court_watch.\n"
    "The logs are kept in /var/log/court/hearings.log and docs/rulings/moscow.txt, "
    "the lawyer said.\n"
    "She saved it as C:\\Users\\court\\ruling.docx yesterday.\n"
    "https://www.example.org/2021/02/25/moscow-to-expand-metro-cameras-a73074\n"
)
MARKDOWN = ("# Cameras in the metro\n\n"
            "Read the ruling at https://www.example.org/2021/02/25/moscow-to-expand-metro-"
            "cameras-a73074 or ask press@example.org, **@court_watch** says.\n")


@pytest.mark.parametrize("mode", ["", "drop", "duplicate", "invent"])
def test_urls_mails_handles_and_paths_never_reach_the_engine(tmp_path, mode):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "in" / "b.md").write_text(MARKDOWN, encoding="utf-8")
    engine = MisbehavingEngine(EN_ES, mode)
    run([tmp_path / "in"], tmp_path / "out", engine)
    sent = " ".join(sent_to_engine(engine))
    assert "READ THE RULING" in (tmp_path / "out" / "es" / "b.md").read_text(encoding="utf-8")
    for name, source in (("a.txt", PLAIN), ("b.md", MARKDOWN)):
        output = (tmp_path / "out" / "es" / name).read_text(encoding="utf-8")
        for literal in LITERALS:
            assert output.count(literal) == source.count(literal), (name, literal, output)
            assert literal not in sent
    assert len(output.splitlines()) == len(MARKDOWN.splitlines())
    assert len((tmp_path / "out" / "es" / "a.txt").read_text(encoding="utf-8").splitlines()) \
        == len(PLAIN.splitlines())


def test_a_line_that_is_only_a_url_is_not_translated_at_all(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The court fined the activist on Tuesday.\n\n"
                    "https://www.example.org/news/2021/court-fines-activist\n", encoding="utf-8")
    engine = MisbehavingEngine(EN_ES)
    run([path], tmp_path / "out", engine)
    assert sent_to_engine(engine) == ["The court fined the activist on Tuesday."]


@needs_apertium
def test_apertium_leaves_paths_and_handles_alone(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(PLAIN, encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out", ApertiumEngine())
    output = (tmp_path / "out" / "es" / "a.txt").read_text(encoding="utf-8")
    assert "abogado" in output  # translated
    assert all(literal in output for literal in LITERALS), output


@pytest.mark.corpus
@needs_apertium
def test_seed_articles_keep_every_url_with_apertium(tmp_path):
    from translator.core.inline_codes import literal_spans

    folder = CORPUS / "seed-articles"
    run([folder], tmp_path / "out", ApertiumEngine())
    found = 0
    for source in sorted(folder.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        output = (tmp_path / "out" / "es" / source.name).read_text(encoding="utf-8")
        for start, end in literal_spans(text):
            found += 1
            assert text[start:end] in output
    assert found >= 1  # the metro article ends with its address


# -- 2. a paragraph in another language ----------------------------------------------------

RU_1 = "Правозащитники потребовали отключить камеры распознавания лиц в московском метро."
UK = ("Київська міська влада заявила, що камери розпізнавання облич у метро працюють "
      "відповідно до закону.")
DE = "Menschenrechtler fordern, die Kameras in der Moskauer U-Bahn sofort abzuschalten."
RU_2 = "В Києві тоже прошли акции: жители требовали отключить камеры на улицах города."


def test_a_foreign_paragraph_is_left_as_it_is_with_one_warning(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(f"{RU_1}\n\n{UK}\n\n{DE}\n\n{RU_2}\n", encoding="utf-8")
    engine = TaggingEngine(VIA_EN)
    summary = run([path], tmp_path / "out", engine, targets=("en", "es"))
    for target in ("en", "es"):
        paragraphs = (tmp_path / "out" / target / "mixed.txt").read_text(
            encoding="utf-8").split("\n\n")
        assert paragraphs[1] == UK and paragraphs[2] == DE
        assert paragraphs[0].startswith(f"[{target}]") and paragraphs[3].startswith(f"[{target}]")
    assert not any(UK in s or DE in s for s in sent_to_engine(engine))
    notes = [w for w in summary.warnings if "mixed.txt" in w]
    assert len(notes) == 2, summary.warnings
    assert any("p2" in w and "Ukrainian" in w for w in notes)
    assert any("p3" in w and "German" in w for w in notes)


def test_short_and_russian_with_ukrainian_names_stay_russian(tmp_path):
    path = tmp_path / "ru.txt"
    quoting = "Суд также обязал компанию заплатить штраф в двадцать тысяч (Київ, Україна)."
    path.write_text(f"{RU_1}\n\nСлава Україні!\n\n{RU_2}\n\nDer Spiegel\n\n{quoting}\n",
                    encoding="utf-8")
    doc = load_document(path, tmp_path)
    detect_document(doc)
    assert [unit.lang for unit in doc.units] == ["ru"] * 5 and not doc.notes


@pytest.mark.corpus
def test_no_real_paragraph_is_called_foreign(tmp_path):
    files = sorted((CORPUS / "wmt").glob("wmt*.*")) + sorted((CORPUS / "seed-articles").glob("*"))
    files += sorted((CORPUS / "flores-dev").glob("flores-dev.*"))
    units = 0
    for source in files:
        copy = tmp_path / f"{source.name}.txt"  # one paragraph per line, as the corpus is
        copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        doc = load_document(copy, tmp_path)
        detect_document(doc)
        units += len(doc.units)
        foreign = [(u.ref, u.lang) for u in doc.units if u.lang not in LANGUAGES]
        assert not foreign and not doc.notes, (source.name, foreign[:5])
    assert units > 10000


# -- 3. inline HTML under garbled codes --------------------------------------------------

HTML = '<p>The Tverskoy District Court <img src="x.png" alt="court">rejected her lawsuit.</p>\n'


@pytest.mark.parametrize("mode", ["drop", "duplicate", "move", "invent"])
def test_inline_tag_once_and_no_text_twice_when_codes_are_garbled(tmp_path, mode):
    path = tmp_path / "a.html"
    path.write_text(HTML, encoding="utf-8")
    run([path], tmp_path / "out", MisbehavingEngine(EN_ES, mode))
    output = (tmp_path / "out" / "es" / "a.html").read_text(encoding="utf-8")
    # the image once, its alt text translated as well (it is human text mid-sentence)
    assert output.count('<img src="x.png" alt="[ES] COURT">') == 1, output
    assert output.count("TVERSKOY") == 1 and output.count("LAWSUIT") == 1, output
    assert "COURT." not in output  # no sentence end invented mid-sentence


# -- 4. Markdown nested deeper than the parser goes ----------------------------------------

def test_markdown_nested_too_deep_is_named_once(tmp_path):
    path = tmp_path / "deep.md"
    deep = "".join("> " * 70 + f"Quoted line {n} of the protest statement.\n" for n in range(3))
    path.write_text(f"# The protest statement\n\n{deep}\n{'- ' * 80}a listed demand\n\n"
                    "The organisers published their demands on Monday.\n", encoding="utf-8")
    summary = run([path], tmp_path / "out", MisbehavingEngine(EN_ES))
    notes = [w for w in summary.warnings if "deep.md" in w]
    assert len(notes) == 1 and "60 levels" in notes[0] and "line 3" in notes[0], notes
    output = (tmp_path / "out" / "es" / "deep.md").read_text(encoding="utf-8")
    assert output.startswith("# [ES] THE PROTEST STATEMENT") and deep in output
    assert output.endswith("[ES] THE ORGANISERS PUBLISHED THEIR DEMANDS ON MONDAY.\n")
