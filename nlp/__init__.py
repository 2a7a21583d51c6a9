"""NLP: find and tag health claims in articles with spaCy."""
