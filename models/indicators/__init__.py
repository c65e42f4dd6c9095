"""Effect goals: indicators with targets, measurements over time, staleness.

- `tables`: indicator, measurement and the `measurement_change` audit.
- `rules`: pure rules: targets and their validity (only a current target is evaluated),
  evaluation, date precision ("ca. 2019"), staleness by calendar months, trend.
- `service`: seeding from `data/indicators.yaml` (idempotent, refreshes what the YAML owns),
  validated and audited measurements, cards.
- `measurement_import`: the all-or-nothing CSV/XLSX import.

Builds on `models.core` and `models.auth`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "measurement_import": [
            "MeasurementRow",
            "ParsedMeasurements",
            "parse_measurements",
            "apply_measurements",
        ],
        "rules": [
            "Direction",
            "Frequency",
            "TargetStatus",
            "TargetState",
            "EVALUATED",
            "Target",
            "unit_text",
            "with_unit",
            "evaluate",
            "evaluate_at",
            "DatePrecision",
            "period_of",
            "period_middle",
            "date_label",
            "value_label",
            "read_source_date",
            "add_months",
            "current_until",
            "is_stale",
            "Trend",
            "trend",
        ],
        "service": [
            "MeasurementError",
            "SOURCE_USER",
            "IndicatorSeed",
            "seed_indicators",
            "validate_measurement",
            "record_measurement",
            "MeasurementView",
            "IndicatorCard",
            "indicator_cards",
            "measurement_revision",
        ],
        "tables": ["Unit", "Indicator", "Measurement", "MeasurementChange"],
    },
)
