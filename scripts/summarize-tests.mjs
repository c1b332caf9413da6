// Prints "N passed, N failed, N skipped" over the vitest JSON reports of the given projects;
// a project whose report is missing (it crashed before reporting) counts as a failure.
import { existsSync, readFileSync } from "node:fs";

let passed = 0,
  failed = 0,
  skipped = 0,
  missing = 0;
for (const project of process.argv.slice(2)) {
  const file = `.run/vitest-${project}.json`;
  if (!existsSync(file)) {
    console.error(`${project}: no report (${file})`);
    missing++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) missing++;
}
console.log(`${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
process.exit(failed + missing > 0 || passed === 0 ? 1 : 0);
