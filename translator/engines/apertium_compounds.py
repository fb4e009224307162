"""English hyphenated compounds Apertium does not know whole, given to it with spaces.

Apertium's analyser reads an unknown compound such as "facial-recognition" as three
units with no blank between them: "facial", the hyphen, "recognition". Transfer then
drops the hyphen, reorders, and adds the words the target needs ("de"), but it puts
the source's blanks between words, and there were none: the output is glued ("una
reddereconocimiento facial", "queluchandelito", "plandedos años"). English writes
such modifiers with or without the hyphen, so a compound of known lower-case words
goes with spaces ("una red de reconocimiento facial"). Kept as written: compounds the
analyser knows whole ("e-mail", "state-of-the-art"), those with a word it does not
know ("co-founder": "co" alone would be left as it is), those with a name in them
("Moscow-based") or a capital past the first letter ("Governor-General", "pro-Kremlin"),
and those joined to a number ("28-year-old").

A compound joined to a number is one Apertium's rules know ("a 28-year-old man", "a
24-hour trip", "her 67-year reign": "un hombre de 28 años", "su reinado de 67 años"),
but they glue it too: "un hombrede28años", "su reinadode67 años". Spaced, they read
it as three words ("su 67 reinado de año"), so such a compound goes as written and
the output is unglued (``unglued``): a word of it that is not in the source and runs a
word, "de" and a number together is cut there, and the number from the word after it.
So are the participle and the name of a compound with a name ("a London-based company":
"una empresa basadaenLondres").

Measured with ``apertium -u eng-spa`` on FLORES dev (997 sentences, 66 changed): words
of the output that are neither in the source nor in a Spanish dictionary, the glued
ones, 34 -> 17; BLEU of the changed sentences 9.65 -> 10.40, chrF 42.82 -> 43.10.
Spanish uses the hyphen for ranges and pairs ("enero-octubre", "persona-ordenador"),
and Apertium does not glue them, so only English sources are changed.
"""

from __future__ import annotations

import re

from translator.engines.apertium_analyser import UNIT, Analyser, AskedOnce

#: Bump when what is spaced changes: it is part of the Apertium cache key.
COMPOUND_RULE = 2
#: What transfer made of a compound joined to a number ("hombrede28años", "plande10") or
#: to a name ("basadaenLondres") holds, each found at C speed (most outputs hold neither).
_NUMBER_GLUE, _NAME_GLUE = re.compile(r"de\d"), re.compile(r"en[A-ZÀ-Þ]")
_GLUED = re.compile(r"(?<![\w-])(?:([^\W\d_]+?)|(?<=\bde ))de(\d+(?:[.,]\d+)*)([a-zà-ÿ]*)"
                    r"([A-ZÀ-Þ]\w*)?(?![\w-])")
#: A name joined to a participle ("Moscow-based"): "basadaenLondres", "controladoenBeijing".
_GLUED_NAME = re.compile(r"(?<![\w-])([a-zà-ÿ]+)en([A-ZÀ-Þ][\w.]*)")
#: A whole hyphenated word of letters only (not part of a longer one with digits).
COMPOUND = re.compile(r"(?<![\w-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])")


def split_by_analyser(analysis: str) -> bool:
    """Whether lt-proc's analysis of one compound is several known words, none of them
    a name: then it is spaced."""
    units = UNIT.findall(analysis)
    words = [analyses for surface, analyses in units if surface != "-"]
    return len(units) > 1 and len(words) > 1 and not any(
        a.startswith("*") or "<np>" in a for a in words)


def candidate(compound: str) -> bool:
    """Lower case but for a first capital (a sentence may start with it)."""
    return compound[1:].islower()


class EnglishCompounds:
    """Which compounds of a pair's English sources to space, asked of its analyser once;
    where it cannot answer, they are kept as written (the output is raw Apertium's)."""

    def __init__(self, analyser: list[str] | Analyser | None) -> None:
        self._asked = AskedOnce(analyser, split_by_analyser)

    def warm(self) -> None:
        self._asked.warm()

    def close(self) -> None:
        self._asked.close()

    def spaced(self, chunks: list[list[str]]) -> list[list[str]]:
        """``chunks`` with each compound Apertium would glue written with spaces (only the
        sentences that have one are scanned twice: a batch's spacing delays its start)."""
        holding: list[tuple[int, int, list[str]]] = []
        for c, chunk in enumerate(chunks):
            for i, sentence in enumerate(chunk):
                if "-" in sentence:
                    words = [w for w in COMPOUND.findall(sentence) if candidate(w)]
                    if words:
                        holding.append((c, i, words))
        spaced = self._asked.answers(w for _, _, words in holding for w in words)
        result = chunks
        for c, i, words in holding:
            if any(spaced[w] for w in words):
                if result is chunks:
                    result = [list(chunk) for chunk in chunks]
                result[c][i] = COMPOUND.sub(
                    lambda match: match[0].replace("-", " ") if spaced.get(match[0])
                    else match[0], chunks[c][i])
        return result


def unglued(source: str, output: str) -> str:
    """Apertium's Spanish for ``source`` with the words it glued around a compound joined
    to a number set apart ("hombrede28años" -> "hombre de 28 años")."""
    if not (_NUMBER_GLUE.search(output) or _NAME_GLUE.search(output)):
        return output

    def apart(found: re.Match[str]) -> str:
        if found[0] in source:
            return found[0]
        words = [found[3], found[4]]  # the unit, and a name glued after it ("añosPalmdale")
        glued = f"{found[1]} de " if found[1] else ""  # after "de ": "de de4años"
        return glued + found[2] + "".join(f" {word}" for word in words if word)

    def name_apart(found: re.Match[str]) -> str:
        return found[0] if found[0] in source else f"{found[1]} en {found[2]}"

    return _GLUED_NAME.sub(name_apart, _GLUED.sub(apart, output))
