"""The steering group's weekly review (*Ugentlig gennemgang*) and its minutes.

- `tables`: `weekly_review` (date, who started it, attendees, when and by whom it was saved,
  the headline figures when it started, where "since the last review" starts) and
  `review_item` (one action in one agenda section, *drøftet* with a decision or not).
- `service`: start or resume a review (the agenda built from the plan: new Obs, overdue, due
  within 30 days, not confirmed, changed since the last review), mark items *drøftet*, save it
  with its attendees; the headline figures with their change since the last review.
- `minutes`: the review's minutes (*Referat*) as Word.

Builds on `models.plan` (and `models.core`, `models.auth`); beside `models.reports`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "minutes": ["Minutes", "minutes", "minutes_title", "build_minutes_docx"],
        "service": [
            "FIRST_REVIEW_DAYS",
            "FIGURES",
            "ReviewError",
            "Trend",
            "Figure",
            "signed_da",
            "plan_figures",
            "headline",
            "AgendaEntry",
            "describe_changes",
            "build_agenda",
            "ReviewView",
            "AgendaItem",
            "open_review",
            "get_review",
            "list_reviews",
            "review_items",
            "section_heading",
            "agenda_sections",
            "start_review",
            "ItemMark",
            "record_discussions",
            "close_review",
        ],
        "tables": ["ReviewSection", "WeeklyReview", "ReviewItem"],
    },
)
