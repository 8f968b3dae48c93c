// A scoring worker whose start throws (test/cli/score-worker-failure.test.ts).
throw new Error("the worker could not start");
