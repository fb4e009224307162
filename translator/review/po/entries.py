"""Which catalog entry answers which sentence of an article, and what became of the others.

An entry's ``msgctxt`` hashes its sentence, so a sentence finds its entry by
context. A reviewer's tool (or hand) can break that link in three ways, and
each is told apart so ``po import`` says what really happened, per entry:

* the ``msgid`` was edited: the context still names a sentence of the
  article, but the entry's source text is no longer that sentence; its
  translation translates something no article holds, so it is neither used
  nor put into the translation memory;
* the ``msgctxt`` was changed (re-hashed): the entry's ``msgid`` is a sentence
  of the article word for word; the review is used, with a warning;
* the entry was deleted: a sentence has no entry at all, and the catalog has
  no entries for sentences the run no longer has (which would mean the
  catalog is simply older than the run); or it was made obsolete (``#~``),
  which gettext ignores, and so does the import.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from translator.core.i18n import _, ngettext
from translator.review.po.ids import fold_space, message_context, same_sentence

if TYPE_CHECKING:
    import polib

SHOWN = 60  # characters of a sentence quoted in a warning


def shown(text: str) -> str:
    """A sentence for a one-line message: folded, shortened, quoted (repr escapes)."""
    text = fold_space(text)
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


@dataclass
class EntryMatch:
    """The entries of one catalog matched to the article's sentences, and the problems."""

    entries: dict[str, polib.POEntry] = field(default_factory=dict)  # sentence -> entry
    warnings: list[str] = field(default_factory=list)


def match_sentences(relpath: str, sentences: list[str], catalog: polib.POFile,
                    where: str) -> EntryMatch:
    """For each sentence (as the run segmented it), its entry in ``catalog``, if one may be
    used; ``where`` names the catalog in warnings."""
    active = [e for e in catalog if not e.obsolete]
    by_context: dict[str | None, list[polib.POEntry]] = defaultdict(list)
    by_source: dict[str, list[polib.POEntry]] = defaultdict(list)
    for entry in active:
        by_context[entry.msgctxt].append(entry)
        by_source[fold_space(entry.msgid)].append(entry)
    texts = list(dict.fromkeys(sentences))
    exact = {(e.msgctxt, e.msgid): e for e in active}
    # An entry that is some sentence's word for word is that sentence's alone.
    claimed = {id(exact[key]) for key in ((message_context(relpath, t), t) for t in texts)
               if key in exact}
    result = EntryMatch()
    seen: set[int] = set()
    missing: list[str] = []
    for text in texts:
        context = message_context(relpath, text)
        own = exact.get((context, text))
        entry = own or same_sentence(by_context[context], text, seen | claimed)
        edited = None if entry else next(
            (e for e in by_context[context] if id(e) not in seen | claimed), None)
        if edited is not None:
            seen.add(id(edited))
            result.warnings.append(_(
                "{path}:{line}: the msgid was edited (the article's sentence is {sentence}); "
                "its translation is not used nor added to the translation memory, the MT is "
                "kept: put the msgid back as it was").format(
                path=where, line=edited.linenum, sentence=shown(text)))
            continue
        if entry is None:
            entry = same_sentence(by_source[fold_space(text)], text, seen | claimed)
            if entry is not None:
                result.warnings.append(_(
                    "{path}:{line}: the msgctxt was changed to {context} (triglot's is "
                    "{expected}); the entry was matched by its msgid and used").format(
                    path=where, line=entry.linenum, context=repr(entry.msgctxt),
                    expected=repr(context)))
        if entry is None:
            missing.append(text)
            continue
        seen.add(id(entry))
        result.entries[text] = entry
    stale = [e for e in active if id(e) not in seen]
    missing = _obsolete(relpath, catalog, missing, where, result.warnings)
    result.warnings += _unmatched(relpath, stale, missing, where)
    return result


def _obsolete(relpath: str, catalog: polib.POFile, missing: list[str], where: str,
              warnings: list[str]) -> list[str]:
    """The missing sentences that are not in the catalog as obsolete entries (``#~``, as
    ``msgattrib --set-obsolete`` or an editor leaves them): those are named as such."""
    by_context: dict[str | None, list[polib.POEntry]] = defaultdict(list)
    for entry in catalog.obsolete_entries():
        by_context[entry.msgctxt].append(entry)
    taken: set[int] = set()
    gone = []
    for text in missing:
        entry = same_sentence(by_context[message_context(relpath, text)], text, taken)
        if entry is None:
            gone.append(text)
            continue
        taken.add(id(entry))
        warnings.append(_("{path}:{line}: the entry of the sentence {sentence} is obsolete "
                          "(#~); its MT is kept (remove the '#~' marks to use its "
                          "translation)").format(path=where, line=entry.linenum,
                                                 sentence=shown(text)))
    return gone


def _unmatched(relpath: str, stale: list[polib.POEntry], missing: list[str],
               where: str) -> list[str]:
    """What the sentences without an entry and the entries without a sentence mean."""
    current = [e for e in stale if e.msgctxt == message_context(relpath, e.msgid)]
    edited = [e for e in stale if e not in current]
    warnings = [_("{path}:{line}: the entry matches no sentence of the article (its msgctxt "
                  "and msgid were both changed?); not used").format(path=where, line=e.linenum)
                for e in edited]
    if current and missing:
        warnings.append(ngettext(
            "{path}: {count} sentence of the run has no entry and {stale} entries are for "
            "sentences the run does not have: the catalog is older than the run (run 'triglot "
            "po export' on the run folder); their MT is kept",
            "{path}: {count} sentences of the run have no entry and {stale} entries are for "
            "sentences the run does not have: the catalog is older than the run (run 'triglot "
            "po export' on the run folder); their MT is kept", len(missing)).format(
            path=where, count=len(missing), stale=len(current)))
    elif missing:
        warnings += [_("{path}: the entry of the sentence {sentence} is missing (deleted from "
                       "the catalog?); its MT is kept").format(path=where, sentence=shown(text))
                     for text in missing]
    elif current:
        warnings.append(ngettext(
            "{path}: {count} entry is for sentences the article no longer has (first at line "
            "{line}); not used",
            "{path}: {count} entries are for sentences the article no longer has (first at "
            "line {line}); not used", len(current)).format(
            path=where, count=len(current), line=current[0].linenum))
    return warnings
