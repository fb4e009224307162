"""Build an article's catalog for one language, or merge a new run into the existing one.

The merge follows msgmerge and never loses a translator's work:

* an entry whose sentence is unchanged keeps its msgstr, its flags and its
  translator comments; the context is the key (it hashes the sentence), so a
  re-wrapped sentence still matches;
* a new sentence that replaces an old one (the closest old msgid, at least
  ``SIMILARITY``, preferably between the same unchanged neighbours) takes the
  old entry's msgstr and comments, becomes ``fuzzy`` and keeps the old msgid
  and context in ``#|``;
* a sentence that vanished becomes obsolete (``#~``); an obsolete entry whose
  sentence returns is revived as it was;
* a msgstr is never overwritten: where the new MT differs from what the
  catalog holds, the MT is shown in a ``#.`` note instead.

Machine output that no one has reviewed is ``fuzzy``; a reviewer removes the
flag. Only reviewed translations from the translation memory come in unflagged.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from translator import __version__
from translator.core.i18n import N_, _
from translator.core.languages import LANGUAGES
from translator.review.po.ids import fold_space, same_sentence
from translator.review.po.writing import has_translation

if TYPE_CHECKING:
    import polib

SIMILARITY = 60.0  # percent, as msgmerge's fuzzy threshold
WRAP_WIDTH = 78
FUZZY = "fuzzy"

#: gettext's plural rules (the ones in GNU gettext's plural table and Poedit).
PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "en": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
ARTICLE_FIELD = "X-Triglot-Article"
SOURCE_LANGUAGE_FIELD = "X-Triglot-Source-Language"
#: Language names as a reader sees them, in the catalogs' header comment and on the review page.
LANGUAGE_NAMES = {"ru": N_("Russian"), "en": N_("English"), "es": N_("Spanish")}
#: The catalog's opening comment, in the user's language when the catalog is first written
#: (kept as it is afterwards, like everything a person may edit in the header).
HEADER_COMMENT = N_(
    "Review catalog for {relpath}, translated into {language} by triglot.\n"
    "Machine translations are marked fuzzy: correct an entry, then remove its fuzzy\n"
    "flag. Then run: triglot po import RUN_DIR")


@dataclass
class Message:
    """What a run says about one unique source sentence of an article."""

    context: str
    source: str
    translation: str  # MT, or a reviewed translation from the memory
    references: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # '#.' lines
    reviewed: bool = False  # ``translation`` came from the translation memory


@dataclass(frozen=True)
class CatalogInfo:
    relpath: str
    source_lang: str
    target_lang: str


def language_name(code: str) -> str:
    """``Russian`` for ``ru``, in the user's language; an unknown code as it is."""
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


def po_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M+0000")


def is_reviewed(entry: polib.POEntry) -> bool:
    return has_translation(entry) and FUZZY not in entry.flags


def same_language(value: str | None, lang: str) -> bool:
    """Whether a header's ``Language`` is ``lang``: gettext's locale forms (``es_ES``,
    ``es-419``, ``sr@latin``, ``es_ES.UTF-8``), as Poedit or Weblate set them, name it too; an
    empty or missing field says nothing, and the catalog's folder decides, as for gettext."""
    return not value or re.split(r"[_\-.@]", value.strip(), maxsplit=1)[0].lower() == lang


def header(info: CatalogInfo, stamp: str, old: dict[str, str] | None = None) -> dict[str, str]:
    """Header fields: those a person set are kept; those triglot owns are set (``Language``
    as a person's tool wrote it, while it names the catalog's language)."""
    old = old or {}
    kept_language = old.get("Language", "").strip()
    language = LANGUAGES[info.target_lang]
    fields = {
        "Project-Id-Version": old.get("Project-Id-Version") or info.relpath,
        "Report-Msgid-Bugs-To": old.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": old.get("POT-Creation-Date") or stamp,
        "PO-Revision-Date": old.get("PO-Revision-Date") or stamp,
        "Last-Translator": old.get("Last-Translator") or "triglot machine translation",
        "Language-Team": old.get("Language-Team") or language,
    }
    fields.update({key: value for key, value in old.items() if key not in fields})
    fields.update({
        "Language": kept_language if kept_language and same_language(
            kept_language, info.target_lang) else info.target_lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[info.target_lang],
        "X-Generator": f"triglot {__version__}",
        ARTICLE_FIELD: info.relpath,
        SOURCE_LANGUAGE_FIELD: info.source_lang,
    })
    return fields


def new_entry(message: Message) -> polib.POEntry:
    import polib

    return polib.POEntry(
        msgctxt=message.context, msgid=message.source, msgstr=message.translation,
        comment="\n".join(message.notes), occurrences=[(ref, "") for ref in message.references],
        flags=[] if message.reviewed else [FUZZY])


def build_catalog(info: CatalogInfo, messages: list[Message], stamp: str,
                  old: polib.POFile | None = None) -> polib.POFile:
    """The catalog for ``messages``: new, or ``old`` merged with them."""
    import polib

    catalog = polib.POFile(wrapwidth=WRAP_WIDTH, check_for_duplicates=False)
    catalog.header = (old.header if old is not None and old.header else
                      _(HEADER_COMMENT).format(relpath=info.relpath,
                                               language=language_name(info.target_lang)))
    catalog.metadata = header(info, stamp, old.metadata if old is not None else None)
    active, obsolete = merge_entries(old, messages)
    for entry in active + obsolete:
        catalog.append(entry)
    return catalog


def merge_entries(old: polib.POFile | None, messages: list[Message]
                  ) -> tuple[list[polib.POEntry], list[polib.POEntry]]:
    """The active entries (in message order) and the obsolete ones of the merged catalog."""
    old_active = [e for e in old if not e.obsolete] if old is not None else []
    old_obsolete = old.obsolete_entries() if old is not None else []
    pairs = match_entries(old_active, old_obsolete, messages)
    active: list[polib.POEntry] = []
    used: set[int] = set()
    for index, message in enumerate(messages):
        match = pairs.get(index)
        if match is None:
            active.append(new_entry(message))
            continue
        previous, exact = match
        used.add(id(previous))
        active.append(carry_over(previous, message, exact))
    revived = {id(e) for e in old_obsolete if id(e) in used}
    vanished = [_obsolete(e) for e in old_active if id(e) not in used]
    kept = [e for e in old_obsolete if id(e) not in revived]
    keys = {(e.msgctxt, e.msgid) for e in active}
    obsolete: dict[tuple[str | None, str], polib.POEntry] = {}
    for entry in kept + vanished:  # a later state of the same entry replaces an earlier one
        if (entry.msgctxt, entry.msgid) not in keys:
            obsolete[(entry.msgctxt, entry.msgid)] = entry
    return active, list(obsolete.values())


def match_entries(old_active: list[polib.POEntry], old_obsolete: list[polib.POEntry],
                  messages: list[Message]) -> dict[int, tuple[polib.POEntry, bool]]:
    """For each message index, the old entry it continues and whether the sentence is the same."""
    by_context: dict[str | None, list[polib.POEntry]] = defaultdict(list)
    for entry in old_active + old_obsolete:  # active ones first
        by_context[entry.msgctxt].append(entry)
    pairs: dict[int, tuple[polib.POEntry, bool]] = {}
    taken: set[int] = set()
    # Word for word first: sentences that differ only in their spaces share a context.
    for index, message in enumerate(messages):
        entry = next((e for e in by_context[message.context]
                      if e.msgid == message.source and id(e) not in taken), None)
        if entry is not None:
            pairs[index] = (entry, True)
            taken.add(id(entry))
    for index, message in enumerate(messages):
        entry = None if index in pairs else same_sentence(
            by_context[message.context], message.source, taken)
        if entry is not None:
            pairs[index] = (entry, True)
            taken.add(id(entry))
    position = {id(e): k for k, e in enumerate(old_active)}
    # Changed sentences: first among the old entries between the same unchanged neighbours,
    # then anywhere in the old catalog.
    for nearby in (True, False):
        for index, message in enumerate(messages):
            if index in pairs:
                continue
            low, high = -1, len(old_active)
            if nearby:
                before = [position[id(pairs[j][0])] for j in range(index - 1, -1, -1)
                          if j in pairs and id(pairs[j][0]) in position]
                after = [position[id(pairs[j][0])] for j in range(index + 1, len(messages))
                         if j in pairs and id(pairs[j][0]) in position]
                low = before[0] if before else -1
                high = after[0] if after else len(old_active)
            candidates = [e for e in old_active[low + 1 : max(high, low + 1)]
                          if id(e) not in taken]
            best = closest(message.source, candidates)
            if best is not None:
                pairs[index] = (best, False)
                taken.add(id(best))
    return pairs


def closest(source: str, candidates: list[polib.POEntry]) -> polib.POEntry | None:
    from rapidfuzz import fuzz

    best, best_score = None, -1.0
    for entry in candidates:
        score = fuzz.ratio(fold_space(source), fold_space(entry.msgid))
        if score >= SIMILARITY and score > best_score:
            best, best_score = entry, score
    return best


def carry_over(previous: polib.POEntry, message: Message, exact: bool) -> polib.POEntry:
    """The new entry for ``message``, keeping everything a person put into ``previous``."""
    entry = new_entry(message)
    entry.tcomment = previous.tcomment
    entry.flags = [f for f in previous.flags if f != FUZZY]
    notes = list(message.notes)
    if previous.msgid_plural and has_translation(previous):  # kept: 'po import' names it
        entry.msgid_plural, entry.msgstr_plural = previous.msgid_plural, previous.msgstr_plural
        entry.msgstr = ""
    elif previous.msgstr:
        entry.msgstr = previous.msgstr
        if previous.msgstr != message.translation:
            note = (_("reviewed translation in the memory: {translation}") if message.reviewed
                    else _("machine translation: {translation}"))
            notes.append(note.format(translation=message.translation))
    reviewed = is_reviewed(previous) or (not has_translation(previous) and message.reviewed)
    if exact:
        if not reviewed:
            entry.flags.insert(0, FUZZY)
            entry.previous_msgctxt = previous.previous_msgctxt
            entry.previous_msgid = previous.previous_msgid
    else:
        entry.flags.insert(0, FUZZY)
        if previous.msgctxt != message.context:
            entry.previous_msgctxt = previous.msgctxt
        entry.previous_msgid = previous.msgid
    entry.comment = "\n".join(notes)
    return entry


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    gone = copy.copy(entry)
    gone.obsolete = True
    return gone
