"""The Sweep lab's core: sweep configs and the batched training of many models at once."""
