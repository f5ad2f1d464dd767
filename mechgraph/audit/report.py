"""What an audit returns: findings, each under a named rule, and the report that holds them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["AuditReport", "Finding", "Rule"]


class Rule(StrEnum):
    """The audit's rules: the name printed and written to JSON (the value), and what the rule reports."""

    HEAVY_SOURCE = "heavy-source", "sources that many relations rest on alone"
    CHAIN_ON_ONE_SOURCE = "chain-on-one-source", "agents whose chain of relations rests on one source alone"
    SOURCE_FOR_MANY_AGENTS = "source-for-many-agents", "sources cited for the relations of many agents"
    URL_ONLY_WITHOUT_NOTE = "url-only-without-note", "relations citing only URLs, without a note of what the source states"
    SINGLE_SOURCE = "single-source", "relations resting on one source"
    MERGED_ENTITY = "merged-entity", "nodes that merge distinct entities (several genes or drugs in one node)"
    CONTEXT_CONFLICT = "context-conflict", "relations chained at a node across different species or cell types"
    MISSING_IDENTIFIER = "missing-identifier", "nodes without an identifier the reference sheets give"
    AGENT_WITHOUT_ROUTE = "agent-without-route", "agents without routes"
    SOURCE_WITHOUT_TITLE = "source-without-title", "sources without a title"

    description: str  # what the rule reports, for the audit's summary

    def __new__(cls, value: str, description: str) -> Rule:
        rule = str.__new__(cls, value)
        rule._value_ = value
        rule.description = description
        return rule


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
