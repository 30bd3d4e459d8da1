import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './workspace';

/**
 * FreeBSD's pf.conf regression corpus, which the repository does not hold
 * (the files are FreeBSD's): every corpus test finds it here.
 *
 * The corpus folder holds `pfctl/` (sbin/pfctl/tests/files and
 * pfctl_test_list.inc) and `pf-examples/` (share/examples/pf), each with a
 * MANIFEST.json whose `files` give every file's `name` and `expect`
 * ('accept' or 'reject'). It is `$FREEBSD_CONF_PFCTL_CORPUS` when that is set
 * (the folder itself, not its pfctl/ child), else `../shared/corpus` beside
 * the repository. `npm run fetch-corpus -- --from <FreeBSD tree>` writes it
 * (scripts/pfctl-corpus.mjs, which looks in the same places; a unit test
 * holds the two to the same answer).
 *
 * Without the variable, a missing corpus skips the tests (`npm run test:unit`
 * says which, once, before they run); with it, a wrong folder fails them.
 */
export const PF_CORPUS_ENV = 'FREEBSD_CONF_PFCTL_CORPUS';

export interface PfCorpus {
  /** The corpus folder. */
  root: string;
  /** `<root>/pfctl`: pfctl's regression inputs, expected outputs and error regexes. */
  pfctl: string;
  /** `<root>/pf-examples`: FreeBSD's example rulesets. */
  examples: string;
}

export interface CorpusManifestFile {
  name: string;
  expect: 'accept' | 'reject';
}

export type CorpusLookup =
  | { state: 'found'; corpus: PfCorpus }
  /** Not at the default place and no variable set: the tests are skipped. */
  | { state: 'missing'; dir: string; problem: string }
  /** The variable names a folder without the corpus: the tests fail. */
  | { state: 'invalid'; dir: string; problem: string };

/** Where the corpus is, given an environment (the same rule as scripts/pfctl-corpus.mjs locateCorpus). */
export function locatePfCorpus(env: NodeJS.ProcessEnv = process.env, repoRoot = REPO_ROOT): CorpusLookup {
  const fromEnv = env[PF_CORPUS_ENV];
  const dir = fromEnv ? path.resolve(fromEnv) : path.join(repoRoot, '..', 'shared', 'corpus');
  const how = fromEnv ? `${PF_CORPUS_ENV}=${fromEnv}` : '../shared/corpus';
  const state = fromEnv ? 'invalid' : 'missing';
  if (fromEnv && fs.existsSync(path.join(dir, 'MANIFEST.json')) && !fs.existsSync(path.join(dir, 'pfctl'))) {
    return { state, dir, problem: `${how} points at a pfctl folder itself; point it at the folder that holds pfctl/ and pf-examples/ (${path.dirname(dir)})` };
  }
  const missing = ['pfctl', 'pf-examples'].filter((sub) => !fs.existsSync(path.join(dir, sub, 'MANIFEST.json')));
  if (missing.length === 0) return { state: 'found', corpus: { root: dir, pfctl: path.join(dir, 'pfctl'), examples: path.join(dir, 'pf-examples') } };
  const what = missing.map((m) => `${m}/MANIFEST.json`).join(' and ');
  return { state, dir, problem: fs.existsSync(dir) ? `${how} (${dir}) has no ${what}` : `${how} (${dir}) does not exist` };
}

const LOOKUP = locatePfCorpus();

/** The corpus when it was found, else undefined (whether missing or misconfigured). */
export const PF_CORPUS: PfCorpus | undefined = LOOKUP.state === 'found' ? LOOKUP.corpus : undefined;

/**
 * For `{ skip: PF_CORPUS_SKIP }`: a short reason when the corpus is simply
 * absent, false otherwise, so that a misconfigured variable makes the tests
 * run and fail in `requirePfCorpus()`.
 */
export const PF_CORPUS_SKIP: string | false = LOOKUP.state === 'missing' ? 'pfctl corpus not found (npm run fetch-corpus; see test/helpers/pf-corpus.ts)' : false;

/** The corpus, or an error saying what is wrong with the folder the variable names. */
export function requirePfCorpus(): PfCorpus {
  if (LOOKUP.state === 'found') return LOOKUP.corpus;
  throw new Error(`pfctl corpus: ${LOOKUP.problem}`);
}

/** The corpus when present; undefined when absent and not asked for; throws when the variable is wrong. */
export function optionalPfCorpus(): PfCorpus | undefined {
  return LOOKUP.state === 'missing' ? undefined : requirePfCorpus();
}

/** The `files` of a corpus folder's MANIFEST.json. */
export function readCorpusManifest(dir: string): CorpusManifestFile[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8')) as { files: CorpusManifestFile[] }).files;
}
