"""Files: sessions, model files, atomic writes, tensor blobs, optimizer state, weight checks."""
