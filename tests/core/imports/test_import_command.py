"""The import as a whole: files in, session files out, all or nothing, never twice."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from soleus_tui.core.catalog import builtin_catalog
from soleus_tui.core.history.export import write_csv, write_json
from soleus_tui.core.history.reader import HistoryReader
from soleus_tui.core.imports import command
from soleus_tui.core.imports.command import Outcome, import_file
from soleus_tui.core.lock import ProfileLock
from soleus_tui.core.session import ExerciseLog, Session, SetLog
from soleus_tui.core.store import Profile, write_toml
from tests.support.histories import HAND_MADE_TODAY, write_realistic_history

TZ = timezone(timedelta(hours=2))
CATALOG = builtin_catalog()
STRONG = (
    '"Date","Workout Name","Duration","Exercise Name","Set Order","Weight","Reps","Distance","Seconds","Notes","Workout Notes","RPE"\n'
    '"2025-09-14 17:41:00","Calves","50m","Seated Calf Raise (Machine)","W","20","15","0","0","","Fresh, \nslept well",""\n'
    '"2025-09-14 17:41:00","Calves","50m","Seated Calf Raise (Machine)","1","40","12","0","0","slow down","Fresh, \nslept well",""\n'
    '"2025-09-14 17:41:00","Calves","50m","Bench Press (Barbell)","1","60","8","0","0","","Fresh, \nslept well",""\n'
    '"2025-09-14 17:41:00","Calves","50m","Bench Press (Barbell)","2","60","8","0","0","","Fresh, \nslept well",""\n'
    '"2025-09-14 17:41:00","Calves","50m","Standing Calf Raise (Dumbbell)","1","15","15","0","0","","Fresh, \nslept well",""\n'
    '"2025-09-16 07:00:00","Upper","30m","Bench Press (Barbell)","1","60","8","0","0","","",""\n'
    '"2025-09-18 07:00:00","Holds","","Wall Sit Heel Raise Hold","1","0","0","0","40","","",""\n'
    '"2025-09-18 07:00:00","Holds","","Wall Sit Heel Raise Hold","2","0","0","0","0","","",""\n'
)
HEVY_LB = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,"
    "weight_lbs,reps,distance_miles,duration_seconds,rpe\n"
    '"Legs","14 Sep 2025, 17:41","14 Sep 2025, 18:21","","Seated Calf Raise (Dumbbell)","","","0","warmup","20","15","","",""\n'
    '"Legs","14 Sep 2025, 17:41","14 Sep 2025, 18:21","","Seated Calf Raise (Dumbbell)","","","1","normal","50","12","","",""\n'
)


def at_tz(naive: datetime) -> datetime:
    return naive.replace(tzinfo=TZ)


def session_files(profile: Profile) -> list[Path]:
    return sorted(p for p in profile.root.rglob("*") if p.is_file())


def imported(profile: Profile, tmp_path: Path, content: str, name: str = "export.csv", **options):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    return import_file(profile, source, CATALOG, localize=at_tz, **options)


def sessions(profile: Profile) -> list[Session]:
    return [session for _, session in HistoryReader(profile).sessions()][::-1]


def test_a_strong_file_becomes_one_session_per_workout_with_calf_work(profile: Profile, tmp_path: Path) -> None:
    outcome = imported(profile, tmp_path, STRONG)
    assert outcome.code == 0
    assert outcome.lines == [
        "Strong export: 2 workouts",
        "  imported  Seated Calf Raise (Machine) -> Seated calf raise machine: 2 sets, 1 warm-up in 1 workout",
        "  skipped   Bench Press (Barbell): 3 sets, not calf-raise work",
        "  imported  Standing Calf Raise (Dumbbell): 1 set in 1 workout",
        "  imported  Wall Sit Heel Raise Hold -> Wall-sit heel-raised hold: 1 set in 1 workout",
        "  skipped   Wall Sit Heel Raise Hold: 1 set with neither reps nor time",
        "Added 2 session files (0 already here)",
    ]
    calves, holds = sessions(profile)
    assert calves.started == datetime(2025, 9, 14, 17, 41, tzinfo=TZ)
    assert calves.ended == calves.started + timedelta(minutes=50)
    assert calves.notes == "Fresh, slept well · Seated calf raise machine: slow down"
    machine, standing = calves.exercises
    assert (machine.id, machine.name, machine.knee_angle) == ("seated-calf-raise-machine", "Seated calf raise machine", 90)
    assert [(s.reps, s.load_kg, s.warmup) for s in machine.sets] == [(15, 20.0, True), (12, 40.0, False)]
    assert (standing.id, standing.name, standing.knee_angle) == (
        "standing-calf-raise-dumbbell", "Standing Calf Raise (Dumbbell)", 0)
    assert [s.started - calves.started for s in calves.all_sets] == [timedelta(0), timedelta(minutes=10), timedelta(minutes=40)]
    assert all(s.ended <= calves.ended for s in calves.all_sets)
    [hold] = holds.exercises
    assert hold.id == "wall-sit-isometric-heel-hold" and [(s.reps, s.hold_s) for s in hold.sets] == [(0, 40.0)]


def test_every_imported_time_is_timezone_aware_when_the_file_has_none(profile: Profile, tmp_path: Path) -> None:
    source = tmp_path / "strong.csv"
    source.write_text(STRONG, encoding="utf-8")
    assert import_file(profile, source, CATALOG).code == 0  # the machine's own offset
    moments = [m for s in sessions(profile) for m in (s.started, s.ended, *(t.started for t in s.all_sets))]
    assert moments and all(m.utcoffset() is not None for m in moments)


def test_importing_the_same_file_twice_adds_nothing(profile: Profile, tmp_path: Path) -> None:
    imported(profile, tmp_path, STRONG)
    before = {path: path.read_bytes() for path in session_files(profile)}
    again = imported(profile, tmp_path, STRONG)
    assert again.code == 0 and again.lines[-1] == "Added 0 session files (2 already here)"
    assert {path: path.read_bytes() for path in session_files(profile)} == before


def test_a_longer_export_of_the_same_app_adds_only_the_new_workouts(profile: Profile, tmp_path: Path) -> None:
    imported(profile, tmp_path, STRONG)
    newer = STRONG + '"2025-09-20 07:00:00","Calves","20m","Seated Calf Raise (Machine)","1","42.5","12","0","0","","",""\n'
    assert imported(profile, tmp_path, newer).lines[-1] == "Added 1 session file (2 already here)"
    assert len(sessions(profile)) == 3


def test_a_dry_run_writes_nothing(profile: Profile, tmp_path: Path) -> None:
    before = session_files(profile)
    outcome = imported(profile, tmp_path, STRONG, dry_run=True)
    assert outcome.code == 0
    assert outcome.lines[-1] == "Dry run: would add 2 session files (0 already here); nothing was written"
    assert session_files(profile) == before and not any(profile.sessions_dir.iterdir())


def test_a_bad_date_names_its_row_and_nothing_is_written(profile: Profile, tmp_path: Path) -> None:
    bad = STRONG.replace('"2025-09-18 07:00:00","Holds","","Wall Sit Heel Raise Hold","2"',
                         '"2025-18-09 07:00:00","Holds","","Wall Sit Heel Raise Hold","2"')
    outcome = imported(profile, tmp_path, bad, name="strong.csv")
    assert outcome.code == 1
    assert outcome.lines == [
        "cannot import strong.csv: row 9: Date '2025-18-09 07:00:00' is not a date and time; nothing was written"
    ]
    assert not any(profile.sessions_dir.iterdir())


@pytest.mark.parametrize(("content", "message"), [
    ("name,when\nx,y\n", "row 1: the header is not that of a Strong, Hevy or soleus-tui export"),
    ("", "row 1: the file is empty"),
    ('[{"schema": 1, "started": "2025-09-14T17:41:00"}]', "session 1: 'started' '2025-09-14T17:41:00' has no offset from UTC"),
    ('[{"schema": 1, "started": "2025-09-14T17:41:00+02:00", "ended": "2025-09-14T17:41:00+02:00",'
     ' "exercises": [{"id": "a", "name": "A", "sets": [{"reps": NaN}]}]}]', "NaN is not a number a session can hold"),
    ("[1,", "line 1: not JSON (Expecting value)"),
])
def test_a_file_that_is_no_export_is_refused_in_one_line(profile: Profile, tmp_path: Path, content: str, message: str) -> None:
    outcome = imported(profile, tmp_path, content, name="x.csv")
    assert outcome.code == 1 and outcome.lines == [f"cannot import x.csv: {message}; nothing was written"]


def test_a_file_that_is_not_utf8_or_missing_is_one_line(profile: Profile, tmp_path: Path) -> None:
    (tmp_path / "latin.csv").write_bytes("Date,Exercise Name,Set Order\n2025-09-14 17:41,Wadenheben gr\xfcn,1\n".encode("latin-1"))
    assert import_file(profile, tmp_path / "latin.csv", CATALOG).lines == ["cannot import latin.csv: not UTF-8 text"]
    missing = import_file(profile, tmp_path / "nope.csv", CATALOG)
    assert missing.code == 1 and missing.lines[0].startswith(f"cannot read {tmp_path / 'nope.csv'}: ")


def test_a_file_too_big_for_any_export_is_not_read_whole(profile: Profile, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("soleus_tui.core.imports.command.MAX_FILE_BYTES", 1 << 20)
    outcome = import_file(profile, Path("/dev/zero"), CATALOG)
    assert outcome == Outcome(1, ["cannot import zero: larger than 1 MB, no export is that big"])


def test_a_name_with_control_characters_is_printed_as_escapes(profile: Profile, tmp_path: Path) -> None:
    session = Session(datetime(2025, 9, 14, 7, 0, tzinfo=TZ), datetime(2025, 9, 14, 7, 30, tzinfo=TZ), [
        ExerciseLog("x", "Raise \x1b]2;PWNED\x07", [SetLog(12, 0.0, 0.0, "both", datetime(2025, 9, 14, 7, 1, tzinfo=TZ),
                                                        datetime(2025, 9, 14, 7, 2, tzinfo=TZ))])])
    out = io.StringIO()
    write_json([session], out, CATALOG)
    outcome = imported(profile, tmp_path, out.getvalue(), name="own.json")
    assert outcome.lines[1] == "  imported  Raise \\x1b]2;PWNED\\x07: 1 set in 1 workout"


def test_a_write_that_fails_half_way_takes_back_what_it_wrote(profile: Profile, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = Profile.write_session
    calls = []

    def failing_write(self: Profile, session: Session) -> Path:
        calls.append(session)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(self.sessions_dir / "2025"))
        return real_write(self, session)

    monkeypatch.setattr(Profile, "write_session", failing_write)
    outcome = imported(profile, tmp_path, STRONG)
    assert outcome.code == 1
    assert outcome.lines == [f"cannot write {profile.sessions_dir / '2025'}: No space left on device; nothing was imported"]
    assert len(calls) >= 2 and not list(profile.sessions_dir.rglob("*.toml"))
    assert ProfileLock(profile.lock_path).acquire()  # and the lock was let go


def test_while_another_instance_trains_an_import_is_refused_and_a_dry_run_is_not(profile: Profile, tmp_path: Path) -> None:
    training = ProfileLock(profile.lock_path)
    assert training.acquire()
    outcome = imported(profile, tmp_path, STRONG)
    assert outcome == Outcome(1, ["cannot import export.csv: another soleus-tui is training on this profile; nothing was written"])
    assert not any(profile.sessions_dir.iterdir())
    dry = imported(profile, tmp_path, STRONG, dry_run=True)
    assert dry.code == 0 and dry.lines[-1] == "Dry run: would add 2 session files (0 already here); nothing was written"
    training.release()
    assert imported(profile, tmp_path, STRONG).lines[-1] == "Added 2 session files (0 already here)"


def test_the_lock_is_held_from_the_second_look_at_the_history_to_the_last_write(profile: Profile, tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    free: list[bool] = []  # could an app start training at these moments?

    def app_could_train() -> None:
        app = ProfileLock(profile.lock_path)
        free.append(app.acquire())
        app.release()

    real_listing, real_write = Profile.iter_session_paths, Profile.write_session
    monkeypatch.setattr(Profile, "iter_session_paths", lambda self: app_could_train() or real_listing(self))
    monkeypatch.setattr(Profile, "write_session", lambda self, s: app_could_train() or real_write(self, s))
    assert imported(profile, tmp_path, STRONG).code == 0
    assert free[0]  # the history read with the profile free
    assert free[1:] == [False, False, False]  # the history looked at again, then two sessions written
    app_could_train()
    assert free[-1]  # let go once the import is done


def test_an_app_started_while_the_import_reads_the_history_trains_and_the_import_is_refused(
    profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = ProfileLock(profile.lock_path)
    trains: list[bool] = []
    real_listing = Profile.iter_session_paths
    monkeypatch.setattr(Profile, "iter_session_paths", lambda self: trains.append(app.acquire()) or real_listing(self))
    outcome = imported(profile, tmp_path, STRONG)
    assert trains == [True]
    assert outcome == Outcome(1, ["cannot import export.csv: another soleus-tui is training on this profile; nothing was written"])
    assert not any(profile.sessions_dir.iterdir())
    app.release()


def test_sessions_another_import_wrote_meanwhile_are_not_written_again(
    profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    real_listing = Profile.iter_session_paths

    def then_another_import(self: Profile) -> Iterator[Path]:
        """The history listed, then another import of the same file, before this one takes the lock."""
        listed = list(real_listing(self))
        monkeypatch.setattr(Profile, "iter_session_paths", real_listing)
        assert imported(profile, other, STRONG).lines[-1] == "Added 2 session files (0 already here)"
        return iter(listed)

    monkeypatch.setattr(Profile, "iter_session_paths", then_another_import)
    assert imported(profile, tmp_path, STRONG).lines[-1] == "Added 0 session files (2 already here)"
    assert len(list(profile.iter_session_paths())) == 2


def test_hevy_in_pounds_through_the_whole_import(profile: Profile, tmp_path: Path) -> None:
    outcome = imported(profile, tmp_path, HEVY_LB)
    assert outcome.lines[:2] == [
        "Hevy export: 1 workout",
        "  imported  Seated Calf Raise (Dumbbell) -> Seated dumbbell calf raise: 2 sets, 1 warm-up in 1 workout",
    ]
    [session] = sessions(profile)
    assert [(s.load_kg, s.warmup) for s in session.all_sets] == [(9.0718, True), (22.6796, False)]
    assert session.ended - session.started == timedelta(minutes=40)


def test_a_classic_strong_file_is_read_in_the_users_unit(profile: Profile, tmp_path: Path) -> None:
    write_toml(profile.settings_path, {"units": "lb"})
    imported(profile, tmp_path, STRONG)
    assert sessions(profile)[0].exercises[0].sets[1].load_kg == pytest.approx(40 * 0.45359237, abs=1e-4)


def every_kind_of_session() -> list[Session]:
    """What a profile can hold beyond plain training: a programme week, pain, per-side sets,
    a warm-up, a capacity test, and a note."""
    day = datetime(2026, 6, 2, 7, 0, tzinfo=timezone(timedelta(hours=2)))

    def set_(minute: int, reps: int, side: str = "both", warmup: bool = False) -> SetLog:
        begin = day + timedelta(minutes=minute)
        return SetLog(reps, 0.0, 20.0, side, begin, begin + timedelta(seconds=45), 90.0, warmup)

    programme = Session(day, day + timedelta(minutes=30), [
        ExerciseLog("seated-calf-raise-machine", "Seated calf raise machine", [set_(0, 15, warmup=True), set_(3, 12)],
                    knee_angle=90, pain=3),
        ExerciseLog("bent-knee-single-leg-calf-raise", "Bent-knee single-leg calf raise",
                    [set_(6, 12, "left"), set_(8, 12, "right"), set_(10, 11, "left"), set_(12, 10, "right")], knee_angle=45),
    ], notes="=HYPERLINK(\"x\") and a comma, here", programme="hsr-12", programme_week=3)
    test_day = day + timedelta(days=1)
    test = Session(test_day, test_day + timedelta(minutes=8), [
        ExerciseLog("heel-raise-test-straight", "Heel-raise test, straight knee",
                    [set_(1440, 25, "left"), set_(1444, 22, "right")], knee_angle=0),
    ], kind="test")
    return [programme, test]


def test_the_json_export_of_a_year_comes_back_byte_for_byte(tmp_path: Path) -> None:
    first = Profile.open(tmp_path / "old-machine", "default")
    write_realistic_history(first, HAND_MADE_TODAY, weeks=52)
    for session in every_kind_of_session():
        first.write_session(session)
    exported = io.StringIO()
    write_json(sessions(first), exported, CATALOG)
    (tmp_path / "all.json").write_text(exported.getvalue(), encoding="utf-8")

    second = Profile.open(tmp_path / "new-machine", "default")
    outcome = import_file(second, tmp_path / "all.json", CATALOG)
    assert outcome.code == 0 and outcome.lines[0].startswith("soleus-tui export: ")
    again = io.StringIO()
    write_json(sessions(second), again, CATALOG)
    assert again.getvalue() == exported.getvalue()
    csv_first, csv_second = io.StringIO(), io.StringIO()
    write_csv(sessions(first), csv_first, CATALOG)
    write_csv(sessions(second), csv_second, CATALOG)
    assert csv_second.getvalue() == csv_first.getvalue()
    assert len(sessions(second)) == len(sessions(first)) > 150
    assert import_file(second, tmp_path / "all.json", CATALOG).lines[-1].startswith("Added 0 session files")
    assert all(os.stat(p).st_mode & 0o777 == 0o600 for p in second.sessions_dir.rglob("*.toml"))
