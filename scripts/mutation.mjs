// `npm run mutate [-- NAME...]`: mutation testing with StrykerJS. Each check
// (server/src/checks/NAME.ts) is mutated and run against its own unit tests
// (test/unit/checks/NAME.test.ts) and the registry's only, one Stryker run per
// check (see stryker.config.mjs for why). Without NAMEs, every check that has
// a test file of its own. Prints each check's mutants by outcome and its mutation score
// (mutants the tests detect / mutants they run on), then the surviving
// mutants with `--survivors`. Reports stay in reports/mutation/NAME.json.
// Not part of `npm test`: a check takes half a minute.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const args = process.argv.slice(2);
const showSurvivors = args.includes('--survivors');
const named = args.filter((a) => !a.startsWith('--'));
const hasOwnTests = (name) => fs.existsSync(path.join('test', 'unit', 'checks', `${name}.test.ts`));
// A check's file is named after its code, `carp/pass-mismatch` in carp-pass-mismatch.ts; the helpers beside them (registry.ts, vhid-group-common.ts) are not checks.
const isCheckFile = (name) => /^(file|rc|loader|sysctl|carp|net|pf|pfsync)-[a-z0-9-]+$/.test(name) && !/-(common|checks|settings|operands)$/.test(name);
const names = named.length > 0 ? named : fs.readdirSync(path.join('server', 'src', 'checks')).map((f) => f.replace(/\.ts$/, '')).filter((n) => isCheckFile(n) && hasOwnTests(n)).sort();
for (const name of names) {
  if (!hasOwnTests(name)) {
    console.error(`mutate: no test/unit/checks/${name}.test.ts: nothing to measure ${name} with`);
    process.exit(2);
  }
}

const rows = [];
const survivors = [];
for (const name of names) {
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run'], { env: { ...process.env, STRYKER_TARGET: name }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const report = path.join('reports', 'mutation', `${name}.json`);
  if (run.status !== 0 || !fs.existsSync(report)) {
    console.error(`mutate: Stryker failed on ${name} (exit ${run.status}):\n${run.stdout.slice(-4000)}${run.stderr.slice(-4000)}`);
    process.exit(1);
  }
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const [file, result] of Object.entries(JSON.parse(fs.readFileSync(report, 'utf8')).files)) {
    for (const m of result.mutants) {
      if (m.status in count) count[m.status]++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName}: ${m.replacement ?? ''}`);
    }
  }
  const detected = count.Killed + count.Timeout;
  const valid = detected + count.Survived + count.NoCoverage;
  rows.push({ name, ...count, score: valid === 0 ? 100 : (100 * detected) / valid, seconds: (Date.now() - started) / 1000 });
  const r = rows[rows.length - 1];
  console.log(`${name.padEnd(36)} ${String(detected).padStart(4)} of ${String(valid).padStart(4)} detected  ${r.score.toFixed(1).padStart(5)}%  (${r.Survived} survived, ${r.NoCoverage} not run)  ${r.seconds.toFixed(0)} s`);
}
const total = rows.reduce((t, r) => ({ detected: t.detected + r.Killed + r.Timeout, valid: t.valid + r.Killed + r.Timeout + r.Survived + r.NoCoverage }), { detected: 0, valid: 0 });
console.log(`all ${rows.length} checks: ${total.detected} of ${total.valid} mutants detected, mutation score ${((100 * total.detected) / Math.max(1, total.valid)).toFixed(1)}%`);
if (showSurvivors) for (const s of survivors) console.log(s);
