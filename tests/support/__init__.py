"""Helpers the tests share: hand-made histories, a tmux driver."""
