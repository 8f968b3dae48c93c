// A scoring worker that calls process.exit(1) at start (test/cli/score-worker-failure.test.ts).
process.exit(1);
