"""The weekly-review tests share the seeded plan with erik's edits and their users."""

from tests.models.reviews.test_service import edited, erik, vera

__all__ = ["edited", "erik", "vera"]
