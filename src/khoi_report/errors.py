"""The one exception a user sees: a problem they can fix, worded as one line naming the file."""


class KhoiError(Exception):
    """A problem the user can fix (bad input, a broken template). Its message is one line that
    names the file concerned; the CLI prints it and exits with code 2."""
