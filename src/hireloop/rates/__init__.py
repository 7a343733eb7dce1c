"""Rate validation: normalise market figures, check a proposed day rate, show the economics."""
