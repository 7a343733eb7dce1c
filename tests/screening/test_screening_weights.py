"""The cheaper arithmetic of the weights gives exactly what Python's own gives."""

import math
import random

from hireloop.screening.weights import BASE_WEIGHT, LIST_FACTOR, SECTION_FACTOR, recency, round3


def near_halves(rng: random.Random) -> list[float]:
    """Floats within a few units in the last place of k.5 thousandths, where rounding is hard."""
    values: list[float] = []
    for _ in range(3_000):
        tie = (rng.randrange(0, 2_000_000) + 0.5) / 1000.0
        value = tie
        for _step in range(4):
            values += [value, -value]
            value = math.nextafter(value, math.inf)
        value = tie
        for _step in range(4):
            value = math.nextafter(value, -math.inf)
            values.append(value)
    return values


def weights() -> list[float]:
    """Every weight the engine can round: kind x strength x factor over many ages."""
    strengths = [0.25, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0, 1.2, 1.5]
    values: list[float] = []
    for base in BASE_WEIGHT.values():
        for section in SECTION_FACTOR.values():
            for list_factor in (1.0, LIST_FACTOR):
                for tenths in range(0, 400):
                    factor = section * list_factor * recency(tenths / 10)
                    values += [base * strength * factor for strength in strengths]
    return values


def test_round3_is_round_to_three_decimals() -> None:
    rng = random.Random(3)
    values = near_halves(rng) + weights()
    values += [rng.uniform(0, 1) for _ in range(20_000)]
    values += [rng.uniform(0, 2_000) for _ in range(20_000)]
    values += [math.ldexp(rng.random(), rng.randint(-1_100, 1_020)) for _ in range(20_000)]
    values += [rng.randrange(0, 10**7) / 1000.0 for _ in range(20_000)]
    values += [0.0, -0.0, 5e-324, 0.0005, 0.0015, 999.9995, 1e6, 1e300, math.inf, -math.inf]
    values += [math.nan, -1.2345, 2.675, 1.0005, 0.1 + 0.2, 0.0625, 0.1875, 1.0625]
    for value in values:
        assert repr(round3(value)) == repr(round(value, 3)), value
