"""What HTML elements mean to the parser: void, raw text, block, inline, atomic, never translated.

One vocabulary for the tokenizer, the tree builder and the unit walker.
"""

from __future__ import annotations

SPACE = " \t\n\r\f"

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr"}
RAW_TEXT = {"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript"}
RCDATA = {"title", "textarea"}
BLOCK_VOID = {"hr", "link", "meta", "base", "col"}  # void, but they separate blocks
# Never translated, wherever they are.
NEVER = {"script", "style", "noscript", "template", "code", "pre", "svg", "math", "kbd", "samp",
         "textarea", "select", "iframe", "object", "canvas", "video", "audio"}
# Inline elements that are atomic codes inside a unit (their content is not translated).
ATOMIC = (VOID - BLOCK_VOID) | NEVER | {"picture", "map"}
INLINE = {"a", "abbr", "acronym", "b", "bdi", "bdo", "big", "button", "cite", "data", "del",
          "dfn", "em", "font", "i", "ins", "label", "mark", "meter", "output", "progress", "q",
          "rb", "rp", "rt", "rtc", "ruby", "s", "small", "span", "strike", "strong", "sub", "sup",
          "time", "tt", "u", "var", "nobr"}
BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "col",
         "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
         "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
         "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "link", "main",
         "menu", "meta", "nav", "ol", "optgroup", "option", "p", "pre", "search", "section",
         "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "base",
         "datalist", "listing", "plaintext", "xmp"}
UNIT_KIND = {"p": "p", "li": "li", "td": "td", "th": "th", "dt": "dt", "dd": "dd",
             "blockquote": "quote", "figcaption": "figcaption", "caption": "caption",
             "summary": "summary", "legend": "legend", "title": "title", "option": "option",
             **{f"h{n}": "h" for n in range(1, 7)}}
TRANSLATED_ATTRS = ("alt", "title")
