"""Effect goals: indicators with targets, measurements over time, staleness.

- `tables`: indicator, measurement and the `measurement_change` audit.
- `rules`: pure target evaluation, staleness by calendar months, trend.
- `service`: seeding from `data/indicators.yaml`, validated and audited measurements, cards.
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
            "Target",
            "evaluate",
            "add_months",
            "is_stale",
            "Trend",
            "trend",
        ],
        "service": [
            "MeasurementError",
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
