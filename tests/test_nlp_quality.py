"""Quality gate: the tagger's per-field scores on the gold sentences must not fall below pinned floors.

Floors are the scores reached, rounded down to two places; raise them when the scores rise, never lower
them quietly. `dev` is the set the rules were written against; `heldout` (demo-corpus sentences labelled
before the tagger first ran on them) shows how the rules carry to unseen text.
Run `python -m nlp.evaluation [FILE] --misses` to see every disagreement.
"""

from __future__ import annotations

import pytest

from nlp.evaluation import GOLD, evaluate, load_gold

# F1 for detection, sets and yes/no fields; accuracy for single-label fields.
F1_FIELDS = {"claim", "substances", "conditions", "doses", "hedged", "negated", "disputes"}
FLOORS = {
    # claimant allows a surname ('Musk' for 'Elon Musk'); claimant_name wants the full name ('Rogan' is a miss).
    "dev": {"claim": 1.0, "claim_type": 0.98, "substances": 1.0, "conditions": 1.0, "claimant": 0.99,
            "claimant_name": 0.99, "role": 0.98, "doses": 1.0, "hedged": 1.0, "negated": 1.0, "stance": 0.98,
            "disputes": 0.95},
    # First (blind) run on heldout: claim 0.93, claim_type 0.88, negated 0.76; two later general fixes
    # (crediting = efficacy, negation in ", so ..." clauses) were prompted partly by its errors.
    "heldout": {"claim": 0.93, "claim_type": 0.92, "substances": 0.98, "conditions": 0.97, "claimant": 0.95,
                "claimant_name": 0.94, "role": 0.89, "doses": 1.0, "hedged": 1.0, "negated": 0.83, "stance": 0.91,
                "disputes": 0.0},
}
FILES = {"dev": GOLD, "heldout": GOLD.parent / "claims_heldout.jsonl"}


@pytest.fixture(scope="module")
def scores():
    """Scores of both gold files with the full pipeline (the real NER)."""
    return {name: evaluate(load_gold(path))[0] for name, path in FILES.items()}


def test_gold_sets_are_big_enough():
    dev, heldout = load_gold(FILES["dev"]), load_gold(FILES["heldout"])
    assert len(dev) >= 150 and sum(not i["claim"] for i in dev) >= 40
    assert len({i["id"] for i in dev + heldout}) == len(dev) + len(heldout)


@pytest.mark.parametrize("gold_set", sorted(FLOORS))
def test_scores_stay_above_their_floors(scores, gold_set):
    got = scores[gold_set]
    below = {}
    for field, floor in FLOORS[gold_set].items():
        value = got[field]["f1"] if field in F1_FIELDS else got[field]["accuracy"]
        if value < floor:
            below[field] = (value, floor)
    assert not below, f"{gold_set}: fields below their floors (score, floor): {below}"


def test_claim_detection_meets_the_goal(scores):
    assert scores["dev"]["claim"]["f1"] >= 0.90
    assert scores["heldout"]["claim"]["f1"] >= 0.90
