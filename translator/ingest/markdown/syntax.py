"""Markdown's vocabulary: block-start and inline-tag patterns, and small scanners.

Shared by the block scanner (``blocks``), tables (``tables``) and the inline
parser (``inline``), so each states a rule once.
"""

from __future__ import annotations

import re

LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")
ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)$")
THEMATIC = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
QUOTE = re.compile(r" {0,3}>")
LIST = re.compile(r"( {0,3})([-+*]|\d{1,9}[.)]|\[\^[^\]\s]+\]:)([ \t]+|$)")
TABLE_DELIM = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
REF_DEF = re.compile(
    r" {0,3}\[((?:[^\]\\\[]|\\.)+)\]:[ \t]*(?:<[^>\n]*>|\S+)"
    r"(?:[ \t]+(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"
    r"[ \t]*$"  # group 2: the title (its delimiter may be escaped inside it)
)
REF_LABEL_ANYWHERE = re.compile(r"(?:[ \t]*>)*[ \t]*(?:[-+*][ \t]+)?\[((?:[^\]\\\[]|\\.)+)\]:")
# GitHub's alert ("> [!NOTE]" alone on a quote's first line) and a task list's checkbox:
# markup, not words, so they stay outside the units.
ALERT = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$", re.IGNORECASE)
TASK_BOX = re.compile(r"\[[ xX]\][ \t]+(?=\S)")
MAX_NESTING = 60  # container depth beyond which lines stay literal
FRONT_MATTER = {"---": ("---", "..."), "+++": ("+++",)}

HTML_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|"
    "h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|"
    "option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
ATTRS = r"""(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*"""
OPEN_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)" + ATTRS + r"\s*(/?)>")
CLOSE_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
HTML_STARTS: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = [
    (re.compile(r" {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)", re.I),
     re.compile(r"</(?:script|pre|style|textarea)>", re.I)),
    (re.compile(r" {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r" {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r" {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r" {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(r" {0,3}</?(?:" + HTML_BLOCK_TAGS + r")(?:[ \t>]|/>|$)", re.I), None),
]
HTML_ALONE = re.compile(r" {0,3}(?:" + OPEN_TAG.pattern + "|" + CLOSE_TAG.pattern + r")[ \t]*$")

# ---------------------------------------------------------------- inline patterns

AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+>"
)
COMMENT = re.compile(r"<!--.*?-->", re.S)
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
SPECIAL = set("\\`![<*_~\n")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr"}
CODE_NAME = re.compile(r"[gx]\d+$")
UNTRANSLATED_TAGS = {"code", "kbd", "samp", "var", "script", "style", "svg", "math", "pre"}


def norm_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def is_punct(ch: str) -> bool:
    return ch in PUNCT or (ch != "" and not ch.isalnum() and not ch.isspace())


def indent_width(text: str) -> int:
    width = 0
    for ch in text:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def cut_columns(text: str, columns: int) -> int:
    """How many leading characters make up ``columns`` columns of indentation."""
    width = 0
    for idx, ch in enumerate(text):
        if width >= columns or ch not in " \t":
            return idx
        width += 1 if ch == " " else 4 - width % 4
    return len(text)


def is_block_start(text: str) -> bool:
    """A line that cannot be followed by a lazy paragraph continuation."""
    return bool(ATX.match(text) or FENCE.match(text) or THEMATIC.match(text)
                or SETEXT.match(text))


def run_length(text: str, i: int, ch: str, end: int | None = None) -> int:
    end = len(text) if end is None else end
    j = i
    while j < end and text[j] == ch:
        j += 1
    return j - i


def interrupts_paragraph(text: str) -> bool:
    """Whether a line starts a new block instead of continuing a paragraph."""
    if not text.strip():
        return True
    if indent_width(text) >= 4:
        return False
    if ATX.match(text) or FENCE.match(text) or QUOTE.match(text) or THEMATIC.match(text):
        return True
    match = LIST.match(text)
    if match and text[match.end() :].strip():
        marker = match.group(2)
        if not marker[0].isdigit() or marker[:-1] == "1":
            return True
    return any(start.match(text) for start, _ in HTML_STARTS)
