"""Maps ingredient names in official data (ESKETAMINE HYDROCHLORIDE) to canonical substance ids."""

from __future__ import annotations

import re
from functools import cache

from nlp.lexicon import load_substances

# Salt and ester words that name the form of an ingredient, not a different substance.
SALT_WORDS = {
    "hydrochloride", "hcl", "sulfate", "sulphate", "sodium", "potassium", "calcium", "acetate", "tartrate",
    "bitartrate", "maleate", "citrate", "phosphate", "mesylate", "besylate", "bromide", "hydrobromide",
    "cypionate", "enanthate", "undecanoate", "propionate", "succinate", "fumarate", "dihydrate", "monohydrate",
    "anhydrous", "base", "free", "saccharate", "aspartate", "dimesylate", "lysine", "recombinant",
}


@cache
def _names() -> dict[str, str]:
    """Every lexicon id and synonym (lower case) mapped to its canonical id."""
    table = {}
    for sid, entry in load_substances().items():
        table.setdefault(sid.lower(), sid)
        for synonym in entry.get("synonyms") or []:
            # Short slang synonyms ("K", "pot") would mis-map official ingredient names.
            if len(synonym) >= 4:
                table.setdefault(synonym.lower(), sid)
    return table


def substance_for(ingredient: str) -> str | None:
    """The canonical id of one ingredient name, or None when the lexicon does not know it."""
    full = " ".join(w for w in re.split(r"[\s,()]+", ingredient.lower()) if w)
    words = [w for w in full.split() if w not in SALT_WORDS]
    if full in _names():  # e.g. SODIUM OXYBATE, where the "salt" word is part of the name
        return _names()[full]
    if not words:
        return None
    return _names().get(" ".join(words)) or _names().get(words[0])


def substances_for(ingredients: str) -> list[str]:
    """Canonical ids of a ';'-separated ingredient list (combination products give several)."""
    out = []
    for part in re.split(r";|\band\b", ingredients or ""):
        sid = substance_for(part.strip()) if part.strip() else None
        if sid and sid not in out:
            out.append(sid)
    return out
