"""Audit a curated graph for what an immunologist would question: thin evidence, merged
entities, contexts chained across species or cell types, missing identifiers, routes and titles.

>>> from mechgraph.graph import read_graph
>>> report = audit(read_graph())
>>> sorted(report.counts()) == sorted(rule.value for rule in report.rules)
True
"""

from .reference import Reference, ReferenceEntry, parse_reference, read_reference
from .report import AuditReport, Finding, Rule
from .rules import CHAIN_MIN_RELATIONS, HEAVY_SOURCE_RELATIONS, MANY_AGENTS, audit

__all__ = [
    "CHAIN_MIN_RELATIONS",
    "HEAVY_SOURCE_RELATIONS",
    "MANY_AGENTS",
    "AuditReport",
    "Finding",
    "Reference",
    "ReferenceEntry",
    "Rule",
    "audit",
    "parse_reference",
    "read_reference",
]
