"""The MNIST lab's core: config, IDX files and datasets, models, job, digit preprocessing, export."""
