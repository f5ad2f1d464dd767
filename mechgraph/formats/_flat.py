"""mechgraph's attributes in formats whose attributes are flat (Cytoscape.js, GraphML, GEXF, CSV).

Writing, a node or edge becomes one flat record; reading, a record becomes mechgraph fields plus
``extra`` for everything else. Three styles:

``json``   (Cytoscape.js) lists stay lists of strings; ``context`` becomes ``context_<key>``;
           evidence becomes parallel lists ``evidence_source``, ``evidence_quote``, ... (Cytoscape
           desktop keeps lists of strings, not lists of objects).
``text``   (GraphML, GEXF) every list or mapping is JSON text; evidence is JSON text of items that
           describe their source too (``url``, ``title``, ``text``), so it stands alone. Text of
           ``extra`` that begins like JSON is written as a JSON string, so it reads back as text.
``table``  (CSV, TSV) lists are joined with ``"; "`` (JSON text when an item contains ';'); context
           becomes ``context_<key>`` columns and evidence numbered columns ``evidence_1_source``...
           In ``extra``, booleans are ``true``/``false`` and text that would read as a number,
           boolean or JSON is a JSON string (``"0.86"``), so every value reads back as it was.

Foreign attributes kept in ``extra`` are written under their own name, or ``extra.<name>`` when
that name is one of mechgraph's, and read back into ``extra``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..model import Context, Evidence, NodeRecord, RelationRecord
from ..vocabulary import Attr, EvidenceKey, SourceKey
from ._build import GraphBuilder, curie, dumps_compact, sign_of
from .mapping import relation_for

__all__ = ["GRAPH_RESERVED", "Restored", "add_restored_node", "add_restored_relation", "flat_edge", "flat_node", "restore_edge", "restore_node", "text_value"]

Style = Literal["json", "text", "table"]

NODE_LISTS = tuple(n for n, f in NodeRecord.model_fields.items() if str(f.annotation).startswith("list") and n != "evidence")
RELATION_LISTS = tuple(n for n, f in RelationRecord.model_fields.items() if str(f.annotation).startswith("list") and n != "evidence")
NODE_SCALARS = tuple(n for n in NodeRecord.model_fields if n not in (*NODE_LISTS, "id", "evidence", Attr.EXTRA.value))
RELATION_SCALARS = tuple(
    n for n in RelationRecord.model_fields if n not in (*RELATION_LISTS, "id", "source", "target", "evidence", "context", Attr.EXTRA.value)
)
CONTEXT_KEYS = tuple(Context.model_fields)
EVIDENCE_KEYS = tuple(Evidence.model_fields)
SOURCE_DESCRIPTION = (SourceKey.URL.value, SourceKey.TITLE.value, SourceKey.TEXT.value)
_SEPARATOR = "; "

#: Names a flat record uses for mechgraph's own data: extra attributes must not take them.
RESERVED = frozenset(
    {"id", "name", "source", "target", "interaction", "sign", "x", "y", Attr.EVIDENCE.value, Attr.CONTEXT.value}
    | set(NODE_LISTS)
    | set(NODE_SCALARS)
    | set(RELATION_LISTS)
    | set(RELATION_SCALARS)
)
#: Names of a graph's own attributes in the formats that have graph attributes: a graph's extra
#: attributes of these names are written ``extra.<name>``.
GRAPH_RESERVED = frozenset({"id", "name", "title", "description", "mechgraph", "mechgraph_sources", "sources", "file", "generator", "creator", "extra"})
_EVIDENCE_COLUMN = re.compile(r"^evidence_(\d+)_(\w+)$")
_IDENTIFIER_COLUMN = re.compile(r"^(.+?)[ _.-]id$", re.IGNORECASE)
#: Keys other tools use for a node's display name, best first.
LABEL_KEYS = ("label", "display name", "display_name", "gene_name", "symbol", "name", "shared_name", "title")
#: Keys other tools use for a node's type.
TYPE_KEYS = ("type", "node_type", "class", "entity_type", "participant_type", "category", "BIOPAX_TYPE", "biopax_type")
#: Keys other tools use for an edge's relation type.
RELATION_KEYS = ("relation", "interaction", "interaction_type", "interaction type", "edge_type", "edge type")
#: Keys other tools use for an edge's sign (mechgraph's own ``sign`` first).
#: (compared without case, with '_' as a space).
SIGN_KEYS = ("sign", "polarity", "effect", "edge sign", "interaction sign", "direction of effect", "mode of action")
#: Keys whose value may name the relation when no relation key does (SIGNOR's EFFECT, BioPAX's edge type).
RELATION_FALLBACK_KEYS = ("effect", "type", "edge type")
#: OmniPath's pairs of flags: stimulation (+) and inhibition (-), the consensus first.
_FLAG_PAIRS = (("consensus_stimulation", "consensus_inhibition"), ("is_stimulation", "is_inhibition"))


# -- writing --------------------------------------------------------------------------------------


def _list_value(values: Iterable[Any], style: Style) -> Any:
    items = [str(value) for value in values]
    if style == "json":
        return items
    if style == "table" and not any(";" in item or item.startswith("[") for item in items):
        return _SEPARATOR.join(items)
    return dumps_compact(items)


def _extra_items(extra: Mapping[str, Any] | None, style: Style) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in (extra or {}).items():
        name = f"extra.{key}" if key in RESERVED or key.startswith("extra.") or _EVIDENCE_COLUMN.match(key) else key
        if style == "table" and not isinstance(value, list | dict):
            value = _typed_cell(value)
        elif style != "json":
            value = text_value(value)
        flat[name] = value
    return flat


def text_value(value: Any) -> Any:
    """A value of ``extra`` as an XML attribute holds it: lists and maps as JSON text, and text
    that begins like JSON as a JSON string, so that reading tells the two apart.

    >>> text_value(["a"]), text_value("[a]"), text_value("IL2"), text_value(2)
    ('["a"]', '"[a]"', 'IL2', 2)
    """
    if isinstance(value, list | dict):
        return dumps_compact(value)
    if isinstance(value, str) and value.strip()[:1] in ("[", "{", '"'):
        return json.dumps(value, ensure_ascii=False)
    return value


_LOOKS_TYPED = re.compile(r'^(?:-?\d[\d.eE+-]*|true|false|TRUE|FALSE|True|False|[\[{"].*)$', re.DOTALL)


def _typed_cell(value: Any) -> Any:
    """A table cell that reads back as the value it was: booleans as ``true``/``false``, and text
    that a reader would take for a number, a boolean or JSON as JSON text (``"0.86"``).

    >>> _typed_cell(True), _typed_cell("0.86"), _typed_cell("IL2"), _typed_cell(3)
    ('true', '"0.86"', 'IL2', 3)
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and _LOOKS_TYPED.match(value.strip()):
        return json.dumps(value, ensure_ascii=False)
    return value


def flat_node(node_id: str, data: Mapping[str, Any], *, style: Style, sources: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A node as one flat record (``id`` first); see the module docstring for the styles.

    >>> flat_node("csa", {"kind": "agent", "label": "CsA", "routes": ["oral", "topical"]}, style="table")
    {'id': 'csa', 'kind': 'agent', 'label': 'CsA', 'routes': 'oral; topical'}
    """
    record: dict[str, Any] = {"id": node_id}
    for name in NODE_SCALARS:
        if data.get(name) not in (None, ""):
            record[name] = data[name]
    for name in NODE_LISTS:
        if data.get(name):
            record[name] = _list_value(data[name], style)
    record.update(_evidence_fields(data.get(Attr.EVIDENCE), style, sources))
    record.update(_extra_items(data.get(Attr.EXTRA), style))
    return record


def flat_edge(data: Mapping[str, Any], *, style: Style, sources: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """An edge's attributes as one flat record (without its ends and id)."""
    record: dict[str, Any] = {}
    for name in ("relation", "sign", *RELATION_SCALARS):
        if data.get(name) not in (None, ""):
            record[name] = data[name]
    for name in RELATION_LISTS:
        if data.get(name):
            record[name] = _list_value(data[name], style)
    context = data.get(Attr.CONTEXT) or {}
    if context and style == "text":
        record[Attr.CONTEXT.value] = dumps_compact(context)
    elif context:
        record.update({f"context_{key}": value for key, value in context.items() if value})
    record.update(_evidence_fields(data.get(Attr.EVIDENCE), style, sources))
    record.update(_extra_items(data.get(Attr.EXTRA), style))
    return record


def _evidence_fields(items: Any, style: Style, sources: Mapping[str, Any] | None) -> dict[str, Any]:
    evidence = [item for item in items or [] if isinstance(item, Mapping)]
    if not evidence:
        return {}
    if style == "text":
        described = []
        for item in evidence:
            entry = {key: item[key] for key in EVIDENCE_KEYS if item.get(key) is not None}
            source = (sources or {}).get(str(item.get(EvidenceKey.SOURCE)), {})
            entry.update({key: source[key] for key in SOURCE_DESCRIPTION if source.get(key)})
            described.append(entry)
        return {Attr.EVIDENCE.value: dumps_compact(described)}
    if style == "json":
        present = [key for key in EVIDENCE_KEYS if any(item.get(key) is not None for item in evidence)]
        return {f"evidence_{key}": [_text(item.get(key)) for item in evidence] for key in present}
    return {f"evidence_{number}_{key}": item[key] for number, item in enumerate(evidence, start=1) for key in EVIDENCE_KEYS if item.get(key) is not None}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


# -- reading --------------------------------------------------------------------------------------


@dataclass
class Restored:
    """A flat record read back: mechgraph fields, the rest as extra, and the hints for mapping."""

    fields: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    label: str | None = None
    label_from: str | None = None  # the attribute the label was read from, when not 'label'
    kind: str | None = None
    type_hint: str | None = None
    relation: str | None = None
    sign: Any = None
    sign_key: str | None = None
    evidence: list[dict[str, Any]] | None = None


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple):
        return [item for item in value if item not in (None, "")]
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [item for item in parsed if item not in (None, "")]
    return [part.strip() for part in text.split(";") if part.strip()]


def _as_json(value: Any) -> Any:
    """A list or map written as JSON text, or text written quoted so it is not taken for one."""
    if isinstance(value, str) and value.strip()[:1] in ("[", "{", '"'):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _scalar(name: str, value: Any) -> Any:
    if name == "confidence":
        try:
            return float(value)
        except (TypeError, ValueError):
            return value
    return value if not isinstance(value, str) else value.strip()


def _pop_evidence(raw: dict[str, Any]) -> list[dict[str, Any]] | None:
    if Attr.EVIDENCE.value in raw:
        value = _as_json(raw.pop(Attr.EVIDENCE.value))
        if isinstance(value, list):
            return [dict(item) for item in value if isinstance(item, Mapping)]
        raw["evidence"] = value  # not mechgraph's: kept as extra
    parallel = {key: raw.pop(f"evidence_{key}") for key in EVIDENCE_KEYS if f"evidence_{key}" in raw}
    if parallel:
        lists = {key: _as_list(value) if not isinstance(value, list) else value for key, value in parallel.items()}
        count = max(len(values) for values in lists.values())
        return [{key: values[index] for key, values in lists.items() if index < len(values) and values[index] not in (None, "")} for index in range(count)]
    numbered: dict[int, dict[str, Any]] = {}
    for key in [key for key in raw if _EVIDENCE_COLUMN.match(key)]:
        match = _EVIDENCE_COLUMN.match(key)
        assert match is not None
        value = raw.pop(key)
        if value not in (None, ""):
            numbered.setdefault(int(match.group(1)), {})[match.group(2)] = value
    if numbered:
        return [numbered[number] for number in sorted(numbered)]
    return None


def _offsets(items: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    for item in items or []:
        for key in (EvidenceKey.START.value, EvidenceKey.END.value):
            if isinstance(item.get(key), str) and item[key].strip().isdigit():
                item[key] = int(item[key])
    return items


def _unprefix(extra: dict[str, Any]) -> dict[str, Any]:
    """Attributes with mechgraph's own names were written ``extra.<name>``: they win over a plain
    attribute of that name (e.g. the ``name`` a Cytoscape file shows, which is the label)."""
    plain = {key: value for key, value in extra.items() if not key.startswith("extra.")}
    plain.update({key.removeprefix("extra."): value for key, value in extra.items() if key.startswith("extra.")})
    return plain


def restore_node(raw: Mapping[str, Any], *, context: Mapping[str, str] | None = None, json_text: bool = True) -> Restored:
    """Read a flat node record (without its id) back into fields, hints and extra.

    >>> r = restore_node({"name": "MED6", "Uniprot_ID": "O75586", "node_type": "result"})
    >>> r.label, r.fields["identifiers"], r.extra
    ('MED6', ['uniprot:O75586'], {'name': 'MED6', 'Uniprot_ID': 'O75586', 'node_type': 'result'})
    """
    data = {str(key): value for key, value in raw.items()}
    result = Restored()
    result.evidence = _offsets(_pop_evidence(data))
    if data.get("kind") not in (None, ""):
        result.kind = str(data.pop("kind")).strip()
    if data.get("label") not in (None, ""):
        result.label = str(data.pop("label"))
        if data.get("name") == result.label:
            del data["name"]  # the label again, as Cytoscape's name column
    _take_fields(data, result.fields, NODE_SCALARS, NODE_LISTS, taken=("kind", "label"))
    result.extra = _unprefix({key: _as_json(value) if json_text else value for key, value in data.items() if value not in (None, "")})
    if result.label is None:
        result.label_from = next((key for key in LABEL_KEYS if result.extra.get(key) not in (None, "")), None)
        result.label = str(result.extra[result.label_from]) if result.label_from else None
    result.type_hint = next((str(result.extra[key]) for key in TYPE_KEYS if isinstance(result.extra.get(key), str)), None)
    found = _identifiers(result.extra, context)
    if found:
        result.fields["identifiers"] = list(dict.fromkeys([*result.fields.get("identifiers", []), *found]))
    return result


def _identifiers(extra: Mapping[str, Any], context: Mapping[str, str] | None) -> list[str]:
    """CURIEs from columns such as ``Uniprot_ID`` or ``Entrez Gene ID`` whose prefix is known."""
    found = []
    for key, value in extra.items():
        match = _IDENTIFIER_COLUMN.match(key)
        if not match or key.lower() in ("suid", "id"):
            continue
        for local in _as_list(value) if not isinstance(value, int | float) else [value]:
            identifier = curie(match.group(1), str(local), context=context)
            if identifier:
                found.append(identifier)
    return found


def _named(data: Mapping[str, Any], names: tuple[str, ...]) -> list[str]:
    """The keys of ``data`` that are one of ``names`` (without case, '_' as a space), in the order
    of ``names``; an exact spelling first (mechgraph's own ``sign`` before a foreign ``Sign``)."""
    folded: dict[str, list[str]] = {}
    for key in data:
        folded.setdefault(" ".join(key.lower().replace("_", " ").split()), []).append(key)
    found: list[str] = []
    for name in names:
        found += sorted(folded.get(name, []), key=lambda key: key != name)
    return found


def _flag_sign(data: Mapping[str, Any]) -> tuple[Any, str | None]:
    """A sign from OmniPath's stimulation/inhibition flags (1/0, true/false), when exactly one is set."""
    for stimulation, inhibition in _FLAG_PAIRS:
        if stimulation in data and inhibition in data:
            up, down = _flag(data[stimulation]), _flag(data[inhibition])
            if up is not None and down is not None and up != down:
                return (1 if up else -1), stimulation  # the flags themselves stay in extra
    return None, None


def _flag(value: Any) -> bool | None:
    text = str(value).strip().lower()
    return True if text in ("1", "true", "t", "yes") else False if text in ("0", "false", "f", "no") else None


def restore_edge(raw: Mapping[str, Any], *, json_text: bool = True) -> Restored:
    """Read a flat edge record (without its ends and id) back into fields, hints and extra.

    >>> r = restore_edge({"interaction": "controls-expression-of", "weight": 0.5})
    >>> r.relation, r.extra
    ('controls-expression-of', {'weight': 0.5})
    """
    data = {str(key): value for key, value in raw.items()}
    result = Restored()
    result.evidence = _offsets(_pop_evidence(data))
    result.relation = next((str(data.pop(key)).strip() for key in RELATION_KEYS if data.get(key) not in (None, "")), None)
    for key in RELATION_KEYS:  # a second name (e.g. interaction beside relation) is the foreign one
        if data.get(key) not in (None, "") and str(data[key]).strip() != result.relation:
            data[key] = str(data[key]).strip()
        else:
            data.pop(key, None)
    result.sign_key = next((key for key in _named(data, SIGN_KEYS) if sign_of(data.get(key)) is not None), None)
    if result.sign_key is not None:
        result.sign = data.pop(result.sign_key)
    elif str(data.get(Attr.SIGN.value, "")).strip() in ("0", "0.0"):
        data.pop(Attr.SIGN.value)  # mechgraph's own 'unknown' sign, implied by its relation
    else:
        result.sign, result.sign_key = _flag_sign(data)
    if result.relation is None:  # a relation named under another key, when the table knows the word
        for key in _named(data, RELATION_FALLBACK_KEYS):
            value = data.get(key)
            if isinstance(value, str) and relation_for(value) is not None:
                result.relation = str(data.pop(key)).strip()  # kept as the edge's foreign name (extra.interaction)
                break
    _take_fields(data, result.fields, RELATION_SCALARS, RELATION_LISTS, taken=("relation",))
    context_value = _as_json(data.pop(Attr.CONTEXT.value, None))
    context = dict(context_value) if isinstance(context_value, Mapping) else {}
    for key in CONTEXT_KEYS:
        if data.get(f"context_{key}") not in (None, ""):
            context[key] = str(data.pop(f"context_{key}"))
    if context:
        result.fields[Attr.CONTEXT.value] = context
    result.extra = _unprefix({key: _as_json(value) if json_text else value for key, value in data.items() if value not in (None, "")})
    return result


def _take_fields(data: dict[str, Any], fields: dict[str, Any], scalars: Iterable[str], lists: Iterable[str], *, taken: tuple[str, ...]) -> None:
    """Move the mechgraph fields of a flat record from ``data`` to ``fields``: each scalar with a
    value (except those ``taken`` already as hints), each list with items (as text)."""
    for name in scalars:
        if name in data and data[name] not in (None, "") and name not in taken:
            fields[name] = _scalar(name, data.pop(name))
    for name in lists:
        if name in data:
            values = _as_list(data.pop(name))
            if values:
                fields[name] = [str(value) for value in values]


def add_restored_node(
    builder: GraphBuilder,
    key: str,
    restored: Restored,
    *,
    position: Mapping[str, Any] | None = None,
    label: str | None = None,
    fields: Mapping[str, Any] | None = None,
    preferred_id: str | None = None,
    name_in_extra: bool = True,
) -> None:
    """Add a node read back by :func:`restore_node` to ``builder``: its fields with its evidence
    (or ``fields``), its label (or ``label``), kind, type hint and extra. ``name_in_extra=False``:
    a ``name`` the label was read from is not kept again in extra."""
    if not name_in_extra and restored.label_from == "name":
        del restored.extra["name"]
    if fields is None:
        fields = dict(restored.fields)
        if restored.evidence:
            fields[Attr.EVIDENCE.value] = restored.evidence
    builder.add_node(
        key,
        label=label if label is not None else restored.label,
        kind=restored.kind,
        type_hint=restored.type_hint,
        fields=fields,
        extra=restored.extra,
        position=position,
        preferred_id=preferred_id,
    )


def add_restored_relation(
    builder: GraphBuilder,
    ends: Sequence[str],
    restored: Restored,
    *,
    where: str,
    key: str | None = None,
    name: str | None = None,
    pairs: list[tuple[str, str]] | None = None,
) -> None:
    """Add an edge read back by :func:`restore_edge` from ``ends[0]`` to ``ends[1]``: its relation
    name (or ``name``), its stated sign, evidence, fields and extra."""
    builder.add_relation(
        ends[0],
        ends[1],
        name=name if name is not None else restored.relation,
        where=where,
        sign=restored.sign,
        sign_key=restored.sign_key,
        evidence=restored.evidence,
        fields=restored.fields,
        extra=restored.extra,
        key=key,
        pairs=pairs,
    )
