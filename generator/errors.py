"""User-facing errors: one line, naming the file and the fix; exit code 2."""


class ArchiveError(Exception):
    """An error caused by the user's input, reported without a traceback.

    The message must say which file (and line or field) is wrong and what to do.
    """

    exit_code = 2


class ContentProblems(ArchiveError):
    """Every problem found in content/, one per line, then a summary line."""

    def __init__(self, problems: list[str], summary: str | None = None):
        self.problems = problems
        noun = "problem" if len(problems) == 1 else "problems"
        summary = summary or (f"{len(problems)} {noun} in content; fix them and build again "
                              "(the output was not changed)")
        super().__init__("\n".join([*problems, summary]))
