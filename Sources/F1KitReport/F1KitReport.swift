// The F1KitReport module; see docs/ for its guide.
