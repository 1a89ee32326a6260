"""The single-leg heel-raise test as a state machine driven by the clock (Hébert-Losier et al. 2017).

Per leg, left then right: a 3-2-1 get-ready, then a metronome at 60 beats a minute, one beat up
and one beat down, so a raise takes two beats and a minute holds 30 of them. A raise counts when
its down beat ends; a stop in the middle of a raise does not count it. Two minutes' rest between
the legs. Nothing here sleeps: every count is worked out from the clock when asked.

The test goes to fatigue and has no time limit, but the metronome counts on its own, so a leg left
alone would count for ever. After QUIET_RAISES raises without a key the leg pauses and asks: carry
on (the count goes on from there, after a 3-2-1) or end the leg with the raises so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from soleus_tui.core.clock import Clock
from soleus_tui.core.session import ExerciseLog, Session, SetLog

BEAT_S = 1.0  # 60 beats a minute
BEATS_A_RAISE = 2  # up on one beat, down on the next
GET_READY_S = 3.0
REST_BETWEEN_LEGS_S = 120.0
# Two minutes on the metronome: twice the 30 raises in a row that runners aim for, and about three
# standard deviations above the mean of Lunsford & Perry (27.9, SD about 10), so a test under way
# is rarely stopped, and one that is carries on with one key.
QUIET_RAISES = 60
LEGS = ("left", "right")
KNEES = {"straight": 0, "bent": 45}  # degrees of knee bend: the bent-knee test is done at about 45
EXERCISE_IDS = {"straight": "heel-raise-test-straight", "bent": "heel-raise-test-bent"}
EXERCISE_NAMES = {"straight": "Heel-raise test, straight knee", "bent": "Heel-raise test, bent knee"}


class Stage(StrEnum):
    READY = "ready"  # waiting for enter to start this leg
    GET_READY = "get_ready"
    RAISING = "raising"
    PAUSED = "paused"  # no key for QUIET_RAISES raises: carry on, or end the leg
    REST = "rest"  # between the legs
    DONE = "done"


class Event(StrEnum):
    GO = "go"  # the get-ready ended: the metronome runs
    RAISE = "raise"  # a raise was counted
    PAUSED = "paused"  # the leg went quiet and waits for an answer
    REST_OVER = "rest_over"
    DONE = "done"  # the second leg stopped: the test is complete


@dataclass
class HeelRaiseTest:
    clock: Clock
    knee: str = "straight"
    stage: Stage = Stage.READY
    leg: int = 0  # index into LEGS
    raises: dict[str, int] = field(default_factory=dict)  # per leg, once stopped
    stage_started: float = 0.0  # monotonic
    counted: int = 0  # raises of this leg already reported as events
    taken_back: int = 0  # of this leg, while it runs
    carried: int = 0  # raises of this leg before it paused, which its count goes on from
    heard_beat: int = 0  # the beat of the metronome at the last key
    paused_at: datetime | None = None
    started: datetime | None = None
    leg_times: dict[str, tuple[datetime, datetime]] = field(default_factory=dict)
    leg_started: datetime | None = None

    # -- where we are ---------------------------------------------------------------------------

    @property
    def side(self) -> str:
        return LEGS[self.leg]

    def _elapsed(self) -> float:
        return max(self.clock.monotonic() - self.stage_started, 0.0)

    def get_ready_remaining(self) -> float:
        return GET_READY_S - self._elapsed()

    def rest_remaining(self) -> float:
        return REST_BETWEEN_LEGS_S - self._elapsed()

    def beats(self) -> int:
        """Whole beats since the metronome started."""
        return int(self._elapsed() // BEAT_S)

    def until_next_beat(self) -> float:
        """Seconds to the next whole beat of this stage: when the screen next changes."""
        return BEAT_S - self._elapsed() % BEAT_S

    def beat_is_up(self) -> bool:
        return self.beats() % BEATS_A_RAISE == 0

    def raises_now(self) -> int:
        """Raises of the leg in play: counting while it runs, as paused or stopped afterwards."""
        if self.stage is Stage.RAISING:
            return max(self.carried + self.beats() // BEATS_A_RAISE - self.taken_back, 0)
        if self.stage is Stage.PAUSED:
            return self.carried
        return self.raises.get(self.side, 0)

    def _pause_beat(self) -> int:
        """The beat at which the leg pauses if no key comes first: the end of a whole raise."""
        beat = self.heard_beat + QUIET_RAISES * BEATS_A_RAISE
        return beat + beat % BEATS_A_RAISE

    # -- keys -------------------------------------------------------------------------------------

    def choose(self, knee: str) -> bool:
        """Straight or bent knee: only before the first leg starts."""
        if knee not in KNEES or self.stage is not Stage.READY or self.leg:
            return False
        self.knee = knee
        return True

    def start_leg(self) -> bool:
        if self.stage is not Stage.READY:
            return False
        now = self.clock.now()
        self.started = self.started or now
        self.leg_started = now
        self.carried = 0
        self._enter(Stage.GET_READY)
        return True

    def heard(self) -> list[Event]:
        """A key was pressed while the leg runs: someone is there, so it does not pause yet."""
        events = self.advance()
        if self.stage is Stage.RAISING:
            self.heard_beat = self.beats()
        return events

    def resume(self) -> bool:
        """Carry on after a pause: a 3-2-1, then the count goes on from where it stood."""
        if self.stage is not Stage.PAUSED:
            return False
        self._enter(Stage.GET_READY)
        return True

    def stop(self) -> list[Event]:
        """The user stopped (pace, height or position lost), or ended a paused leg: the raises so
        far stand. A paused leg ended when it paused, however long the answer took."""
        events = self.advance()
        if self.stage not in (Stage.RAISING, Stage.PAUSED):
            return events
        ended = self.paused_at if self.stage is Stage.PAUSED and self.paused_at else self.clock.now()
        self.raises[self.side] = self.raises_now()
        assert self.leg_started is not None
        self.leg_times[self.side] = (self.leg_started, ended)
        if self.leg + 1 < len(LEGS):
            self._enter(Stage.REST)
        else:
            self._enter(Stage.DONE)
            events.append(Event.DONE)
        return events

    def take_back(self) -> bool:
        """Take back the last raise: of the leg running or paused, or during the rest, of the leg just done."""
        self.heard()
        if self.stage is Stage.RAISING and self.raises_now() > 0:
            self.taken_back += 1
            self.counted -= 1
            return True
        if self.stage is Stage.PAUSED and self.carried > 0:
            self.carried -= 1
            return True
        if self.stage is Stage.REST and self.raises[LEGS[0]] > 0:
            self.raises[LEGS[0]] -= 1
            return True
        return False

    def skip_rest(self) -> bool:
        if self.stage is not Stage.REST:
            return False
        self._next_leg()
        return True

    # -- time -------------------------------------------------------------------------------------

    def advance(self) -> list[Event]:
        """Turn the time that passed into events."""
        events: list[Event] = []
        if self.stage is Stage.GET_READY and self.get_ready_remaining() <= 0:
            self._enter(Stage.RAISING, at=self.stage_started + GET_READY_S)
            events.append(Event.GO)
        if self.stage is Stage.RAISING:
            pause_beat = self._pause_beat()
            quiet = self.beats() >= pause_beat
            now = max(self.carried + pause_beat // BEATS_A_RAISE - self.taken_back, 0) if quiet else self.raises_now()
            events += [Event.RAISE] * max(now - self.counted, 0)
            self.counted = max(self.counted, now)
            if quiet:
                self._pause(now, at=self.stage_started + pause_beat * BEAT_S)
                events.append(Event.PAUSED)
        if self.stage is Stage.REST and self.rest_remaining() <= 0:
            self._next_leg()
            events.append(Event.REST_OVER)
        return events

    def _pause(self, raises: int, at: float) -> None:
        self.carried = raises
        self.paused_at = (self.clock.now() - timedelta(seconds=self.clock.monotonic() - at)).replace(microsecond=0)
        self._enter(Stage.PAUSED, at=at)

    def _next_leg(self) -> None:
        self.leg += 1
        self._enter(Stage.READY)

    def _enter(self, stage: Stage, at: float | None = None) -> None:
        self.stage = stage
        self.stage_started = self.clock.monotonic() if at is None else at
        if stage is Stage.RAISING:
            self.counted, self.taken_back, self.heard_beat = self.carried, 0, 0

    # -- the outcome ------------------------------------------------------------------------------

    def session(self) -> Session:
        """The finished test as a session file's content: one exercise, a set per leg."""
        assert self.stage is Stage.DONE and self.started is not None
        sets = [
            SetLog(reps=self.raises[leg], hold_s=0.0, load_kg=0.0, side=leg, started=begin, ended=end)
            for leg in LEGS
            for begin, end in [self.leg_times[leg]]
        ]
        exercise = ExerciseLog(EXERCISE_IDS[self.knee], EXERCISE_NAMES[self.knee], sets, knee_angle=KNEES[self.knee])
        return Session(self.started, sets[-1].ended, [exercise], kind="test")
