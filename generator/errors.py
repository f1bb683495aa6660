"""User-facing errors: one line, naming the file and the fix; exit code 2."""


class ArchiveError(Exception):
    """An error caused by the user's input, reported without a traceback.

    The message must say which file (and line or field) is wrong and what to do.
    """

    exit_code = 2
