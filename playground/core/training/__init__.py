"""The one training loop and its parts: run control, commands, batching, live jobs, components, models."""
