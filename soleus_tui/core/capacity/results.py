"""What a heel-raise test says: left against right, against the last test, against the norms.

Numbers from anatomy.md section 7: norms for the straight-knee test by age band and sex
(Hébert-Losier et al. 2017, via a secondary source), a real change between two days of more than
about 6 raises (same study), sides within 10 % as the clinics' rule of thumb. A norm is a
reference to read a result against, never a diagnosis.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from soleus_tui.core.capacity.protocol import EXERCISE_IDS
from soleus_tui.core.session import Session

SYMMETRY_MARK_PCT = 90  # under this the sides differ by more than the 10 % clinics aim for
REAL_CHANGE_RAISES = 6  # more than this between two tests is beyond day-to-day variation

# (first age, last age or None for "and over", men, women): raises to fatigue, straight knee
NORMS = (
    (20, 29, 37, 30),
    (30, 39, 32, 27),
    (40, 49, 28, 24),
    (50, 59, 23, 21),
    (60, 69, 19, 19),
    (70, 79, 14, 16),
    (80, None, 10, 13),
)
KNEE_OF_ID = {exercise_id: knee for knee, exercise_id in EXERCISE_IDS.items()}


@dataclass(frozen=True)
class CapacityResult:
    knee: str  # "straight" or "bent"
    when: datetime
    left: int
    right: int

    @property
    def symmetry_pct(self) -> int | None:
        """Weaker ÷ stronger in whole percent, rounded down so that 89.7 reads as under 90;
        None when neither side managed a raise."""
        stronger = max(self.left, self.right)
        if stronger == 0:
            return None
        return min(self.left, self.right) * 100 // stronger

    @property
    def uneven(self) -> bool:
        pct = self.symmetry_pct
        return pct is not None and pct < SYMMETRY_MARK_PCT

    @property
    def weaker_side(self) -> str | None:
        if self.left == self.right:
            return None
        return "left" if self.left < self.right else "right"


def result_of(session: Session) -> CapacityResult | None:
    """The test in a session file, or None for a training session or a test missing a side."""
    if session.kind != "test":
        return None
    for exercise in session.exercises:
        knee = KNEE_OF_ID.get(exercise.id)
        sides = {s.side: s.reps for s in exercise.sets}
        if knee is not None and {"left", "right"} <= sides.keys():
            return CapacityResult(knee, session.started, sides["left"], sides["right"])
    return None


def capacity_results(sessions_newest_first: Iterable[Session]) -> list[CapacityResult]:
    return [result for session in sessions_newest_first if (result := result_of(session)) is not None]


def previous_of_kind(results_newest_first: Iterable[CapacityResult], knee: str, before: datetime) -> CapacityResult | None:
    return next((r for r in results_newest_first if r.knee == knee and r.when < before), None)


@dataclass(frozen=True)
class Change:
    left: int
    right: int

    @staticmethod
    def between(now: CapacityResult, before: CapacityResult) -> Change:
        return Change(now.left - before.left, now.right - before.right)

    def sides(self) -> tuple[tuple[str, int], tuple[str, int]]:
        return ("left", self.left), ("right", self.right)

    @staticmethod
    def real(delta: int) -> bool:
        """More than the day-to-day variation of the test."""
        return abs(delta) > REAL_CHANGE_RAISES


# -- norms ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Norm:
    band: str  # "30-39", "80+"
    sex: str  # "female" or "male"
    raises: int


def band_label(first: int, last: int | None) -> str:
    return f"{first}+" if last is None else f"{first}-{last}"


def age_in(year: int, birth_year: int) -> int:
    """Age reached this calendar year: the birth date is not asked, so it may be one year high."""
    return year - birth_year


def norm_for(age: int, sex: str) -> Norm | None:
    """The published reference for this age and sex; None under 20 or for an unknown sex."""
    if sex not in ("female", "male"):
        return None
    for first, last, men, women in NORMS:
        if first <= age and (last is None or age <= last):
            return Norm(band_label(first, last), sex, men if sex == "male" else women)
    return None


def norm_table() -> list[tuple[str, int, int]]:
    """Every band: (label, men, women)."""
    return [(band_label(first, last), men, women) for first, last, men, women in NORMS]


# -- typed values for the norms: each returns (value, "") or (None, the reason); blank skips -------


def parse_birth_year(text: str, this_year: int) -> tuple[int | None, str]:
    text = text.strip()
    if not text:
        return None, ""
    if not (text.isdigit() and len(text) == 4):
        return None, "A birth year has four digits, like 1984"
    year = int(text)
    if not this_year - 110 <= year <= this_year:
        return None, f"A birth year from {this_year - 110} to {this_year}"
    return year, ""


def parse_sex(text: str) -> tuple[str | None, str]:
    """The published norms are given for women and men: f or m, or the whole word."""
    text = text.strip().lower()
    if not text:
        return None, ""
    for sex in ("female", "male"):
        if text in (sex, sex[0], SEX_WORDS_PLURAL[sex]):
            return sex, ""
    return None, "f for the women's norms, m for the men's, or leave it blank"


SEX_WORDS_PLURAL = {"female": "women", "male": "men"}
