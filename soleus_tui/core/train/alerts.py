"""Desktop notifications and tab progress as terminal escape sequences (DESIGN section 11).

Pure text in, text out: the shell writes the result to the terminal. Inside tmux a sequence only
reaches the outer terminal wrapped for passthrough (and with `set -g allow-passthrough on`).
"""

from __future__ import annotations

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
APP_NAME = "soleus-tui"


def plain_text(text: str) -> str:
    """The message without control characters, which could end or change the sequence."""
    return "".join(c for c in text if c.isprintable())


def notification(kind: str, title: str, body: str) -> str:
    """The desktop-notification sequence of `kind` (osc9, osc777, osc99); "" for off."""
    title, body = plain_text(title), plain_text(body)
    if kind == "osc9":  # iTerm2, WezTerm, Windows Terminal, ConEmu: one line of text
        return f"{ESC}]9;{_not_progress(f'{title}: {body}')}{BEL}"
    if kind == "osc777":  # rxvt-unicode, foot, Ghostty, VTE terminals: title and body, ; separates
        return f"{ESC}]777;notify;{title.replace(';', ',')};{body.replace(';', ',')}{BEL}"
    if kind == "osc99":  # kitty: the title, then the body of the same notification
        return f"{ESC}]99;i=1:d=0;{title}{ST}{ESC}]99;i=1:p=body;{body}{ST}"
    return ""


def progress(fraction: float | None) -> str:
    """The tab's progress bar (OSC 9;4): 0 to 1, or None to take it away."""
    if fraction is None:
        return f"{ESC}]9;4;0{BEL}"
    return f"{ESC}]9;4;1;{round(min(max(fraction, 0.0), 1.0) * 100)}{BEL}"


def for_tmux(sequence: str) -> str:
    """Wrapped for tmux's passthrough: every ESC doubled inside a DCS."""
    if not sequence:
        return ""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"


def for_terminal(sequence: str, environ: dict[str, str]) -> str:
    return for_tmux(sequence) if environ.get("TMUX") else sequence


def _not_progress(text: str) -> str:
    """OSC 9 text that starts with "4;" would be read as a progress report."""
    return f" {text}" if text.startswith("4;") else text
