"""The heel-raise test on a clock moved by hand: beats, counting, take-back, both legs, the file."""

from __future__ import annotations

import tomllib
from datetime import timedelta

import tomli_w

from soleus_tui.core.capacity.protocol import QUIET_RAISES, Event, HeelRaiseTest, Stage
from tests.support.clock import ManualClock
from soleus_tui.core.session import session_from_dict, session_to_dict


def started(clock: ManualClock, knee: str = "straight") -> HeelRaiseTest:
    test = HeelRaiseTest(clock)
    assert test.choose(knee)
    assert test.start_leg()
    clock.advance(3)
    assert test.advance() == [Event.GO]
    return test


def test_the_get_ready_counts_three_seconds_down(clock: ManualClock) -> None:
    test = HeelRaiseTest(clock)
    test.start_leg()
    assert test.stage is Stage.GET_READY and test.get_ready_remaining() == 3
    clock.advance(2.5)
    assert test.advance() == [] and test.stage is Stage.GET_READY
    clock.advance(0.5)
    assert test.advance() == [Event.GO] and test.stage is Stage.RAISING


def test_a_minute_at_sixty_beats_is_thirty_raises(clock: ManualClock) -> None:
    test = started(clock)
    raises = 0
    for second in range(60):
        assert test.beat_is_up() is (second % 2 == 0)
        clock.advance(1)
        raises += test.advance().count(Event.RAISE)
    assert raises == 30 and test.raises_now() == 30


def test_a_late_tick_counts_every_raise_it_missed(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(21)
    assert test.advance() == [Event.RAISE] * 10


def test_a_stop_in_the_middle_of_a_raise_does_not_count_it(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(7.5)  # raise 4 is on its way down
    test.stop()
    assert test.raises == {"left": 3}
    assert test.stage is Stage.REST and test.rest_remaining() == 120


def test_take_back_while_raising_and_during_the_rest(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(10)
    assert test.take_back() and test.raises_now() == 4
    clock.advance(2)
    assert test.advance() == [Event.RAISE]  # the next raise counts again, and only once
    assert test.raises_now() == 5
    test.stop()
    assert test.take_back() and test.raises == {"left": 4}


def test_there_is_nothing_to_take_back_before_the_first_raise(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(1.5)
    assert not test.take_back() and test.raises_now() == 0
    test.stop()
    assert not test.take_back() and test.raises == {"left": 0}


def test_left_then_right_with_the_rest_between(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(24)
    test.stop()
    clock.advance(119)
    assert test.advance() == [] and test.stage is Stage.REST
    clock.advance(1)
    assert test.advance() == [Event.REST_OVER]
    assert test.stage is Stage.READY and test.side == "right"
    assert not test.choose("bent")  # the knee is fixed once a leg is done
    test.start_leg()
    clock.advance(3 + 20)
    assert test.stop() == [Event.GO, *[Event.RAISE] * 10, Event.DONE]
    assert test.raises == {"left": 12, "right": 10} and test.stage is Stage.DONE


def test_the_rest_can_be_skipped(clock: ManualClock) -> None:
    test = started(clock)
    test.stop()
    assert test.skip_rest() and test.stage is Stage.READY and test.side == "right"
    assert not test.skip_rest()


def test_keys_that_mean_nothing_now_change_nothing(clock: ManualClock) -> None:
    test = HeelRaiseTest(clock)
    assert test.stop() == [] and not test.take_back() and not test.skip_rest()
    assert not test.choose("sideways")
    test.start_leg()
    assert not test.start_leg()


def test_the_session_holds_a_test_with_both_sides(clock: ManualClock) -> None:
    test = started(clock, "bent")
    clock.advance(24)
    test.stop()
    test.skip_rest()
    test.start_leg()
    clock.advance(3 + 20.5)
    test.stop()
    table = tomllib.loads(tomli_w.dumps(session_to_dict(test.session())))
    assert table["kind"] == "test"
    (exercise,) = table["exercises"]
    assert exercise["id"] == "heel-raise-test-bent" and exercise["knee_angle"] == 45
    assert [(s["side"], s["reps"], s["load_kg"]) for s in exercise["sets"]] == [("left", 12, 0.0), ("right", 10, 0.0)]
    assert exercise["sets"][0]["ended"] <= exercise["sets"][1]["started"] < exercise["sets"][1]["ended"]
    assert session_from_dict(table).kind == "test"


# -- a leg nobody is at: after QUIET_RAISES raises without a key it pauses and asks ---------------


def test_a_leg_without_a_key_pauses_after_sixty_raises_and_counts_no_further(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(QUIET_RAISES * 2 - 0.5)
    assert test.advance().count(Event.RAISE) == QUIET_RAISES - 1 and test.stage is Stage.RAISING
    clock.advance(0.5)
    assert test.advance() == [Event.RAISE, Event.PAUSED]
    assert test.stage is Stage.PAUSED and test.raises_now() == QUIET_RAISES
    clock.advance(3600)  # gone for an hour: nothing more is counted, and nothing moves
    assert test.advance() == [] and test.raises_now() == QUIET_RAISES


def test_a_late_tick_pauses_where_the_leg_went_quiet(clock: ManualClock) -> None:
    test = started(clock)
    leg_started = clock.now() - timedelta(seconds=3)
    clock.advance(600)
    assert test.advance() == [Event.RAISE] * QUIET_RAISES + [Event.PAUSED]
    assert test.stop() == [] and test.raises == {"left": QUIET_RAISES}
    assert test.leg_times["left"] == (leg_started, leg_started + timedelta(seconds=3 + 2 * QUIET_RAISES))


def test_a_key_during_the_leg_puts_the_pause_off(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(41)  # 20 raises, the 21st on its way down: a bell turned on
    test.heard()
    clock.advance(QUIET_RAISES * 2)  # sixty raises' time since the key, but not since a raise ended
    assert test.advance().count(Event.PAUSED) == 0 and test.stage is Stage.RAISING
    clock.advance(1)
    assert test.advance() == [Event.RAISE, Event.PAUSED] and test.raises_now() == 21 + QUIET_RAISES


def test_taking_back_a_raise_is_a_key_too(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(20)
    assert test.take_back()
    clock.advance(QUIET_RAISES * 2 - 1)
    assert Event.PAUSED not in test.advance() and test.stage is Stage.RAISING
    clock.advance(1)
    assert test.advance()[-1] is Event.PAUSED and test.raises_now() == 9 + QUIET_RAISES


def test_carrying_on_after_a_pause_counts_on_from_there_after_a_get_ready(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(QUIET_RAISES * 2)
    test.advance()
    clock.advance(30)
    assert test.resume() and test.stage is Stage.GET_READY and not test.resume()
    clock.advance(3)
    assert test.advance() == [Event.GO] and test.raises_now() == QUIET_RAISES
    clock.advance(10)
    assert test.advance() == [Event.RAISE] * 5 and test.raises_now() == QUIET_RAISES + 5
    assert test.take_back() and test.raises_now() == QUIET_RAISES + 4
    clock.advance(QUIET_RAISES * 2)  # quiet again: it asks again, as often as the leg goes quiet
    assert test.advance()[-1] is Event.PAUSED and test.raises_now() == 2 * QUIET_RAISES + 4


def test_ending_a_paused_leg_keeps_the_count_and_goes_on_to_the_rest(clock: ManualClock) -> None:
    test = started(clock)
    clock.advance(QUIET_RAISES * 2)
    test.advance()
    assert test.take_back() and test.take_back()  # two the metronome counted on its own
    assert test.stop() == [] and test.raises == {"left": QUIET_RAISES - 2} and test.stage is Stage.REST
    test.skip_rest()
    test.start_leg()
    clock.advance(3 + QUIET_RAISES * 2)
    assert test.stop() == [Event.GO, *[Event.RAISE] * QUIET_RAISES, Event.PAUSED, Event.DONE]
    assert test.raises == {"left": QUIET_RAISES - 2, "right": QUIET_RAISES}  # a fresh count for the right leg
