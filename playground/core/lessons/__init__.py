"""The notes' lessons: which lab, which settings, what to watch."""
