"""Translation engines behind one narrow interface (see ``base``)."""
