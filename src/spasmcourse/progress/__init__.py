"""The learner's progress: every checked answer, kept in SQLite in the user's data folder."""

from spasmcourse.progress.store import Attempt, ProgressError, ProgressStore, data_dir, open_store

__all__ = ["Attempt", "ProgressError", "ProgressStore", "data_dir", "open_store"]
