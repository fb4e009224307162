"""Reading entity inputs: one clear error for a missing, empty, binary or non-UTF-8 file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from translator.core.errors import InputError, TriglotError
from translator.core.i18n import _
from translator.core.reading import read_plain_text


def read_input(path: Path | str) -> str:
    """Text of ``path`` (any extension: corpus files are named ``x.ru``, ``x.jsonl``), BOM dropped.

    Entities refuse exactly what translation refuses (empty, binary, invalid UTF-8).
    """
    text = read_plain_text(Path(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def segments_of(text: str) -> list[str]:
    """A document's segments: its lines, blank lines included so numbering matches the file."""
    return text.split("\n") if not text.endswith("\n") else text[:-1].split("\n")


def named_language(path: Path | str) -> str | None:
    """The language an explicit suffix states: "a.ru.txt" or "flores-dev.es" (a dot-separated
    last part of the name, before the extension or as it); a "-es-" inside a name is not one."""
    from translator.core.languages import LANGUAGES

    name = Path(path)
    for part in (name.suffix, Path(name.stem).suffix):
        if part[1:].lower() in LANGUAGES:
            return part[1:].lower()
    return None


def file_language(path: Path | str, text: str, forced: str | None = None,
                  warn: Callable[[str], None] | None = None, option: str = "--lang") -> str:
    """The language of a file's text, by the detector ``translate`` uses; ``forced`` (--lang)
    wins. A suffix that disagrees with the text is reported through ``warn`` and the text
    wins; the suffix decides only when the text is too short to tell."""
    from translator.core.languages import LANGUAGES, check_language
    from translator.langdetect import detect_language

    if forced:
        return check_language(forced)
    named, detected = named_language(path), detect_language(text)
    if detected in LANGUAGES:
        if named and named != detected and warn is not None:
            warn(
                _(
                    "{path}: named '.{named}' but the text is '{detected}'; reading it as "
                    "'{detected}' ({option} {named} to override)"
                ).format(path=path, named=named, detected=detected, option=option)
            )
        return detected
    if named:
        return named
    message = (_("cannot tell the language (it looks like '{detected}'); use {option} ru, en "
                 "or es") if detected
               else _("cannot tell the language (it is too short to tell); use {option} ru, "
                      "en or es"))
    raise InputError(message.format(detected=detected, option=option), path)


def common_language(paths: Iterable[Path | str], forced: str | None = None,
                    warn: Callable[[str], None] | None = None) -> str:
    """The one language of several files (``forced`` wins): files in different languages
    are an error asking for --lang."""
    from translator.core.languages import check_language

    if forced:
        return check_language(forced)
    found = {str(path): file_language(path, read_input(path), None, warn) for path in paths}
    if not found:
        raise InputError(_("no input files: give FILES (or --parallel SRC TGT)"))
    langs = sorted(set(found.values()))
    if len(langs) != 1:
        shown = ", ".join(_("{path} is '{lang}'").format(path=path, lang=lang)
                          for path, lang in list(found.items())[:4])
        raise InputError(
            _("the files are in different languages ({shown}); give --lang").format(shown=shown)
        )
    return langs[0]


@dataclass(frozen=True)
class InputText:
    """One input file read for the entity commands: its text and language."""

    path: Path
    text: str
    lang: str

    @property
    def segments(self) -> list[str]:
        return segments_of(self.text)


def read_inputs(
    paths: Iterable[Path | str],
    lang: str | None = None,
    on_error: Callable[[TriglotError], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[list[InputText], list[TriglotError]]:
    """Read every file with its language (``lang`` forces one for all; ``warn`` hears of a
    file whose name states another language than its text, and of a folder's files that
    are not articles). A folder gives its articles (.txt, .md, .html), as ``translate``
    reads it.

    A bad file does not stop the others: it comes back as an error (and goes
    to ``on_error`` as it happens). Only when no file is usable is the first
    error raised.
    """
    from translator.core.languages import check_language

    if lang:
        check_language(lang)
    paths = _expanded(paths, warn)
    texts: list[InputText] = []
    errors: list[TriglotError] = []
    for path in paths:
        try:
            text = read_input(path)
            texts.append(InputText(Path(path), text, file_language(path, text, lang, warn)))
        except TriglotError as exc:
            errors.append(exc)
            if on_error is not None:
                on_error(exc)
    if not texts and errors:
        raise errors[0]
    return texts, errors


def _expanded(paths: Iterable[Path | str], warn: Callable[[str], None] | None) -> list[Path]:
    """The files named, with each folder replaced by the articles in it."""
    from translator.ingest import collect_inputs

    files: list[Path] = []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)
            continue
        found, warnings = collect_inputs([path])
        if not found:  # nothing to read is an error, not a warning, as for a missing file
            raise InputError(_("{folder}: no .txt, .md or .html files found").format(
                folder=path))
        files += [file for file, _root in found]
        for warning in warnings if warn is not None else ():
            warn(warning)
    return files
