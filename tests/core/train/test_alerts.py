"""The notification and progress sequences, byte for byte, and their tmux wrapping."""

from __future__ import annotations

from soleus_tui.core.train.alerts import for_terminal, for_tmux, notification, plain_text, progress


def test_each_kind_of_notification() -> None:
    assert notification("osc9", "soleus-tui", "Rest is over") == "\x1b]9;soleus-tui: Rest is over\x07"
    assert notification("osc777", "soleus-tui", "Rest; over") == "\x1b]777;notify;soleus-tui;Rest, over\x07"
    assert notification("osc99", "soleus-tui", "Rest is over") == (
        "\x1b]99;i=1:d=0;soleus-tui\x1b\\\x1b]99;i=1:p=body;Rest is over\x1b\\"
    )
    assert notification("off", "soleus-tui", "Rest is over") == ""


def test_control_characters_never_reach_the_terminal() -> None:
    assert plain_text("Note\x07\x1b]2;evil\x1b\\ end\n") == "Note]2;evil\\ end"
    sequence = notification("osc9", "t", "a\x07b\x1bc")
    assert sequence.count("\x07") == 1 and sequence.count("\x1b") == 1


def test_progress_of_the_rest() -> None:
    assert progress(0.5) == "\x1b]9;4;1;50\x07"
    assert progress(1.7) == "\x1b]9;4;1;100\x07"
    assert progress(None) == "\x1b]9;4;0\x07"


def test_tmux_passthrough_doubles_every_escape() -> None:
    assert for_tmux("\x1b]9;hi\x07") == "\x1bPtmux;\x1b\x1b]9;hi\x07\x1b\\"
    assert for_tmux("") == ""
    assert for_terminal("\x1b]9;hi\x07", {"TMUX": "/tmp/tmux-1000/default,1,0"}).startswith("\x1bPtmux;")
    assert for_terminal("\x1b]9;hi\x07", {}) == "\x1b]9;hi\x07"
