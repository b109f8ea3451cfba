#!/usr/bin/env python3
"""Writes the yardstick-cli(1) manual page from the program's own --help texts.

Runs `yardstick-cli --help`, then `yardstick-cli COMMAND --help` for every command the
first lists, and `yardstick-cli COMMAND SUB --help` for every subcommand a command lists,
and turns the plain-text layout they share (usage lines, paragraphs, two-column option
lists) into roff. The page therefore never drifts from the program. The build runs this
after linking yardstick-cli (packaging/linux/CMakeLists.txt).

Usage: man-from-help.py CLI OUT.1 VERSION DATADIR DATE
"""
import os
import re
import subprocess
import sys

# Every command's help is read with these, so that the page names the installed folders
# rather than the build machine's (frameworks --help prints where it looks).
_ENV = None


def run_help(cli, args):
    out = subprocess.run([cli] + args + ["--help"], env=_ENV, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=False)
    if out.returncode != 0:
        sys.exit("man-from-help.py: `%s %s --help` failed (exit %d): %s"
                 % (cli, " ".join(args), out.returncode, out.stderr.decode("utf-8", "replace").strip()))
    return out.stdout.decode("utf-8")


def esc(text):
    """Escapes plain text for roff: backslashes, and hyphens in options and command names
    (so that copying them from the page gives ASCII hyphen-minus)."""
    text = text.replace("\\", "\\e")
    text = re.sub(r"(?<![\w-])(--?[A-Za-z][\w-]*)", lambda m: m.group(1).replace("-", "\\-"), text)
    text = text.replace("yardstick-cli", "yardstick\\-cli")
    text = re.sub(r"`([^`]+)`", r"\\fB\1\\fR", text)
    return text


def line(text):
    """One line of roff input: a line starting with . or ' would be read as a request."""
    return "\\&" + text if text[:1] in (".", "'") else text


def term(text):
    """An option or command with its arguments: literal words bold, placeholders italic."""
    out = []
    for tok in re.findall(r"[A-Za-z0-9_][A-Za-z0-9_.-]*|--?[A-Za-z][\w-]*|\s+|.", text):
        if tok.startswith("-") or (tok[:1].islower() or tok[:1].isdigit()):
            out.append("\\fB" + esc(tok) + "\\fR")
        elif re.fullmatch(r"[A-Z][A-Z0-9_]*(?:-[A-Z]+)*", tok):
            out.append("\\fI" + tok.replace("-", "\\-") + "\\fR")
        else:
            out.append(esc(tok))
    return "".join(out)


ITEM = re.compile(r"^  (\S(?:.*?\S)?)(?: {2,}(\S.*))?$")


def render(text, skip_subcommands=False):
    """Turns one --help text into roff. With skip_subcommands, the "Subcommands:" list is
    left out (each subcommand gets its own section from its own --help)."""
    roff = []
    lines = text.rstrip("\n").split("\n")
    i = 0
    state = None  # "para", "item", "usage"
    in_subcommands = False
    while i < len(lines):
        raw = lines[i]
        i += 1
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip(" "))
        if not stripped:
            state = None
            continue
        if stripped in ("Subcommands:", "Commands:"):
            in_subcommands = skip_subcommands
            state = None
            if not in_subcommands:
                roff += [".PP", esc(stripped)]
            continue
        if in_subcommands:
            # The list runs until a line at the margin that is not the continuation of an
            # item's description (those follow a description line directly).
            if indent == 0 and state != "item":
                in_subcommands = False
            else:
                state = "item" if indent > 0 else state
                continue
        if stripped.startswith("Usage: ") or (stripped.startswith("yardstick-cli ") and indent > 0):
            body = stripped[len("Usage: "):] if stripped.startswith("Usage: ") else stripped
            if state != "usage":
                roff += [".PP", ".nf"]
            roff.append(line(term(body)))
            # Wrapped usage lines are indented under the first.
            while i < len(lines) and len(lines[i]) - len(lines[i].lstrip(" ")) >= 4:
                cont = lines[i].strip()
                # An alternative form starts again at the margin; a wrapped one is indented.
                roff.append(line(term(cont) if cont.startswith("yardstick-cli ") else "    " + term(cont)))
                i += 1
            roff.append(".fi")
            state = "usage"
            continue
        if state == "usage":
            state = None
        if indent == 2:
            m = ITEM.match(raw)
            roff += [".TP", line(term(m.group(1)))]
            if m.group(2):
                roff.append(line(esc(m.group(2))))
            state = "item"
            continue
        if indent > 2 and state == "item":
            roff.append(line(esc(stripped)))
            continue
        if indent == 0 and state == "item":
            # A description wrapped back to the margin.
            roff.append(line(esc(stripped)))
            continue
        if state != "para":
            roff.append(".PP")
            state = "para"
        roff.append(line(esc(stripped)))
    return roff


def listed_names(text, heading):
    """The first word of each item under `heading` ("Commands:" or "Subcommands:")."""
    names, inside = [], False
    for raw in text.split("\n"):
        if raw.strip() == heading:
            inside = True
            continue
        if inside:
            if not raw.strip():
                break
            m = re.match(r"^  ([a-z][a-z-]*)\b", raw)
            if m:
                names.append(m.group(1))
    return names


def main():
    global _ENV
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    cli, out_path, version, datadir, date = sys.argv[1:]
    _ENV = dict(os.environ, YARDSTICK_DATA_DIR=datadir, HOME="~", LC_ALL="C")
    _ENV.pop("XDG_DATA_HOME", None)
    top = run_help(cli, [])

    page = [
        '.\\" Generated by packaging/linux/man-from-help.py from yardstick-cli --help; do not edit.',
        '.TH YARDSTICK\\-CLI 1 "%s" "yardstick %s" "User Commands"' % (date, version),
        ".nh",  # no hyphenation: paths and option names stay whole
        ".ad l",  # ragged right: long paths would leave wide gaps in justified lines
        ".SH NAME",
        "yardstick\\-cli \\- data maturity assessments, benchmarks, roadmaps and reports for councils",
        ".SH SYNOPSIS",
        ".B yardstick\\-cli", ".I COMMAND", "[\\fIoptions\\fR]", ".br",
        ".B yardstick\\-cli", ".I COMMAND", ".B \\-\\-help", ".br",
        ".B yardstick\\-cli \\-\\-help", ".br",
        ".B yardstick\\-cli \\-\\-version",
        ".SH DESCRIPTION",
        "Yardstick scores data maturity questionnaires against a maturity framework, compares",
        "councils and departments with their peers, costs a resourcing roadmap and writes",
        "reports as PDF and accessible HTML.",
        "The command line runs the same operations as the desktop application,",
        ".BR yardstick (1).",
    ]
    exit_para = []
    top_lines = top.split("\n")
    for k, raw in enumerate(top_lines):
        if raw.startswith("Exit codes:"):
            exit_para = [l.strip() for l in top_lines[k:] if l.strip()]
            top = "\n".join(top_lines[:k])
            break
    # The synopsis above already shows the usage line.
    page += render("\n".join(l for l in top.split("\n") if not l.startswith("Usage: ")))
    page += [".SH COMMANDS",
             "Each command's options, as its \\fB\\-\\-help\\fR prints them."]
    for cmd in listed_names(top, "Commands:"):
        text = run_help(cli, [cmd])
        subs = listed_names(text, "Subcommands:")
        page += [".SS \"yardstick\\-cli %s\"" % cmd]
        page += render(text, skip_subcommands=bool(subs))
        for sub in subs:
            page += [".SS \"yardstick\\-cli %s %s\"" % (cmd, sub)]
            page += render(run_help(cli, [cmd, sub]))
        if cmd == "export":
            # Excel workbooks have a help of their own (export --help points to it).
            page += [".SS \"yardstick\\-cli export \\-\\-xlsx\""]
            page += render(run_help(cli, [cmd, "--xlsx", "FILE.xlsx"]))
    if exit_para:
        body = " ".join(exit_para)[len("Exit codes:"):].strip()
        page += [".SH EXIT STATUS"]
        for part in re.split(r",\s*(?=\d+ )", body.rstrip(".")):
            code, meaning = part.split(" ", 1)
            page += [".TP", "\\fB%s\\fR" % code, esc(meaning.strip())]
    page += [
        ".SH ENVIRONMENT",
        ".TP", ".B YARDSTICK_DATA_DIR",
        "Where the shipped frameworks, questionnaires, report templates and examples are read",
        "from, instead of \\fI%s\\fR." % esc(datadir),
        ".TP", ".B XDG_DATA_HOME",
        "The user's own frameworks and questionnaires are read from",
        "\\fI$XDG_DATA_HOME/yardstick\\fR, and the database is",
        "\\fI$XDG_DATA_HOME/yardstick/yardstick.db\\fR, unless \\fB\\-\\-db\\fR names another.",
        "Unset or empty: \\fI~/.local/share\\fR.",
        ".SH FILES",
        ".TP", ".I %s" % esc(datadir),
        "The shipped frameworks, questionnaires, report templates and example answer files.",
        ".TP", ".I ~/.local/share/yardstick/yardstick.db",
        "The default database.",
        ".SH SEE ALSO",
        ".BR yardstick (1)",
        ".PP",
        "The README and the format descriptions under \\fI/usr/share/doc/yardstick\\fR when installed,",
        "or in the source repository.",
    ]
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()
