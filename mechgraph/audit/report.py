"""What an audit returns: findings, each under a named rule, and the report that holds them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["AuditReport", "Finding", "Rule"]


class Rule(StrEnum):
    """The audit's rules. Values are the names printed and written to JSON."""

    HEAVY_SOURCE = "heavy-source"
    CHAIN_ON_ONE_SOURCE = "chain-on-one-source"
    SOURCE_FOR_MANY_AGENTS = "source-for-many-agents"
    URL_ONLY_WITHOUT_NOTE = "url-only-without-note"
    SINGLE_SOURCE = "single-source"
    MERGED_ENTITY = "merged-entity"
    CONTEXT_CONFLICT = "context-conflict"
    MISSING_IDENTIFIER = "missing-identifier"
    AGENT_WITHOUT_ROUTE = "agent-without-route"
    SOURCE_WITHOUT_TITLE = "source-without-title"

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    Rule.HEAVY_SOURCE: "sources that many relations rest on alone",
    Rule.CHAIN_ON_ONE_SOURCE: "agents whose chain of relations rests on one source alone",
    Rule.SOURCE_FOR_MANY_AGENTS: "sources cited for the relations of many agents",
    Rule.URL_ONLY_WITHOUT_NOTE: "relations citing only URLs, without a note of what the source states",
    Rule.SINGLE_SOURCE: "relations resting on one source",
    Rule.MERGED_ENTITY: "nodes that merge distinct entities (several genes or drugs in one node)",
    Rule.CONTEXT_CONFLICT: "relations chained at a node across different species or cell types",
    Rule.MISSING_IDENTIFIER: "nodes without an identifier the reference sheets give",
    Rule.AGENT_WITHOUT_ROUTE: "agents without routes",
    Rule.SOURCE_WITHOUT_TITLE: "sources without a title",
}


@dataclass(frozen=True)
class Finding:
    """One thing an auditor should look at: the rule, the ids involved and a one-line message."""

    rule: Rule
    message: str
    nodes: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule.value,
            "message": self.message,
            "nodes": list(self.nodes),
            "relations": list(self.relations),
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class AuditReport:
    """Every finding of an audit, in rule order, and which rules ran.

    A rule that needs the reference sheets is in ``skipped`` when none were given.
    """

    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...]
    skipped: tuple[Rule, ...] = ()
    thresholds: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.findings

    def by_rule(self) -> dict[Rule, list[Finding]]:
        """The findings of each rule that ran (an empty list for a rule with none)."""
        grouped: dict[Rule, list[Finding]] = {rule: [] for rule in self.rules}
        for finding in self.findings:
            grouped.setdefault(finding.rule, []).append(finding)
        return grouped

    def counts(self) -> dict[str, int]:
        return {rule.value: len(findings) for rule, findings in self.by_rule().items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "clean": self.clean,
            "counts": self.counts(),
            "skipped": [rule.value for rule in self.skipped],
            "thresholds": dict(self.thresholds),
            "findings": [finding.to_dict() for finding in self.findings],
        }


def sorted_ids(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(ids)))
