"""What every import shares: the size limit, a file-level error, and a problem in one cell."""

from __future__ import annotations

from dataclasses import dataclass

from models.core.errors import DomainError


class UploadError(DomainError):
    """An uploaded file cannot be read at all (size, format, header); nothing was written."""


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    message: str

    def describe(self, filename: str) -> str:
        return f"{filename}, linje {self.line}, kolonne {self.column}: {self.message}"
