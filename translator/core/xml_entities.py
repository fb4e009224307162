"""Entities in an XML exchange file (TBX, TMX), found so that its reader can refuse them.

Exchange formats need no entities. Resolved, they are XXE and "billion laughs"; left
unresolved, as triglot's parsers leave them, a term or a segment holding one loses
its text without a word. So both readers refuse a file that declares or uses any.
"""

from __future__ import annotations


def entities(root, data: bytes) -> tuple[list[str], int] | None:
    """The entities ``root`` (parsed from ``data``, entities unresolved) declares or uses,
    and the line of the first declaration, else of the first use; None when it has none."""
    from lxml import etree

    dtd = root.getroottree().docinfo.internalDTD
    declared = [entity.name for entity in dtd.iterentities()] if dtd is not None else []
    used = list(root.iter(etree.Entity))
    at = data.find(b"<!ENTITY")
    if not declared and not used and at == -1:
        return None
    line = data[:at].count(b"\n") + 1 if at != -1 else (used[0].sourceline if used else 1)
    return list(dict.fromkeys(declared + [entity.name for entity in used])), line
