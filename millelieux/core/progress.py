"""A progress bar for the long commands (import-census, export-static)."""


class ProgressBar:
    """A one-line bar on a terminal; the commands create none when the output is a file or a pipe.

    Called as bar(done, estimate), with `unit` the word written after the count (already translated)."""

    def __init__(self, stream, unit, width=30):
        self.stream, self.unit, self.width = stream, unit, width

    def __call__(self, done, estimate):
        total = max(done, estimate, 1)
        filled = int(self.width * done / total)
        self.stream.write(f"\r  [{'#' * filled}{'.' * (self.width - filled)}] {done} {self.unit}")
        self.stream.flush()

    def close(self):
        self.stream.write("\n")
        self.stream.flush()
