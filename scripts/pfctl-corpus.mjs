// FreeBSD's pf.conf regression inputs, which the corpus tests read. They are
// FreeBSD's files, not ours, so the repository does not hold them: this script
// copies them out of a FreeBSD source tree, and tells whether the tests can
// find them.
//
//   node scripts/pfctl-corpus.mjs fetch --from DIR [--rev REV] [--out DIR] [--force]
//   node scripts/pfctl-corpus.mjs check [--require]
//
// `fetch` reads sbin/pfctl/tests/files (the inputs), sbin/pfctl/tests/
// pfctl_test_list.inc (PFCTL_TEST_FAIL names the tests whose input pfctl must
// reject) and share/examples/pf, from a work tree of freebsd-src, or from a git
// directory (bare or not) at REV (default HEAD; --rev also reads a work tree's
// own history instead of its files). It writes OUT/pfctl/ and OUT/pf-examples/,
// each with a MANIFEST.json (see writeCorpus), OUT being the corpus folder.
//
// The corpus folder is $FREEBSD_CONF_PFCTL_CORPUS when that is set, else
// ../shared/corpus beside the repository; test/helpers/pf-corpus.ts looks in
// the same places. `check` prints one line saying where it is or, when it is
// missing, which tests will not run and how to get it (and likewise for the
// knob catalogues in ../shared/reference, which one test reads); with
// --require it exits 1 when either is missing (CI must never skip those tests).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_ENV = 'FREEBSD_CONF_PFCTL_CORPUS';
const FILES = 'sbin/pfctl/tests/files';
const TEST_LIST = 'sbin/pfctl/tests/pfctl_test_list.inc';
const EXAMPLES = 'share/examples/pf';
const HOW_TO_GET = `npm run fetch-corpus -- --from <FreeBSD source tree or git dir> (or set ${CORPUS_ENV} to a folder holding pfctl/ and pf-examples/)`;
/** What does not run without the corpus; keep in step with the tests that use test/helpers/pf-corpus.ts. */
const NEEDS_CORPUS =
  "the pf corpus conformance test (the README's \"flags all 11 inputs pfctl rejects\"), 2 pf checks on real rulesets and the compact parse of every corpus file are skipped, and the pf fuzz tests mutate built-in rulesets only";

/**
 * Where the corpus should be and whether it is there: { dir, configured, found,
 * problem? }. `configured` is true when the variable chose the folder: then a
 * missing corpus is a mistake, and the tests fail instead of being skipped.
 */
export function locateCorpus(env = process.env) {
  const fromEnv = env[CORPUS_ENV];
  const configured = Boolean(fromEnv);
  const dir = fromEnv ? path.resolve(fromEnv) : path.join(root, '..', 'shared', 'corpus');
  const how = fromEnv ? `${CORPUS_ENV}=${fromEnv}` : '../shared/corpus';
  if (fromEnv && fs.existsSync(path.join(dir, 'MANIFEST.json')) && !fs.existsSync(path.join(dir, 'pfctl'))) {
    return { dir, configured, found: false, problem: `${how} points at a pfctl folder itself; point it at the folder that holds pfctl/ and pf-examples/ (${path.dirname(dir)})` };
  }
  const missing = ['pfctl', 'pf-examples'].filter((sub) => !fs.existsSync(path.join(dir, sub, 'MANIFEST.json')));
  if (missing.length === 0) return { dir, configured, found: true };
  const what = missing.map((m) => `${m}/MANIFEST.json`).join(' and ');
  return { dir, configured, found: false, problem: fs.existsSync(dir) ? `${how} (${dir}) has no ${what}` : `${how} (${dir}) does not exist` };
}

function fail(message) {
  console.error(`pfctl-corpus: ${message}`);
  process.exit(2);
}

function git(args, cwd) {
  const r = spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) fail(`cannot run git: ${r.error.message}`);
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.toString().trim() };
}

/**
 * A read-only view of a FreeBSD source tree: `list(dir)` (file names directly
 * in a folder), `read(file)` (a Buffer or undefined) and `describe` for the
 * manifests. Reads files from a work tree, or blobs from git at one commit.
 */
function openTree(from, rev) {
  if (!fs.existsSync(from)) fail(`--from ${from} does not exist`);
  const isWorkTree = fs.existsSync(path.join(from, FILES));
  if (isWorkTree && !rev) {
    const head = git(['-C', from, 'rev-parse', '--verify', '--quiet', 'HEAD']);
    return {
      describe: { kind: 'work tree', path: path.resolve(from), ...(head.ok ? { commit: head.out.toString().trim(), note: 'files as they are in the work tree, which may differ from that commit' } : {}) },
      list: (dir) => (fs.existsSync(path.join(from, dir)) ? fs.readdirSync(path.join(from, dir), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []),
      read: (file) => (fs.existsSync(path.join(from, file)) ? fs.readFileSync(path.join(from, file)) : undefined),
    };
  }
  // `git -C` finds the repository both from a work tree and from inside a git directory, bare or not.
  const base = ['-C', from];
  if (!git([...base, 'rev-parse', '--git-dir']).ok) fail(`--from ${from} is neither a FreeBSD source tree (it has no ${FILES}) nor a git directory`);
  const commit = git([...base, 'rev-parse', '--verify', '--quiet', `${rev ?? 'HEAD'}^{commit}`]);
  if (!commit.ok) fail(`the git directory ${from} has no commit ${rev ?? 'HEAD'}`);
  const sha = commit.out.toString().trim();
  const blobs = new Map();
  for (const line of git([...base, 'ls-tree', '-r', '--full-tree', sha, '--', FILES, TEST_LIST, EXAMPLES]).out.toString().split('\n')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
    if (m) blobs.set(m[2], m[1]);
  }
  return {
    describe: { kind: 'git', path: path.resolve(from), commit: sha },
    list: (dir) => [...blobs.keys()].filter((p) => path.posix.dirname(p) === dir).map((p) => path.posix.basename(p)),
    read: (file) => (blobs.has(file) ? git([...base, 'cat-file', 'blob', blobs.get(file)]).out : undefined),
  };
}

/** The tests pfctl_test_list.inc declares: Map of test name (`pf0001`) to { macro, descr }. */
export function parseTestList(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const tests = new Map();
  for (const m of code.matchAll(/^\s*(PFCTL_TEST(?:_FAIL|_IFACE)?)\s*\(\s*(\d+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)/gm)) {
    // pfctl_test.c names each test's files "pf" followed by the number as written.
    tests.set(`pf${m[2]}`, { macro: m[1], descr: m[3].replace(/\\(.)/g, '$1') });
  }
  return tests;
}

const ROLES = { in: 'input', ok: 'expected output (pfctl -o none -nvf); pfctl also reads it back', fail: 'expected-error regex', include: 'included file' };

/** The pfctl/ folder: every file of a listed test; PFCTL_TEST_FAIL tests' files are 'reject', the rest 'accept'. */
function pfctlCorpus(tree) {
  const listText = tree.read(TEST_LIST);
  if (!listText) fail(`no ${TEST_LIST} in ${tree.describe.path}${tree.describe.kind === 'git' ? ` at ${tree.describe.commit}` : ''}`);
  const tests = parseTestList(listText.toString('utf8'));
  if (tests.size === 0) fail(`${TEST_LIST} lists no PFCTL_TEST: not the file this script knows`);
  const files = [];
  const unlisted = [];
  for (const name of tree.list(FILES).sort()) {
    const m = /^(pf\d+)\.(.+)$/.exec(name);
    if (!m) continue; // Makefile and the like
    const test = tests.get(m[1]);
    if (!test) {
      unlisted.push(name);
      continue;
    }
    const content = tree.read(`${FILES}/${name}`);
    files.push({
      name,
      expect: test.macro === 'PFCTL_TEST_FAIL' ? 'reject' : 'accept',
      test: m[1],
      test_macro: test.macro,
      test_descr: test.descr,
      role: ROLES[m[2]] ?? 'other',
      path: `${FILES}/${name}`,
      chars: content.toString('utf8').length,
      content,
    });
  }
  const present = new Set(files.map((f) => f.name));
  const missing = [...tests.keys()].filter((t) => !present.has(`${t}.in`)).map((t) => ({ name: `${t}.in`, test: t, reason: `listed in ${TEST_LIST} but not in ${FILES}` }));
  const counts = {};
  for (const t of tests.values()) counts[t.macro] = (counts[t.macro] ?? 0) + 1;
  return {
    manifest: {
      source: `FreeBSD ${FILES}`,
      generatedBy: 'scripts/pfctl-corpus.mjs',
      from: tree.describe,
      test_list: { name: 'pfctl_test_list.inc', path: TEST_LIST, tests: tests.size, counts },
      harness: 'sbin/pfctl/tests/pfctl_test.c runs `pfctl -o none -nvf pfNNNN.in` in the files/ folder. PFCTL_TEST: the output must equal pfNNNN.ok, which is then read back and must give the same output. PFCTL_TEST_FAIL: the output must match the regex in pfNNNN.fail. PFCTL_TEST_IFACE: like PFCTL_TEST with an interface vlanNNNN created first.',
      expect_semantics: "expect='reject' for every file of a PFCTL_TEST_FAIL test (the .in, the .fail regex and any file it includes); 'accept' for every file of the other tests. Files of tests the list does not name are left out (unlisted).",
      files: files.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'content'))),
      unlisted,
      missing,
    },
    contents: [...files.map((f) => [f.name, f.content]), ['pfctl_test_list.inc', listText]],
  };
}

/** The pf-examples/ folder: share/examples/pf, every one a ruleset pfctl loads. */
function examplesCorpus(tree) {
  const names = tree.list(EXAMPLES).filter((n) => n !== 'Makefile' && !n.startsWith('.')).sort();
  if (names.length === 0) fail(`no files in ${EXAMPLES} in ${tree.describe.path}`);
  const files = names.map((name) => ({ name, content: tree.read(`${EXAMPLES}/${name}`) }));
  return {
    manifest: {
      source: `FreeBSD ${EXAMPLES}`,
      generatedBy: 'scripts/pfctl-corpus.mjs',
      from: tree.describe,
      files: files.map((f) => ({ name: f.name, expect: 'accept', path: `${EXAMPLES}/${f.name}`, chars: f.content.toString('utf8').length })),
    },
    contents: files.map((f) => [f.name, f.content]),
  };
}

/**
 * Writes OUT/pfctl and OUT/pf-examples. Each MANIFEST.json has `files`, one
 * entry per file with at least `name` (the file in that folder) and `expect`
 * ('accept' or 'reject'): what the tests read.
 */
function writeCorpus(out, parts, force) {
  for (const sub of Object.keys(parts)) {
    const dir = path.join(out, sub);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
      if (!force) fail(`${dir} exists and is not empty; pass --force to replace it`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  for (const [sub, { manifest, contents }] of Object.entries(parts)) {
    const dir = path.join(out, sub);
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, content] of contents) fs.writeFileSync(path.join(dir, name), content);
    fs.writeFileSync(path.join(dir, 'MANIFEST.json'), JSON.stringify(manifest, null, 1) + '\n');
  }
}

function fetchCommand(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, rev: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (!values.from) fail(`fetch needs --from <FreeBSD source tree or git dir>`);
  const out = path.resolve(values.out ?? locateCorpus().dir);
  const tree = openTree(values.from, values.rev);
  const pfctl = pfctlCorpus(tree);
  const examples = examplesCorpus(tree);
  writeCorpus(out, { pfctl, 'pf-examples': examples }, values.force);
  const files = pfctl.manifest.files;
  const inputs = files.filter((f) => /\.(in|ok)$/.test(f.name));
  const from = `${tree.describe.path}${tree.describe.commit ? ` @ ${tree.describe.commit.slice(0, 12)}` : ''}`;
  console.error(
    `pfctl-corpus: wrote ${out}/pfctl (${files.length} files: ${inputs.filter((f) => f.expect === 'accept').length} .in/.ok inputs pfctl accepts, ${inputs.filter((f) => f.expect === 'reject').length} it rejects` +
      `${pfctl.manifest.unlisted.length ? `; ${pfctl.manifest.unlisted.length} files of unlisted tests left out` : ''}) and ${out}/pf-examples (${examples.manifest.files.length} rulesets) from ${from}`,
  );
  if (pfctl.manifest.missing.length) console.error(`pfctl-corpus: ${pfctl.manifest.missing.length} listed tests have no .in file: ${pfctl.manifest.missing.map((m) => m.test).join(' ')}`);
  if (out !== locateCorpus().dir) console.error(`pfctl-corpus: the tests look in ${locateCorpus().dir}; run them with ${CORPUS_ENV}=${out}`);
}

/** The knob catalogues `npm run generate-data` reads by default; a unit test regenerates server/src/data from them. */
function referenceProblem() {
  const dir = path.join(root, '..', 'shared', 'reference');
  const missing = ['rc-conf-defaults.json', 'loader-conf-defaults.json'].filter((f) => !fs.existsSync(path.join(dir, f)));
  return missing.length ? `no ../shared/reference/${missing.join(' or ')}` : undefined;
}

function checkCommand(argv) {
  const { values } = parseArgs({ args: argv, options: { require: { type: 'boolean', default: false } } });
  const where = locateCorpus();
  const reference = referenceProblem();
  const referenceNote = reference ? `the test that npm run generate-data reproduces server/src/data is skipped (${reference})` : '';
  if (values.require && (!where.found || reference)) {
    const what = [!where.found && `pfctl corpus missing: ${where.problem}; provide it with ${HOW_TO_GET}`, reference && `knob catalogues missing: ${reference}`];
    console.error(`${what.filter(Boolean).join('. ')}. CI runs every test that reads outside data.`);
    process.exit(1);
  }
  if (where.found) {
    const manifest = JSON.parse(fs.readFileSync(path.join(where.dir, 'pfctl', 'MANIFEST.json'), 'utf8'));
    const rejected = manifest.files.filter((f) => f.expect === 'reject' && f.name.endsWith('.in')).length;
    console.error(`pfctl corpus: ${where.dir} (${manifest.files.length} pfctl files, ${rejected} ${rejected === 1 ? "input" : "inputs"} pfctl rejects)${reference ? `; ${referenceNote}` : ''}`);
  } else if (where.configured) {
    console.error(`pfctl corpus missing: ${where.problem}, so the corpus tests will fail. Fix the variable, unset it, or run ${HOW_TO_GET}.${reference ? ` Also, ${referenceNote}.` : ''}`);
  } else {
    console.error(`pfctl corpus missing (${where.problem}): ${NEEDS_CORPUS}${reference ? `; ${referenceNote}` : ''}. To run them: ${HOW_TO_GET}.`);
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url))) {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'fetch') fetchCommand(rest);
    else if (command === 'check') checkCommand(rest);
    else fail(`usage: node scripts/pfctl-corpus.mjs fetch --from DIR [--rev REV] [--out DIR] [--force] | check [--require]`);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) fail(e.message);
    throw e;
  }
}
