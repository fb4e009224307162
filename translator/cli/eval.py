"""``triglot eval``: BLEU, chrF and glossary term accuracy of a line-aligned translation.

Exit 0 when scored, 2 on bad input (missing or empty files, line counts that differ).
"""

from __future__ import annotations

from pathlib import Path

import click

from translator.cli.output import echo_json
from translator.cli.paths import FilePath
from translator.core.i18n import _

FILE = FilePath()


@click.command(name="eval", help=_(
    "Score a translation with BLEU and chrF (sacrebleu defaults) and, given the source "
    "and a glossary, the share of glossary terms rendered with their preferred term."))
@click.option("--hyp", "hypothesis", required=True, type=FILE,
              help=_("The translation to score, one segment a line."))
@click.option("--ref", "references", required=True, multiple=True, type=FILE,
              help=_("Reference translation, line-aligned (repeat for several references)."))
@click.option("--src", "source", type=FILE,
              help=_("The source text, line-aligned: needed for glossary term accuracy."))
@click.option("--glossary", "-g", "glossary_path", type=FILE,
              help=_("Termbase (.db) or glossary file (.csv/.tsv/.xlsx/.tbx) for term "
                     "accuracy; default $TRIGLOT_GLOSSARY or ./glossary.db when --src is "
                     "given."))
@click.option("--from", "source_lang",
              help=_("Source language (ru, en, es); detected if omitted."))
@click.option("--to", "target_lang", help=_("Translation language; detected if omitted."))
@click.option("--misses", is_flag=True,
              help=_("List each glossary term the translation missed."))
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON for scripts."))
def eval_command(hypothesis: Path, references: tuple[Path, ...], source: Path | None,
                 glossary_path: Path | None, source_lang: str | None, target_lang: str | None,
                 misses: bool, as_json: bool) -> None:
    from translator.evaluation import evaluate_files

    glossary = _glossary(source, glossary_path, source_lang, target_lang)
    scores = evaluate_files(hypothesis, list(references), source, glossary, source_lang,
                            target_lang)
    if as_json:
        echo_json(scores.to_dict())
        return
    rows = [(_("lines"), str(scores.segments), ""),
            ("BLEU", f"{scores.bleu:.1f}", scores.bleu_signature),
            ("chrF", f"{scores.chrf:.1f}", scores.chrf_signature)]
    terms = scores.terms
    if terms is not None:
        value = f"{terms.accuracy:.3f}" if terms.accuracy is not None else _("n/a")
        rows.append((_("terms"), value, _(
            "{correct} of {total} glossary terms in the source rendered with the preferred "
            "target term").format(correct=terms.correct, total=terms.total)))
    for name, value, note in rows:
        click.echo(f"{name:<6} {value:>6}  {note}".rstrip())
    if misses and terms is not None and terms.misses:
        click.echo(f"\n{_('line'):<6} {_('source term')} -> {_('expected')}")
        for miss in terms.misses:
            click.echo(f"{miss.line:<6} {miss.source_term} -> {miss.expected}")



def _glossary(source: Path | None, glossary_path: Path | None, source_lang: str | None,
              target_lang: str | None):
    """The glossary for term accuracy: only with --src, which needs one."""
    from glossary.service import Glossary, resolve_glossary
    from translator.core.errors import TriglotError

    if source is None:
        if glossary_path is not None:
            raise TriglotError(_("term accuracy needs the source text: give --src with "
                                 "--glossary"))
        return None
    path = resolve_glossary(glossary_path)
    if path is None:
        raise TriglotError(_("term accuracy needs a glossary: give --glossary (no "
                             "./glossary.db here)"))
    return Glossary.load(path, source=source_lang, target=target_lang)
