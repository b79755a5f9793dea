"""The app on the user's machine: the log file, the desktop entry, the self-check of an installation."""
