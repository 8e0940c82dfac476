// Counts from Vitest's JSON report. A file that failed without a failed test (it did not load, or a
// beforeAll hook threw and its tests were skipped) is counted as `broken`, so it cannot pass silently.
export function vitestCounts(j) {
  const broken = j.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'));
  return {
    passed: j.numPassedTests,
    failed: j.numFailedTests,
    skipped: j.numPendingTests ?? 0,
    todo: j.numTodoTests ?? 0,
    broken: broken.map((f) => f.name),
  };
}
