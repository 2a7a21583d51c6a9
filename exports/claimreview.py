"""schema.org ClaimReview JSON-LD for a claim record, so fact-check search tools can read our verdicts."""

from __future__ import annotations

from datetime import date

# One rating scale for the five verdict labels: 1 contradicts the record, 5 agrees with it.
RATINGS = {
    "inconsistent": (1, "Inconsistent with the regulatory record"),
    "unapproved_use": (2, "Unapproved use"),
    "partly_consistent": (3, "Partly consistent with the regulatory record"),
    "consistent": (5, "Consistent with the regulatory record"),
    "not_covered": (None, "Not covered by the regulatory record"),
}
# When a claim has several verdicts (one per fact), the review rates it by the most serious.
SEVERITY = ["inconsistent", "unapproved_use", "partly_consistent", "consistent", "not_covered"]
PUBLISHER = {"@type": "Organization", "name": "healthclaims fact-check dataset"}


def overall_verdict(verdicts: list[dict]) -> str:
    """The most serious verdict label among a claim's verdicts."""
    labels = {v["verdict"] for v in verdicts} or {"not_covered"}
    return next(label for label in SEVERITY if label in labels)


def claim_review(record: dict, review_base_url: str | None = None) -> dict:
    """A ClaimReview object for one claim record in the contract shape."""
    label = overall_verdict(record["verdicts"])
    value, name = RATINGS[label]
    rationale = " ".join(v["rationale"] for v in record["verdicts"] if v["verdict"] == label)
    article = record["article"]
    rating = {"@type": "Rating", "alternateName": name, "name": label, "bestRating": 5, "worstRating": 1}
    if value is not None:
        rating["ratingValue"] = value
    if rationale:
        rating["ratingExplanation"] = rationale
    claimant = record["claimant"]
    urls = list(dict.fromkeys([article["url"], *(article.get("appearances") or [])]))
    appearance = [{"@type": "CreativeWork", "url": url} for url in urls]
    appearance[0]["headline"] = article["title"]
    if article.get("publisher"):
        appearance[0]["publisher"] = {"@type": "Organization", "name": article["publisher"]}
    item = {"@type": "Claim", "appearance": appearance}
    if claimant.get("name"):
        item["author"] = {
            "@type": "Organization" if claimant.get("role") == "organisation" else "Person",
            "name": claimant["name"],
        }
    elif claimant.get("role") in ("author", "organisation") and article.get("publisher"):
        # An unnamed writer speaks for the outlet that published the claim.
        item["author"] = {"@type": "Organization", "name": article["publisher"]}
    if article.get("published"):
        item["datePublished"] = article["published"]
    base = review_base_url or article["url"]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base}#claim-{record['claim_id']}",
        "claimReviewed": record["text"],
        "reviewRating": rating,
        "itemReviewed": item,
        "author": PUBLISHER,
        "datePublished": date.today().isoformat(),
        "citation": sorted({v["source_url"] for v in record["verdicts"] if v.get("source_url")}),
    }
