"""The build's one error type, kept light so the command line can catch it without loading nbclient."""


class BuildError(Exception):
    """A lesson could not be built; the message says which lesson and why."""
