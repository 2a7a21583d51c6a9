"""The one condition vocabulary (nlp/resources/conditions.json): every id the tagger, the fact files and the gold
sets use is in it, and the checker reads the tagger's names as the tagger does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from facts import conditions as cond
from facts.curated import load_curated
from facts.loader import DATA_DIR
from facts.verdict_rules import ANY_DISEASE
from nlp.health_terms import HealthTerms
from nlp.lexicon import condition_terms, load_conditions

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def tagger():
    """A blank English pipeline with sentences and the tagger's condition matcher (no substances)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, HealthTerms(nlp, substances=False, conditions=True)


def tagged(tagger, text: str) -> list[str]:
    """The condition ids the tagger's matcher finds in a text."""
    nlp, terms = tagger
    doc = terms(nlp(text))
    return [span.label_ for span in doc.spans["conditions"]]


def test_the_facts_package_keeps_no_copy_of_the_vocabulary():
    assert not (DATA_DIR / "conditions.yaml").exists()


def test_every_condition_id_a_fact_file_uses_is_in_the_vocabulary():
    vocabulary = load_conditions()
    used = {i for fact in load_curated() for i in fact.get("indications") or []} - {ANY_DISEASE}
    assert used and used <= set(vocabulary), sorted(used - set(vocabulary))


def test_every_condition_id_the_tagger_can_emit_is_in_the_vocabulary(tagger):
    emitted = {label for label, kind in tagger[1].kind.items() if kind == "condition"}
    assert emitted == set(load_conditions())


def test_the_checker_reads_every_tagger_name_as_the_tagger_does():
    # One name, one id: no synonym is claimed by two conditions, so tagger and checker never disagree.
    for cid in load_conditions():
        for term in condition_terms(cid):
            assert cond.canonical(term) == cid, (term, cid, cond.canonical(term))


def test_every_condition_in_the_gold_sets_is_in_the_vocabulary():
    vocabulary = set(load_conditions())
    for name in ("claims.jsonl", "claims_heldout.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            assert set(item.get("conditions") or []) <= vocabulary, (name, item["id"])
    for name in ("verdicts.jsonl", "verdicts_heldout.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            claim = json.loads(line)["claim"]
            # Verdict gold may write a synonym ("weight loss"); it must name a known condition.
            assert {cond.canonical(c) for c in claim.get("conditions") or []} <= vocabulary, claim["text"]


def test_loose_words_are_read_by_the_checker_but_never_tagged(tagger):
    assert tagged(tagger, "CBD helps you sleep and gives you energy.") == []
    assert tagged(tagger, "Melatonin is sold for sleep disorders and jet lag.") == ["sleep", "jet lag"]
    assert cond.named_in("NAD+ drips give you energy.") == ["fatigue"]


def test_the_checker_attributes_live_in_the_same_file():
    assert not cond.is_disease("weight loss") and cond.is_disease("obesity")
    assert not cond.is_disease("ageing") and cond.is_disease("chronic fatigue syndrome")
    assert cond.relation("parasitic infection", "head lice") == "same"  # an umbrella: any member meets it
    assert cond.relation("depression", "treatment-resistant depression") == "broader"
    assert cond.relation("trauma", "ptsd") == "broader"  # PTSD is one trauma-related disorder
    assert cond.relation("migraine", "pain") == "narrower"
    assert cond.display("ptsd") == "PTSD" and cond.display("covid") == "COVID-19"
