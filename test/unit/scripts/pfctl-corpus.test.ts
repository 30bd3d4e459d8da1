import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { locatePfCorpus, PF_CORPUS_ENV } from '../../helpers/pf-corpus';
import { makeTempDir } from '../../helpers/temp';

/**
 * scripts/pfctl-corpus.mjs on a small fake FreeBSD tree (our own text, laid
 * out as freebsd-src lays out pfctl's tests): what it copies, what it marks
 * as rejected, that a bare git directory gives the same corpus, and that its
 * `check` finds the corpus where test/helpers/pf-corpus.ts does.
 */

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'pfctl-corpus.mjs');

const TEST_LIST = `/*
 * PFCTL_TEST(9999, "in a comment: not a test")
 */
PFCTL_TEST(0001, "Pass")
PFCTL_TEST_FAIL(0002, "A \\"quoted\\" failure")
PFCTL_TEST_IFACE(0003, "Needs an interface")
PFCTL_TEST(0004, "Listed, no input")
`;

const TREE: Record<string, string> = {
  'sbin/pfctl/tests/pfctl_test_list.inc': TEST_LIST,
  'sbin/pfctl/tests/files/Makefile': 'FILESDIR=x\n',
  'sbin/pfctl/tests/files/pf0001.in': 'pass all\n',
  'sbin/pfctl/tests/files/pf0001.ok': 'pass all flags S/SA keep state\n',
  'sbin/pfctl/tests/files/pf0002.in': 'include "pf0002.include"\n',
  'sbin/pfctl/tests/files/pf0002.include': 'bad line\n',
  'sbin/pfctl/tests/files/pf0002.fail': 'pf0002.include:1: syntax error\n',
  'sbin/pfctl/tests/files/pf0003.in': 'pass on vlan0003\n',
  'sbin/pfctl/tests/files/pf0009.in': 'pass out all\n',
  'share/examples/pf/Makefile': 'FILES=x\n',
  'share/examples/pf/example1': 'block all\n',
  'share/examples/pf/pf.conf': '# everything commented out\n',
};

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, [PF_CORPUS_ENV]: '', ...env } });
  return { code: r.status, stderr: r.stderr };
}

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

interface Manifest {
  files: { name: string; expect: string; test?: string; test_macro?: string; test_descr?: string; role?: string }[];
  unlisted?: string[];
  missing?: { name: string }[];
  test_list?: { tests: number; counts: Record<string, number> };
  from: { kind: string; commit?: string };
}
const manifest = (dir: string): Manifest => JSON.parse(fs.readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8')) as Manifest;

describe('scripts/pfctl-corpus.mjs fetch', () => {
  test('from a work tree: the listed tests, FAIL tests rejected, the examples, and the test list', () => {
    const tree = makeTempDir('fc-tree-', TREE);
    const out = path.join(makeTempDir('fc-corpus-'), 'corpus');
    const r = run(['fetch', '--from', tree, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote .*pfctl \(6 files: 3 \.in\/\.ok inputs pfctl accepts, 1 it rejects; 1 files of unlisted tests left out\)/);
    const pfctl = manifest(path.join(out, 'pfctl'));
    assert.deepEqual(
      pfctl.files.map((f) => [f.name, f.expect, f.test_macro]),
      [
        ['pf0001.in', 'accept', 'PFCTL_TEST'],
        ['pf0001.ok', 'accept', 'PFCTL_TEST'],
        ['pf0002.fail', 'reject', 'PFCTL_TEST_FAIL'],
        ['pf0002.in', 'reject', 'PFCTL_TEST_FAIL'],
        ['pf0002.include', 'reject', 'PFCTL_TEST_FAIL'],
        ['pf0003.in', 'accept', 'PFCTL_TEST_IFACE'],
      ],
    );
    assert.equal(pfctl.files.find((f) => f.name === 'pf0002.in')?.test_descr, 'A "quoted" failure');
    assert.deepEqual(pfctl.unlisted, ['pf0009.in']);
    assert.deepEqual(pfctl.missing?.map((m) => m.name), ['pf0004.in']);
    assert.deepEqual(pfctl.test_list, { name: 'pfctl_test_list.inc', path: 'sbin/pfctl/tests/pfctl_test_list.inc', tests: 4, counts: { PFCTL_TEST: 2, PFCTL_TEST_FAIL: 1, PFCTL_TEST_IFACE: 1 } });
    assert.deepEqual(fs.readdirSync(path.join(out, 'pfctl')).sort(), ['MANIFEST.json', 'pf0001.in', 'pf0001.ok', 'pf0002.fail', 'pf0002.in', 'pf0002.include', 'pf0003.in', 'pfctl_test_list.inc']);
    assert.equal(fs.readFileSync(path.join(out, 'pfctl', 'pf0002.include'), 'utf8'), 'bad line\n');
    assert.deepEqual(manifest(path.join(out, 'pf-examples')).files.map((f) => [f.name, f.expect]), [['example1', 'accept'], ['pf.conf', 'accept']]);
    assert.equal(locatePfCorpus({ [PF_CORPUS_ENV]: out }).state, 'found');
  });

  test('from a bare git directory (and --rev on a clone): the committed files, not the work tree', () => {
    const tree = makeTempDir('fc-tree-', TREE);
    git(tree, 'init', '-q');
    git(tree, 'add', '-A');
    git(tree, 'commit', '-qm', 'tree');
    const bare = path.join(makeTempDir('fc-git-'), 'src.git');
    git(tree, 'clone', '-q', '--bare', tree, bare);
    fs.writeFileSync(path.join(tree, 'sbin/pfctl/tests/files/pf0001.in'), 'pass all # edited, not committed\n');
    const fromWorkTree = path.join(makeTempDir('fc-corpus-'), 'a');
    const fromBare = path.join(makeTempDir('fc-corpus-'), 'b');
    const fromRev = path.join(makeTempDir('fc-corpus-'), 'c');
    for (const [from, out, extra] of [[tree, fromWorkTree, []], [bare, fromBare, []], [tree, fromRev, ['--rev', 'HEAD']]] as const) {
      const r = run(['fetch', '--from', from, '--out', out, ...extra]);
      assert.equal(r.code, 0, r.stderr);
    }
    const read = (out: string): string => fs.readFileSync(path.join(out, 'pfctl', 'pf0001.in'), 'utf8');
    assert.equal(read(fromWorkTree), 'pass all # edited, not committed\n');
    assert.equal(read(fromBare), 'pass all\n');
    assert.equal(read(fromRev), 'pass all\n');
    assert.equal(manifest(path.join(fromBare, 'pfctl')).from.kind, 'git');
    assert.match(manifest(path.join(fromBare, 'pfctl')).from.commit ?? '', /^[0-9a-f]{40}$/);
    const names = (out: string): string[] => manifest(path.join(out, 'pfctl')).files.map((f) => `${f.name} ${f.expect}`);
    assert.deepEqual(names(fromBare), names(fromWorkTree));
    assert.deepEqual(fs.readdirSync(path.join(fromBare, 'pf-examples')).sort(), fs.readdirSync(path.join(fromWorkTree, 'pf-examples')).sort());
  });

  test('bad input gets one clear message and exit 2, never a stack trace; an existing corpus needs --force', () => {
    const tree = makeTempDir('fc-tree-', TREE);
    const out = path.join(makeTempDir('fc-corpus-'), 'corpus');
    const cases: [string[], RegExp][] = [
      [['fetch'], /fetch needs --from/],
      [['fetch', '--from', path.join(tree, 'nope')], /--from .*nope does not exist/],
      [['fetch', '--from', path.join(tree, 'share')], /neither a FreeBSD source tree \(it has no sbin\/pfctl\/tests\/files\) nor a git directory/],
      [['fetch', '--from', tree, '--bogus'], /Unknown option '--bogus'/],
      [['frobnicate'], /usage: node scripts\/pfctl-corpus\.mjs fetch/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.equal(run(['fetch', '--from', tree, '--out', out]).code, 0);
    const again = run(['fetch', '--from', tree, '--out', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists and is not empty; pass --force/);
    assert.equal(run(['fetch', '--from', tree, '--out', out, '--force']).code, 0);
  });
});

describe('scripts/pfctl-corpus.mjs check, and the test helper, find the corpus in the same place', () => {
  test('found, absent at the default place, and a variable that names the wrong folder', () => {
    const tree = makeTempDir('fc-tree-', TREE);
    const out = path.join(makeTempDir('fc-corpus-'), 'corpus');
    assert.equal(run(['fetch', '--from', tree, '--out', out]).code, 0);
    const empty = makeTempDir('fc-empty-');
    // --require also wants the knob catalogues beside the repository; a clone with nothing beside it has none.
    const catalogues = ['rc-conf-defaults.json', 'loader-conf-defaults.json'].every((f) => fs.existsSync(path.join(REPO_ROOT, '..', 'shared', 'reference', f)));
    const cases: [string, 'found' | 'invalid', RegExp][] = [
      [out, 'found', /^pfctl corpus: .*corpus \(6 pfctl files, 1 input pfctl rejects\)(; the test that npm run generate-data .*)?$/m],
      [path.join(out, 'pfctl'), 'invalid', /points at a pfctl folder itself; point it at the folder that holds pfctl\/ and pf-examples\//],
      [empty, 'invalid', /has no pfctl\/MANIFEST\.json and pf-examples\/MANIFEST\.json, so the corpus tests will fail/],
      [path.join(empty, 'none'), 'invalid', /does not exist, so the corpus tests will fail/],
    ];
    for (const [dir, state, message] of cases) {
      assert.equal(locatePfCorpus({ [PF_CORPUS_ENV]: dir }).state, state, dir);
      const r = run(['check'], { [PF_CORPUS_ENV]: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
      const required = run(['check', '--require'], { [PF_CORPUS_ENV]: dir });
      assert.equal(required.code, state === 'found' && catalogues ? 0 : 1, required.stderr);
      if (state !== 'found') assert.match(required.stderr, /^pfctl corpus missing: .*; provide it with npm run fetch-corpus -- --from .*CI runs every test that reads outside data\.$/m);
    }
  });

  test('without the variable both look in ../shared/corpus beside the repository', () => {
    const root = makeTempDir('fc-root-');
    const repo = path.join(root, 'repo');
    assert.deepEqual(locatePfCorpus({}, repo), { state: 'missing', dir: path.join(root, 'shared', 'corpus'), problem: `../shared/corpus (${path.join(root, 'shared', 'corpus')}) does not exist` });
    const here = locatePfCorpus({});
    const r = run(['check']);
    assert.equal(r.code, 0);
    if (here.state === 'found') assert.match(r.stderr, new RegExp(`^pfctl corpus: ${here.corpus.root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    else assert.match(r.stderr, /^pfctl corpus missing \(\.\.\/shared\/corpus .*\): the pf corpus conformance test .* are skipped, .* To run them: npm run fetch-corpus/);
  });
});
