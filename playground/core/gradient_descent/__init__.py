"""The Gradient-descent lab's core: functions and the walk."""
