"""The Classification lab's core: config, datasets, job, code export."""
