// A scoring worker that ends at once without answering (test/cli/score-worker-failure.test.ts): what a
// worker started at an entry that starts nothing does (a build that wires the worker wrongly).
