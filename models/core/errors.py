"""The base for errors whose Danish message is meant for the person who caused them."""


class DomainError(ValueError):
    """Bad input or a refused command; `str(error)` is a Danish sentence saying what and where."""
