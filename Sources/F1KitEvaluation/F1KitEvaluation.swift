// The F1KitEvaluation module; see docs/ for its guide.
