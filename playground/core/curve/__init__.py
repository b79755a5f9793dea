"""The Curve lab's core: config, data, targets, job, presets, teaching maths, code export."""
