import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../server/src/workspace/workspace';
import { WorkspaceLoader } from '../../server/src/workspace/loader';
import { ReadRoots } from '../../server/src/workspace/read-roots';
import { findingsFor } from '../../server/src/checks/registry';
import { TestClient } from '../helpers/lsp-client';
import { REPO_ROOT } from '../helpers/workspace';
import { writeCluster, type ClusterSpec } from './gen-cluster';

/**
 * What a user waits for, at 2 to 1,000 nodes: the cold check (the core in a
 * fresh process, and the CLI as a process against a bare `node` that only
 * walks the tree and reads every file), the server's scan and its
 * edit-to-diagnostics time over LSP (the edited file and the peer's file,
 * whose cross-node findings change with it), and the server's peak memory.
 * Each line is measured in this run; the ratios are what to compare between
 * machines. Not a test: nothing here fails a build.
 */

const SELF = __filename;
const CLI = path.join(REPO_ROOT, 'server', 'out', 'cli.js');

/** Milliseconds a command takes, the median of `runs` fresh processes. */
function processMs(args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - start);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

/**
 * Two commands timed in turns, `runs` pairs: the median of each, and the
 * median of the per-pair ratios a/b. Taken in turns so that a slow spell of
 * a shared machine (which moves a run by a fifth here) weighs on both sides
 * of a ratio alike, instead of on whichever ran during it.
 */
function pairedMs(a: string[], b: string[], runs = 5): { a: number; b: number; ratio: number } {
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const ta = processMs(a, 1);
    const tb = processMs(b, 1);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** `--bare DIR`: the floor for any checker, walking the tree and reading every file. */
function bareWalk(dir: string): void {
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else bytes += fs.readFileSync(full).length;
    }
  };
  walk(dir);
  if (bytes < 0) throw new Error('unreachable');
}

/** `--core DIR`: the server's core in a fresh process: index every file and check it, as the scan does. */
async function coreCheck(dir: string): Promise<void> {
  const start = performance.now();
  const ws = new Workspace();
  await new WorkspaceLoader(ws, { skipped: () => undefined }, await ReadRoots.of([dir])).loadFolder(dir, Infinity);
  let n = 0;
  for (const doc of ws.documents()) n += findingsFor(doc, ws).length;
  process.stdout.write(`${performance.now() - start} ${n}\n`);
}

function coreMs(dir: string): { ms: number; findings: number } {
  const runs = [0, 1, 2].map(() => spawnSync(process.execPath, [SELF, '--core', dir], { encoding: 'utf8' }).stdout.trim().split(' ').map(Number));
  return { ms: median(runs.map((r) => r[0])), findings: runs[0][1] };
}

interface LspResult {
  scanMs: number;
  editP50: number;
  editP95: number;
  peerP95: number;
  peakMb: number;
}

/**
 * The server over stdio, as an editor runs it: the scan, then `edits` edits
 * of one node's rc.conf that change its pass on vhid 2 and back (so the
 * cross-node finding appears on both nodes and goes away), each timed from
 * the change to the diagnostics of the edited file and of the peer's file.
 */
async function lsp(dir: string, edits: number): Promise<LspResult> {
  const client = TestClient.start('stdio');
  const child = (client as unknown as { child: { pid: number } }).child;
  try {
    const start = performance.now();
    await client.initialize(dir);
    await client.waitFor('the scan', () => client.status?.scanned, 600000);
    const scanMs = performance.now() - start;
    const file = path.join(dir, 'fw0000a', 'etc', 'rc.conf');
    const uri = pathToFileURL(file).href;
    const peer = pathToFileURL(path.join(dir, 'fw0000b', 'etc', 'rc.conf')).href;
    const text = fs.readFileSync(file, 'utf8');
    await client.open(uri, 'rc-conf', text);
    await client.waitForDiagnostics(uri, () => true);
    const own: number[] = [];
    const peers: number[] = [];
    for (let i = 0; i < edits; i++) {
      client.clear(uri);
      client.clear(peer);
      const t0 = performance.now();
      await client.replaceText(uri, i % 2 === 0 ? text.replace(/pass lan(\d+)key/, 'pass lan$1edit') : text);
      await client.waitForDiagnostics(uri, () => true);
      own.push(performance.now() - t0);
      await client.waitForDiagnostics(peer, () => true);
      peers.push(performance.now() - t0);
    }
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { scanMs, editP50: percentile(own, 50), editP95: percentile(own, 95), peerP95: percentile(peers, 95), peakMb: peakKb / 1024 };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--bare') return bareWalk(process.argv[3]);
  if (process.argv[2] === '--core') return coreCheck(process.argv[3]);
  const specs: (ClusterSpec & { label: string })[] = [
    { label: 'pairs', nodes: 2, groupSize: 2, defects: false },
    { label: 'pairs', nodes: 10, groupSize: 2, defects: false },
    { label: 'pairs', nodes: 100, groupSize: 2, defects: false },
    { label: 'pairs', nodes: 1000, groupSize: 2, defects: false },
    { label: 'pairs, defects', nodes: 100, groupSize: 2, defects: true },
    { label: 'pairs, defects', nodes: 1000, groupSize: 2, defects: true },
    { label: 'groups of 4', nodes: 1000, groupSize: 4, defects: false },
  ];
  const head = ['workspace', 'nodes', 'findings', 'core cold', 'CLI cold', 'bare walk', 'CLI/bare', 'server scan', 'edit p50', 'edit p95', 'peer p95', 'server peak'];
  const widths = [16, 6, 9, 10, 9, 10, 9, 12, 9, 9, 9, 11];
  const row = (cells: string[]): void => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' '));
  console.log(`freebsd-conf cluster benchmark (node ${process.version}, ${os.cpus().length} cores); times in ms, medians of 3 processes (CLI and bare walk: 5 runs in turns, CLI/bare the median of their ratios); edits: 40 over LSP`);
  row(head);
  const byNodes = new Map<string, { core: number; cli: number; p95: number; peak: number }>();
  for (const spec of specs) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-bench-'));
    try {
      writeCluster(dir, spec);
      const core = coreMs(dir);
      const { a: cli, b: bare, ratio } = pairedMs([CLI, 'check', '--format', 'json', dir], [SELF, '--bare', dir]);
      const l = await lsp(dir, 40);
      row([spec.label, String(spec.nodes), String(core.findings), core.ms.toFixed(0), cli.toFixed(0), bare.toFixed(0), `${ratio.toFixed(1)}x`, l.scanMs.toFixed(0), l.editP50.toFixed(1), l.editP95.toFixed(1), l.peerP95.toFixed(1), `${l.peakMb.toFixed(0)} MB`]);
      if (spec.label === 'pairs') byNodes.set(String(spec.nodes), { core: core.ms, cli, p95: l.editP95, peak: l.peakMb });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const small = byNodes.get('100');
  const large = byNodes.get('1000');
  if (small && large) {
    console.log(
      `1,000 nodes / 100 nodes (10x the nodes): core ${(large.core / small.core).toFixed(1)}x, CLI ${(large.cli / small.cli).toFixed(1)}x, ` +
        `edit p95 ${(large.p95 / small.p95).toFixed(1)}x, peak memory ${(large.peak / small.peak).toFixed(1)}x`,
    );
  }
  console.log('targets: edit p95 under 20 ms at 100 and 1,000 nodes; CLI within 8x the bare walk at 1,000 nodes; server under 250 MB at 1,000 nodes');
}

void main();
