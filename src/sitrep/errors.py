"""The exception tree: every error sitrep raises on purpose is a SitrepError.

    SitrepError
    ├── ConfigError        a config file or option that cannot be used
    ├── InputError         a document that cannot be read (carries file and line)
    ├── ModelError         the spaCy pipeline cannot be loaded
    ├── GazetteerError     gazetteer data missing or malformed
    ├── KnowledgeBaseError the actor knowledge base is invalid
    └── StoreError         the database cannot be opened or written

Third-party errors are re-raised as one of these `from exc`, so the CLI can print one line and exit,
never a traceback, for anything a user can fix.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class ConfigError(SitrepError):
    """A configuration file or option that cannot be used."""


class InputError(SitrepError):
    """A document that cannot be read. `source` names the file, `line` the line (1-based) if any."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ModelError(SitrepError):
    """The spaCy pipeline named in the configuration cannot be loaded."""


class GazetteerError(SitrepError):
    """Gazetteer data is missing or malformed."""


class KnowledgeBaseError(SitrepError):
    """The actor knowledge base file is invalid."""


class StoreError(SitrepError):
    """The database cannot be opened, read or written."""
