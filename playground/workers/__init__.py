"""QThread workers that run core loops. QtCore only: no widgets, no pyqtgraph."""
