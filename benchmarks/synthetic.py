"""Ten years of daily workouts for the benchmarks: the same generator the tests use."""

from tests.support.histories import write_years as write_history

__all__ = ["write_history"]
