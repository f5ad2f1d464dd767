"""SBGN-ML (process description and activity flow maps, e.g. Reactome's exports): reading.

SBGN-ML is parsed with defusedxml (no DTD, no entities), as the maintained library for it,
libsbgnpy (0.7), installs on Python 3.11 but binds documents to the SBGN-ML 0.3 schema and
refuses Reactome's SBGN-ML 0.2 exports (their ``<map>`` has no ``id``), which are the files
people have. Versions 0.1 to 0.3 are read alike: elements are matched by local name.

What is mapped:

* entity pool glyphs (macromolecule, simple chemical, complex, nucleic acid feature,
  unspecified entity and their multimers) and activity-flow ``biological activity`` -> kind
  ``target``; ``perturbing agent`` -> ``agent``; ``phenotype`` -> ``outcome``;
* process glyphs (process, omitted process, uncertain process, association, dissociation) ->
  kind ``process``, process kind from a clear phrase of the label, else ``reaction``;
  ``submap`` -> ``process`` of kind ``pathway``;
* arcs by :mod:`.mapping`: consumption -> ``consumed_by``, production -> ``produces``, catalysis
  -> ``activates``, stimulation -> ``increases``, necessary stimulation -> ``required_for``,
  inhibition -> ``inhibits``, modulation -> ``regulates``; activity-flow influences likewise;
* the components drawn inside a complex -> nodes ``part_of`` the complex;
* logic operators (and, or, not) are folded into the arcs through them: each input gets the
  operator's outgoing relation (a ``not`` turns its sign around), the operator kept in ``extra``;
* glyphs that draw one entity pool several times (same class, label, compartment and state, the
  clones of SBGN) become one node.

Compartments, state variables, units of information and stoichiometry are kept in ``extra``;
source-and-sink glyphs, equivalence arcs, tags and ``<extension>``/``<notes>`` are counted as
dropped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..vocabulary import NodeKind, Relation, Sign
from ._build import GraphBuilder, slug
from ._io import Input, XmlTree, child, children, fail, load_input, local_name, parse_xml
from .mapping import kind_for, relation_for
from .registry import ImportResult

__all__ = ["read", "sniff"]

FORMAT = "sbgn"
TITLE = "SBGN-ML"
_LOGIC = {"and", "or", "not", "delay"}
_SKIP_GLYPHS = {"source and sink", "empty set", "tag", "terminal", "cardinality", "stoichiometry"}
_DECORATIONS = {"state variable", "unit of information", "entity", "outcome", "existence", "location", "annotation"}
_EPN_SUFFIX = " multimer"


def sniff(head: bytes) -> bool:
    return b"<sbgn" in head


@dataclass
class _Glyph:
    element: ET.Element
    id: str
    cls: str
    label: str
    compartment: str | None
    parent: str | None = None  # the complex a component is drawn inside
    decorations: list[str] = field(default_factory=list)


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read an SBGN-ML map (process description or activity flow).

    >>> text = '''<sbgn xmlns="http://sbgn.org/libsbgn/0.2"><map language="process description">
    ...   <glyph class="macromolecule" id="g1"><label text="calcineurin"/></glyph>
    ...   <glyph class="process" id="p1"><label text="NFAT dephosphorylation"/></glyph>
    ...   <arc class="catalysis" id="a1" source="g1" target="p1"/></map></sbgn>'''
    >>> result = read(text, name="m.sbgn")
    >>> [(u, v, d["relation"], d["sign"]) for u, v, d in result.graph.edges(data=True)]
    [('calcineurin', 'nfat_dephosphorylation', 'activates', 1)]
    >>> result.graph.nodes["nfat_dephosphorylation"]["process"]
    'reaction'
    """
    inp = load_input(source, name=name, default_name="upload.sbgn")
    tree = parse_xml(inp)
    if local_name(tree.root.tag) != "sbgn":
        fail(inp, f"expected an <sbgn> root element, found <{local_name(tree.root.tag)}>", **tree.where(tree.root))
    maps = list(children(tree.root, "map"))
    if not maps:
        fail(inp, "an SBGN-ML file needs a <map> element", **tree.where(tree.root))
    builder = GraphBuilder(inp, FORMAT, TITLE)
    builder.title = Path(inp.file_name).stem
    languages = sorted({m.get("language", "process description") for m in maps})
    builder.graph_extra["sbgn_language"] = ", ".join(languages)
    for sbgn_map in maps:
        _MapReader(inp, tree, builder, sbgn_map).run()
    return builder.finish()


class _MapReader:
    def __init__(self, inp: Input, tree: XmlTree, builder: GraphBuilder, sbgn_map: ET.Element) -> None:
        self.inp, self.tree, self.builder, self.map = inp, tree, builder, sbgn_map
        self.glyphs: dict[str, _Glyph] = {}
        self.ports: dict[str, str] = {}  # port id -> glyph id
        self.compartments: dict[str, str] = {}
        self.operators: dict[str, str] = {}  # glyph id -> and/or/not
        self.skipped: set[str] = set()
        self.pools: dict[tuple[Any, ...], str] = {}

    def fail(self, element: ET.Element, message: str) -> None:
        fail(self.inp, message, **self.tree.where(element))

    def run(self) -> None:
        for item in self.map:
            if local_name(item.tag) in ("extension", "notes", "annotation", "bbox"):
                if local_name(item.tag) != "bbox":
                    self.builder.dropped[f"<{local_name(item.tag)}> of the map"] += 1
        for glyph in children(self.map, "glyph"):
            if glyph.get("class") == "compartment":
                self.compartments[self._id(glyph)] = _label(glyph) or self._id(glyph)
        for glyph in children(self.map, "glyph"):
            self._glyph(glyph, parent=None)
        for read in self.glyphs.values():
            self._node(read)
        for read in self.glyphs.values():
            if read.parent is not None and read.parent in self.glyphs:
                self.builder.add_relation(
                    read.id,
                    read.parent,
                    name=Relation.PART_OF.value,
                    where=f"line {self.tree.line(read.element)}",
                    extra={"sbgn": "component drawn inside the complex"},
                )
        arcs = list(children(self.map, "arc"))
        logic_inputs: dict[str, list[tuple[str, ET.Element]]] = {}
        for arc in arcs:
            source, target = self._ends(arc)
            if arc.get("class") == "logic arc" and target in self.operators:
                logic_inputs.setdefault(target, []).append((source, arc))
        for arc in arcs:
            self._arc(arc, logic_inputs)
        for _ in children(self.map, "arcgroup"):
            self.builder.dropped["arc group (an interaction of an entity relationship map)"] += 1

    # -- glyphs -----------------------------------------------------------------------------------

    def _id(self, element: ET.Element) -> str:
        identifier = element.get("id")
        if not identifier:
            self.fail(element, f"a <{local_name(element.tag)}> needs an id attribute")
        return str(identifier)

    def _glyph(self, element: ET.Element, parent: str | None) -> None:
        glyph_id = self._id(element)
        cls = (element.get("class") or "").strip()
        if not cls:
            self.fail(element, "a <glyph> needs a class attribute")
        for port in children(element, "port"):
            self.ports[self._id(port)] = glyph_id
        if cls == "compartment":
            return
        if cls in _LOGIC:
            self.operators[glyph_id] = cls
            return
        if cls in _SKIP_GLYPHS:
            self.skipped.add(glyph_id)
            self.builder.dropped[f"glyph {cls!r}"] += 1
            return
        if cls in _DECORATIONS and parent is None:
            self.builder.dropped[f"glyph {cls!r} outside an entity"] += 1
            return
        compartment = self.compartments.get(element.get("compartmentRef") or "")
        glyph = _Glyph(element, glyph_id, cls, _label(element), compartment, parent)
        if parent is not None and parent in self.glyphs and glyph.compartment is None:
            glyph.compartment = self.glyphs[parent].compartment
        self.glyphs[glyph_id] = glyph
        for inner in children(element, "glyph"):
            child_class = inner.get("class") or ""
            if child_class in _DECORATIONS:
                glyph.decorations.append(_decoration(inner))
            else:
                self._glyph(inner, parent=glyph_id)
        if _has_clone(element):
            glyph.decorations.append("clone")

    def _node(self, glyph: _Glyph) -> None:
        base = glyph.cls.removesuffix(_EPN_SUFFIX)
        kind = kind_for(glyph.cls) or kind_for(base)
        label = glyph.label or f"{glyph.cls} {glyph.id}"
        extra: dict[str, Any] = {"sbgn_class": glyph.cls}
        if glyph.compartment:
            extra["compartment"] = glyph.compartment
        states = [d for d in glyph.decorations if d != "clone"]
        if states:
            extra["state"] = states
        if kind is not None and kind is not NodeKind.PROCESS and glyph.label:
            inside = glyph.parent is not None  # a component is not the free pool of the same name
            pool = (glyph.cls, glyph.label, glyph.compartment, tuple(sorted(states)), self._components(glyph.id), inside)
            if pool in self.pools:
                self.builder.alias(glyph.id, self.pools[pool])
                self.builder.dropped["glyph drawing an entity pool already drawn (clone, merged)"] += 1
                return
            self.pools[pool] = glyph.id
        box = next(children(glyph.element, "bbox"), None)
        position = _center(box) if box is not None else None
        self.builder.add_node(
            glyph.id,
            label=label,
            type_hint=glyph.cls if kind is not None else None,
            extra=extra,
            position=position,
            preferred_id=slug(label),
        )

    def _components(self, glyph_id: str) -> tuple[str, ...]:
        return tuple(sorted(g.label for g in self.glyphs.values() if g.parent == glyph_id))

    # -- arcs -------------------------------------------------------------------------------------

    def _ends(self, arc: ET.Element) -> tuple[str, str]:
        ends = []
        for end in ("source", "target"):
            value = arc.get(end)
            if not value:
                self.fail(arc, f"an <arc> needs a {end} attribute")
            ends.append(self.ports.get(str(value), str(value)))
        return ends[0], ends[1]

    def _arc(self, arc: ET.Element, logic_inputs: dict[str, list[tuple[str, ET.Element]]]) -> None:
        cls = (arc.get("class") or "").strip()
        if not cls:
            self.fail(arc, "an <arc> needs a class attribute")
        source, target = self._ends(arc)
        where = f"line {self.tree.line(arc)}"
        if cls == "logic arc" or target in self.operators:
            return  # folded in with the operator's outgoing arc
        if cls == "equivalence arc":
            self.builder.dropped["equivalence arc"] += 1
            return
        if source in self.skipped or target in self.skipped:
            self.builder.dropped[f"{cls} arc to or from a source/sink or tag glyph"] += 1
            return
        extra: dict[str, Any] = {}
        for mark in children(arc, "glyph"):
            if mark.get("class") in ("cardinality", "stoichiometry") and _label(mark):
                extra["stoichiometry"] = _label(mark)
        if source in self.operators:
            self._through_operator(source, target, cls, where, extra, logic_inputs)
            return
        if source not in self.glyphs or target not in self.glyphs:
            self.builder.dropped["arc whose end is not a glyph of the map"] += 1
            return
        self.builder.add_relation(source, target, name=cls, where=where, extra=extra)

    def _through_operator(
        self, operator: str, target: str, cls: str, where: str, extra: dict[str, Any], logic_inputs: dict[str, list[tuple[str, ET.Element]]]
    ) -> None:
        inputs = self._operator_inputs(operator, logic_inputs, negated=False, depth=0)
        if not inputs or target not in self.glyphs:
            self.builder.dropped["logic operator without inputs or target"] += 1
            return
        for source, negated in inputs:
            relation = _negated(cls) if negated else None
            name = relation.value if relation is not None else cls
            self.builder.add_relation(
                source,
                target,
                name=name,
                where=where,
                extra={**extra, "logic": self.operators[operator], "sbgn_arc": cls},
            )
        self.builder.dropped[f"logic operator {self.operators[operator]!r} (folded into its arcs)"] += 1

    def _operator_inputs(self, operator: str, logic_inputs: dict[str, list[tuple[str, ET.Element]]], *, negated: bool, depth: int) -> list[tuple[str, bool]]:
        if depth > 20:
            return []
        negated ^= self.operators[operator] == "not"
        found: list[tuple[str, bool]] = []
        for source, _ in logic_inputs.get(operator, []):
            if source in self.operators:
                found += self._operator_inputs(source, logic_inputs, negated=negated, depth=depth + 1)
            elif source in self.glyphs:
                found.append((source, negated))
        return found


def _negated(cls: str) -> Relation | None:
    """The relation of an arc whose input passes a ``not``: the sign turns around; unsigned stays."""
    mapping = relation_for(cls)
    if mapping is None or mapping.relation.sign is Sign.UNKNOWN:
        return None
    return Relation.DECREASES if mapping.relation.sign is Sign.INCREASES else Relation.INCREASES


def _label(element: ET.Element) -> str:
    label = child(element, "label")
    return " ".join((label.get("text") or "").split()) if label is not None else ""


def _decoration(element: ET.Element) -> str:
    """A state variable as ``value@variable``; a unit of information as its text."""
    state = child(element, "state")
    if state is not None:
        value, variable = state.get("value") or "", state.get("variable") or ""
        return f"{value}@{variable}" if variable else value
    return _label(element) or (element.get("class") or "")


def _has_clone(element: ET.Element) -> bool:
    return child(element, "clone") is not None


def _center(box: ET.Element) -> dict[str, float] | None:
    try:
        x, y = float(box.get("x", "")), float(box.get("y", ""))
        w, h = float(box.get("w", "0")), float(box.get("h", "0"))
    except ValueError:
        return None
    return {"x": x + w / 2, "y": y + h / 2}
