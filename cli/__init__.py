"""The healthclaims command line."""
