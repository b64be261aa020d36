// The F1KitStatistics module; see docs/ for its guide.
