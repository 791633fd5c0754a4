"""Offline training of the small models shipped in ``analysis/data`` (needs scikit-learn; never run by the pipeline)."""
