// StrykerJS for one check at a time: scripts/mutation.mjs sets STRYKER_TARGET to a
// check's file name (carp-advskew-tie) and runs this config, which mutates that
// file and runs only that check's own unit tests and the registry's. Every test
// file runs all checks on its fixture, so one run over all checks would run
// every test file for every mutant; per check, a mutant costs a second or two.
const target = process.env.STRYKER_TARGET;
if (!target) throw new Error('STRYKER_TARGET is not set: run `npm run mutate` (scripts/mutation.mjs)');

export default {
  testRunner: 'tap',
  buildCommand: 'npx tsc -p .',
  mutate: [`server/src/checks/${target}.ts`],
  // The check's own tests, and the registry's (each check's code is its own and names its file).
  tap: { testFiles: [`out/test/unit/checks/${target}.test.js`, 'out/test/unit/checks/registry.test.js'], forceBail: true },
  coverageAnalysis: 'perTest',
  reporters: ['json', 'clear-text'],
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  clearTextReporter: { logTests: false, reportScoreTable: false },
  concurrency: 2,
  // One folder per check, so two runs at once do not clean up each other's sandbox.
  tempDirName: `.stryker-tmp/${target}`,
  cleanTempDir: 'always',
  timeoutMS: 10000,
};
