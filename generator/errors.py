"""User-facing errors: one line, naming the file and the fix; exit code 2."""


def plural(n: int, noun: str) -> str:
    """'1 article', '3 articles': counts in messages and summaries."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class ArchiveError(Exception):
    """An error caused by the user's input, reported without a traceback.

    The message must say which file (and line or field) is wrong and what to do.
    """

    exit_code = 2


class ContentProblems(ArchiveError):
    """Every problem found in content/, one per line, then a summary line."""

    def __init__(self, problems: list[str], summary: str | None = None):
        self.problems = problems
        summary = summary or (f"{plural(len(problems), 'problem')} in content; fix them and "
                              "build again (the output was not changed)")
        super().__init__("\n".join([*problems, summary]))
