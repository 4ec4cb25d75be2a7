"""snaplint for Python: lint a Kapso agent snapshot before you upload it.

    import snaplint

    report = snaplint.lint(snapshot_json, name="agent.json")
    if report.fails:
        raise SystemExit(report.to_text())  # do not upload

A thin layer over snaplint's C API (snaplint/snaplint.h) with ctypes, standard library only. The
shared library is found through $SNAPLINT_LIBRARY (a path), else next to this package, else on the
system's library path (ctypes.util.find_library("snaplint")).

Every report is copied into Python objects and its C handle freed before lint() returns, so
nothing here needs closing except, optionally, a Linter (``with snaplint.Linter(config) as l:``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import enum
import json
import os
import pathlib
import threading
import weakref
from typing import Iterator, Mapping, Optional, Union

__all__ = [
    "ConfigError",
    "Diagnostic",
    "Linter",
    "Related",
    "Report",
    "Severity",
    "SnaplintError",
    "lint",
]


class SnaplintError(Exception):
    """Base class of the errors this module raises."""


class ConfigError(SnaplintError, ValueError):
    """The config is not a valid .snaplint.json; the message says where and why, e.g.
    ``<config>:1:12: 'fail-on' should be one of "error", "warning" (at /fail-on)``."""


def _load_library() -> ctypes.CDLL:
    explicit = os.environ.get("SNAPLINT_LIBRARY")
    if explicit:
        return ctypes.CDLL(explicit)
    here = pathlib.Path(__file__).resolve().parent
    for file_name in ("libsnaplint.so", "libsnaplint.dylib", "snaplint.dll"):
        candidate = here / file_name
        if candidate.exists():
            return ctypes.CDLL(str(candidate))
    found = ctypes.util.find_library("snaplint")
    if found:
        return ctypes.CDLL(found)
    raise ImportError(
        "libsnaplint not found: set SNAPLINT_LIBRARY to the path of libsnaplint.so, put the "
        "library next to the snaplint package, or install snaplint where the system finds it"
    )


def _declare(library: ctypes.CDLL) -> ctypes.CDLL:
    """Gives every C function its signature: ctypes would otherwise assume int everywhere and cut
    64-bit pointers in half."""
    handle, text, size, uint_out = (
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.POINTER(ctypes.c_uint),
    )
    signatures = {
        "snaplint_version": (text, []),
        "snaplint_free": (None, [ctypes.c_void_p]),
        "snaplint_linter_new": (handle, [text, ctypes.POINTER(ctypes.c_void_p)]),
        "snaplint_linter_free": (None, [handle]),
        "snaplint_lint": (handle, [handle, text, size, text]),
        "snaplint_report_free": (None, [handle]),
        "snaplint_report_name": (text, [handle]),
        "snaplint_report_failure": (text, [handle]),
        "snaplint_report_count": (size, [handle]),
        "snaplint_report_fails": (ctypes.c_int, [handle]),
        # Caller-owned strings come back as raw pointers, to be copied and then freed.
        "snaplint_report_json": (ctypes.c_void_p, [handle]),
        "snaplint_report_text": (ctypes.c_void_p, [handle]),
        "snaplint_diagnostic_rule": (text, [handle, size]),
        "snaplint_diagnostic_severity": (ctypes.c_int, [handle, size]),
        "snaplint_diagnostic_message": (text, [handle, size]),
        "snaplint_diagnostic_pointer": (text, [handle, size]),
        "snaplint_diagnostic_help": (text, [handle, size]),
        "snaplint_diagnostic_range": (ctypes.c_int, [handle, size] + [uint_out] * 4),
        "snaplint_diagnostic_entity_kind": (text, [handle, size]),
        "snaplint_diagnostic_entity_id": (text, [handle, size]),
        "snaplint_diagnostic_entity_index": (ctypes.c_int, [handle, size, uint_out]),
        "snaplint_diagnostic_related_count": (size, [handle, size]),
        "snaplint_diagnostic_related_message": (text, [handle, size, size]),
        "snaplint_diagnostic_related_pointer": (text, [handle, size, size]),
        "snaplint_diagnostic_related_range": (ctypes.c_int, [handle, size, size] + [uint_out] * 4),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
    return library


_lib = _declare(_load_library())

__version__: str = _lib.snaplint_version().decode("ascii")


def _decode(value: Optional[bytes]) -> Optional[str]:
    # The library's strings are UTF-8 (it validates the snapshot's encoding); "replace" only
    # guards against a name that was not.
    return None if value is None else value.decode("utf-8", "replace")


def _take_string(pointer: Optional[int]) -> Optional[str]:
    """Copies a caller-owned char* from the library and frees it."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode("utf-8", "replace")
    finally:
        _lib.snaplint_free(pointer)


class Severity(str, enum.Enum):
    """A finding's severity; compares equal to its name ("error" == Severity.ERROR)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


_SEVERITIES = (Severity.INFO, Severity.WARNING, Severity.ERROR)  # by snaplint_severity value


@dataclasses.dataclass(frozen=True)
class Related:
    """Another place a finding refers to, e.g. "first listed here"."""

    message: str
    pointer: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based, columns count code points, and the end is
    exclusive. `pointer` is a JSON Pointer from the file's root ("/graph/edges/4/to").
    `entity_kind` is "graph", "node", "edge" or "tool"; `entity_id` is None when the entity has
    no usable id (then `entity_index` is its index in its array). `help` is None when there is
    nothing to suggest."""

    rule: str
    severity: Severity
    message: str
    pointer: str
    line: int
    column: int
    end_line: int
    end_column: int
    entity_kind: str
    entity_id: Optional[str]
    help: Optional[str]
    entity_index: Optional[int] = None
    related: tuple[Related, ...] = ()

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"


class Report:
    """What linting one snapshot found: a plain Python object, no C resources behind it."""

    def __init__(
        self,
        name: str,
        diagnostics: list[Diagnostic],
        fails: bool,
        failure: Optional[str],
        json_text: str,
        text: str,
    ) -> None:
        self.name = name
        #: Sorted by line, column, rule and message; suppressed findings are not included.
        self.diagnostics = diagnostics
        #: Whether the config's policy (an error; fail-on, max-warnings) rejects the snapshot:
        #: what a program about to upload it should check.
        self.fails = fails
        #: Why the snapshot could not be linted at all (an internal error); None normally.
        self.failure = failure
        self._json = json_text
        self._text = text

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.INFO]

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def to_json(self) -> str:
        """snaplint's JSON report (`snaplint check --format json`), with fingerprints and the
        suppressed findings."""
        return self._json

    def to_text(self) -> str:
        """snaplint's text report for people: findings with code frames, then a summary."""
        return self._text

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def __repr__(self) -> str:
        return (
            f"<snaplint.Report {self.name!r} errors={len(self.errors)} "
            f"warnings={len(self.warnings)} infos={len(self.infos)} fails={self.fails}>"
        )

    @classmethod
    def _from_handle(cls, report: int) -> "Report":
        diagnostics = [_diagnostic(report, i) for i in range(_lib.snaplint_report_count(report))]
        return cls(
            name=_decode(_lib.snaplint_report_name(report)) or "",
            diagnostics=diagnostics,
            fails=bool(_lib.snaplint_report_fails(report)),
            failure=_decode(_lib.snaplint_report_failure(report)),
            json_text=_take_string(_lib.snaplint_report_json(report)) or "",
            text=_take_string(_lib.snaplint_report_text(report)) or "",
        )


def _range(function, *args) -> tuple[int, int, int, int]:
    values = [ctypes.c_uint() for _ in range(4)]
    function(*args, *(ctypes.byref(value) for value in values))
    return tuple(value.value for value in values)  # type: ignore[return-value]


def _diagnostic(report: int, i: int) -> Diagnostic:
    line, column, end_line, end_column = _range(_lib.snaplint_diagnostic_range, report, i)
    index = ctypes.c_uint()
    has_index = _lib.snaplint_diagnostic_entity_index(report, i, ctypes.byref(index))
    related = tuple(
        Related(
            _decode(_lib.snaplint_diagnostic_related_message(report, i, j)) or "",
            _decode(_lib.snaplint_diagnostic_related_pointer(report, i, j)) or "",
            *_range(_lib.snaplint_diagnostic_related_range, report, i, j),
        )
        for j in range(_lib.snaplint_diagnostic_related_count(report, i))
    )
    return Diagnostic(
        rule=_decode(_lib.snaplint_diagnostic_rule(report, i)) or "",
        severity=_SEVERITIES[_lib.snaplint_diagnostic_severity(report, i)],
        message=_decode(_lib.snaplint_diagnostic_message(report, i)) or "",
        pointer=_decode(_lib.snaplint_diagnostic_pointer(report, i)) or "",
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        entity_kind=_decode(_lib.snaplint_diagnostic_entity_kind(report, i)) or "graph",
        entity_id=_decode(_lib.snaplint_diagnostic_entity_id(report, i)),
        help=_decode(_lib.snaplint_diagnostic_help(report, i)),
        entity_index=index.value if has_index else None,
        related=related,
    )


Text = Union[str, bytes, bytearray, memoryview]
Name = Union[str, bytes, "os.PathLike[str]"]


def _encode_name(name: Name) -> bytes:
    name = os.fspath(name)
    return name if isinstance(name, bytes) else name.encode("utf-8", "surrogateescape")


class Linter:
    """A configured linter: build it once, lint many snapshots (from several threads at once if
    you like). `config` is a .snaplint.json as text or as a dict; None means every rule at its
    default severity. Raises ConfigError when the config is not valid."""

    def __init__(self, config: Union[str, bytes, Mapping, None] = None) -> None:
        if config is None:
            config_text = None
        elif isinstance(config, Mapping):
            config_text = json.dumps(config).encode("utf-8")
        elif isinstance(config, str):
            config_text = config.encode("utf-8")
        elif isinstance(config, bytes):
            config_text = config
        else:
            raise TypeError(f"config must be a str, bytes, a dict or None, not {type(config)!r}")
        if config_text is not None and b"\0" in config_text:
            raise ConfigError("<config>: the config contains a NUL character")
        error = ctypes.c_void_p()
        handle = _lib.snaplint_linter_new(config_text, ctypes.byref(error))
        message = _take_string(error.value)
        if not handle:
            raise ConfigError(message or "cannot create a linter (out of memory)")
        self._handle = handle
        self._free = weakref.finalize(self, _lib.snaplint_linter_free, handle)

    def lint(self, text: Text, name: Name = "snapshot.json") -> Report:
        """Lints one snapshot (str, or bytes as read from a file). `name` appears in the report
        and is matched against the config's override globs. Input that is not a snapshot
        (invalid JSON, not UTF-8, empty) is a finding in the report, never an exception."""
        if not self._free.alive:
            raise ValueError("this Linter is closed")
        if isinstance(text, str):
            # Lone surrogates are kept (as invalid UTF-8) so that snaplint reports them.
            data = text.encode("utf-8", "surrogatepass")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError(f"text must be str or bytes, not {type(text)!r}")
        report = _lib.snaplint_lint(self._handle, data, len(data), _encode_name(name))
        if not report:
            raise MemoryError("snaplint could not lint the snapshot")
        try:
            return Report._from_handle(report)
        finally:
            _lib.snaplint_report_free(report)

    def close(self) -> None:
        """Frees the C linter now rather than when the object is collected. Idempotent."""
        self._free()

    def __enter__(self) -> "Linter":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


_default_linter: Optional[Linter] = None
_default_linter_lock = threading.Lock()


def _default() -> Linter:
    # Made on first use and kept: building a linter prepares the schema and the rules.
    global _default_linter
    with _default_linter_lock:
        if _default_linter is None:
            _default_linter = Linter()
        return _default_linter


def lint(
    text: Text,
    name: Name = "snapshot.json",
    config: Union[str, bytes, Mapping, None] = None,
) -> Report:
    """Lints one snapshot, with the given config (see Linter) or every rule at its default.
    To lint many snapshots with one config, make a Linter once and call its lint()."""
    if config is None:
        return _default().lint(text, name)
    with Linter(config) as linter:
        return linter.lint(text, name)
