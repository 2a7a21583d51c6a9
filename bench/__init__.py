"""Benchmarks run by `make bench`: each figure printed beside its reference from the same run."""
