"""Windows, panels, plots and canvases. May import workers and core, never the reverse."""
