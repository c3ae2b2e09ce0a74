"""The exhaustive proof over every path, and the mutation check that shows it can fail."""

import pytest

from app.pathways.engine import Pathway
from tests.pathways.mutations import mutations
from tests.pathways.proof import prove


@pytest.fixture(scope="module")
def proof(pathway):
    return prove(pathway)


def test_every_plan_on_every_path_follows_the_policy(proof):
    assert proof.failures == []
    assert proof.plans > 50_000
    assert len(proof.paths) >= 17  # distinct sequences of questions asked


def test_the_proof_exercises_every_rule_and_every_guidance_item(proof, graph):
    every = {(r.action_kind, r.id) for r in graph.rules}
    every |= {(g.category, g.id) for g in graph.guidance}
    assert every - proof.fired == set()


def test_the_proof_walks_each_contract_question(proof, graph):
    asked = {q for path in proof.paths for q in path}
    assert asked == set(graph.questions)


def _mutants():
    from app.db.loader import load_valid_graph
    from tests.conftest import REPO

    return mutations(load_valid_graph(REPO / "resources" / "directory.sqlite"))


MUTANTS = _mutants()


@pytest.mark.parametrize("name", sorted(MUTANTS))
def test_removing_any_rule_makes_the_proof_fail(name):
    result = prove(Pathway(MUTANTS[name]), stop_at_first=True)
    assert result.failures, f"the proof still passes without {name}"
