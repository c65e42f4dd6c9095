"""Weekly reminder e-mails: owners hear about their actions that need attention, the steering
group gets a summary before the review (`manage.py send-reminders`).

- `messages`: the Danish e-mails (plain text and an HTML alternative), built from what an
  e-mail may say about an action (`ListedAction`: never a note, never case data).
- `log`: the `reminder_log` table: to whom, what kind, when and how many actions; never a body.
- `service`: who gets what, the SMTP connection from the settings, the dry run, and sending
  each kind of e-mail at most once per person per local day.

Builds on `models.core`, `models.auth` and `models.plan`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "log": ["ReminderKind", "ReminderLog", "sent_on", "list_reminders"],
        "messages": [
            "Recipient",
            "Links",
            "ListedAction",
            "owner_message",
            "summary_message",
        ],
        "service": [
            "ReminderError",
            "SmtpUnavailable",
            "Skip",
            "Reminder",
            "Outcome",
            "ReminderResult",
            "plan_reminders",
            "build_message",
            "links_from",
            "check_smtp_settings",
            "preview_reminders",
            "send_reminders",
        ],
    },
)
