"""Regulatory fact base and the claim checker."""
