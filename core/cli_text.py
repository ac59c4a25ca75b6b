"""Indonesian command lines: argparse's own words for ``lapor-desk`` and ``lapor-server``.

argparse writes "usage:", "positional arguments", "options", "show this help message and
exit" and its error messages in English. :class:`Parser` puts them in Indonesian through
argparse's public API only: a help formatter with our usage prefix, explicitly titled
groups ("Argumen", "Opsi", "Perintah") instead of the default ones, our own ``-h/--help``,
and ``error()`` translating argparse's known phrases (an unknown one is kept as it is).
Command names, flags and exit code 2 stay as they were.

Pure Python, no Qt: the server imports it too; kept out of ``core`` so that
``lapor-desk --version`` does not load the domain package.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn, Protocol

USAGE = "Penggunaan: "
ARGUMENTS, OPTIONS, COMMANDS = "Argumen", "Opsi", "Perintah"
COMMAND_METAVAR = "PERINTAH"
HELP_HELP = "tampilkan bantuan ini lalu keluar"
VERSION_HELP = "tampilkan nomor versi program lalu keluar"
EXIT_USAGE = 2

TYPE_NAMES = {"int": "bilangan bulat", "float": "angka"}

# argparse's error phrases (Python 3.11-3.13) -> Indonesian; an argument's own message
# ("argument --paper: invalid choice: ...") is translated recursively.
_PHRASES: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.S), t) for p, t in (
    (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)",
     "pilihan tidak sah: {value} (pilih salah satu: {choices})"),
    (r"the following arguments are required: (?P<names>.+)",
     "argumen berikut wajib diisi: {names}"),
    (r"unrecognized arguments: (?P<args>.+)", "argumen tidak dikenal: {args}"),
    (r"expected one argument", "memerlukan satu nilai"),
    (r"expected at most one argument", "memerlukan paling banyak satu nilai"),
    (r"expected at least one argument", "memerlukan paling sedikit satu nilai"),
    (r"expected (?P<count>\d+) arguments?", "memerlukan {count} nilai"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)",
     "opsi {option} tidak jelas, bisa berarti {matches}"),
    (r"not allowed with argument (?P<other>.+)",
     "tidak boleh dipakai bersama argumen {other}"),
    (r"one of the arguments (?P<names>.+) is required",
     "salah satu argumen ini wajib diisi: {names}"),
    (r"ignored explicit argument (?P<value>.+)", "nilai yang tidak dipakai: {value}"),
    (r"unexpected option string: (?P<option>.+)", "opsi tidak terduga: {option}"),
    (r"can't open '(?P<file>.+)': (?P<error>.+)", "tidak dapat membuka '{file}': {error}"),
)]
_ARGUMENT = re.compile(r"argument (?P<name>.+?): (?P<message>.+)", re.S)
_INVALID_VALUE = re.compile(r"invalid (?P<type>\S+) value: (?P<value>.+)", re.S)


def translate_error(message: str) -> str:
    """argparse's English error ``message`` in Indonesian."""
    found = _ARGUMENT.fullmatch(message)
    if found:
        return f"argumen {found['name']}: {translate_error(found['message'])}"
    found = _INVALID_VALUE.fullmatch(message)
    if found:
        kind = TYPE_NAMES.get(found["type"])
        if kind:
            return f"bukan {kind}: {found['value']}"
        return f"nilai {found['type']} tidak sah: {found['value']}"
    for pattern, template in _PHRASES:
        found = pattern.fullmatch(message)
        if found:
            return template.format(**found.groupdict())
    return message


class Commands(Protocol):
    """What ``add_subparsers`` returns, as far as the CLIs use it."""

    def add_parser(self, name: str, **kwargs: Any) -> Parser: ...


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with an Indonesian usage prefix."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words are Indonesian.

    Positionals go to the group "Argumen", options to "Opsi" (argparse's default groups
    stay empty and so are not shown); sub-parsers are made of this class too.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.argument_group = self.add_argument_group(ARGUMENTS)
        self.option_group = self.add_argument_group(OPTIONS)
        self.option_group.add_argument("-h", "--help", action="help", help=HELP_HELP)

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        optional = bool(names) and str(names[0])[:1] in self.prefix_chars
        group = self.option_group if optional else self.argument_group
        return group.add_argument(*names, **kwargs)

    def add_commands(self, dest: str, help_: str | None = None,
                     required: bool = False) -> Commands:
        """``add_subparsers`` titled "Perintah", named PERINTAH in usage and errors."""
        return self.add_subparsers(title=COMMANDS, dest=dest, metavar=COMMAND_METAVAR,
                                   help=help_, required=required)

    def add_version(self, version: str) -> None:
        self.add_argument("--version", action="version", version=version, help=VERSION_HELP)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat: {translate_error(message)}\n")
