"""Copies of the graph with one rule taken out: the proof must fail on every one of them."""

from __future__ import annotations

import dataclasses

from app.pathways.graph import Graph


def mutations(graph: Graph) -> dict[str, Graph]:
    """One mutant per outcome rule, guidance item and conditional edge of the flow."""
    mutants: dict[str, Graph] = {}
    for rule in graph.rules:
        rules = [r for r in graph.rules if r is not rule]
        mutants[f"rule {rule.action_kind}/{rule.id}"] = dataclasses.replace(graph, rules=rules)
    for item in graph.guidance:
        guidance = [g for g in graph.guidance if g is not item]
        mutants[f"{item.category} {item.id}"] = dataclasses.replace(graph, guidance=guidance)
    for source, edges in graph.edges.items():
        for edge in edges:
            if edge.when is None:
                continue  # an unconditional edge's removal is caught by the validator alone
            kept = {**graph.edges, source: [e for e in edges if e is not edge]}
            mutants[f"edge {source} -> {edge.target}"] = dataclasses.replace(graph, edges=kept)
    return mutants
