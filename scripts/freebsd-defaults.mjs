// Reads FreeBSD's own defaults files (rc.conf and loader.conf) into the shape
// of the knob catalogues in ../shared/reference, for scripts/generate-knobs.mjs
// --from. A FreeBSD source tree keeps them at libexec/rc/rc.conf and
// stand/defaults/loader.conf; an installed system (a FreeBSD root, or a copy
// of one) at /etc/defaults/rc.conf and /boot/defaults/loader.conf.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const LAYOUTS = [
  { kind: 'source tree', rc: 'libexec/rc/rc.conf', loader: 'stand/defaults/loader.conf' },
  { kind: 'root', rc: 'etc/defaults/rc.conf', loader: 'boot/defaults/loader.conf' },
];

const NAME = '[A-Za-z_][A-Za-z0-9_]*';

/**
 * Reads one `NAME=VALUE` value from `text` at `at` as /bin/sh would for the
 * simple forms a defaults file uses: "double" or 'single' quoted (possibly over
 * several lines), or a bare word up to white space or `#`. Returns the text as
 * written between the quotes (no `${…}` expansion, backslashes kept) and where
 * the value ends.
 */
function readValue(text, at) {
  const q = text[at];
  if (q === '"' || q === "'") {
    let i = at + 1;
    while (i < text.length && text[i] !== q) i += q === '"' && text[i] === '\\' ? 2 : 1;
    return { value: text.slice(at + 1, i), end: i + 1 };
  }
  const m = /^[^\s#;]*/.exec(text.slice(at));
  return { value: m[0], end: at + m[0].length };
}

/**
 * rc.conf's top-level assignments, in file order: { entries, commentedOut }.
 * An entry is { name, default, source_line } (1-based line of the name), with a
 * note for `: ${name:=value}` (set only when not set before). Lines inside an
 * `if`/function block, which start with white space in the defaults file, are
 * not top-level. `commentedOut` lists names that appear only as `#name=…`.
 */
export function parseRcDefaults(text) {
  const entries = [];
  const commented = [];
  const lines = text.split('\n');
  const lineStarts = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i].length + 1, i++) lineStarts.push(at);
  let skipUntil = 0;
  for (let i = 0; i < lines.length; i++) {
    const at = lineStarts[i];
    if (at < skipUntil) continue;
    const line = lines[i];
    let m = new RegExp(`^(${NAME})=`).exec(line);
    if (m) {
      const { value, end } = readValue(text, at + m[0].length);
      entries.push({ name: m[1], default: value, source_line: i + 1 });
      skipUntil = end; // a quoted value may span lines
      continue;
    }
    m = new RegExp(`^:\\s+\\$\\{(${NAME}):?=`).exec(line);
    if (m) {
      const { value } = readValue(text, at + m[0].length);
      entries.push({ name: m[1], default: value, source_line: i + 1, note: `set via ': \${${m[1]}:=...}' only if not already set` });
      continue;
    }
    m = new RegExp(`^#(${NAME})=`).exec(line);
    if (m) commented.push(m[1]);
  }
  const active = new Set(entries.map((e) => e.name));
  const commentedOut = [...new Set(commented)].filter((n) => !active.has(n));
  return { entries, commentedOut };
}

/** loader.conf's active assignments: `*_load` knobs in `entries`, the rest in `other_variables`, each { name, default, source_line }. */
export function parseLoaderDefaults(text) {
  const entries = [];
  const others = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*([A-Za-z0-9_.-]+)\s*=\s*/.exec(line);
    if (!m) return;
    const { value } = readValue(line, m[0].length);
    (m[1].endsWith('_load') ? entries : others).push({ name: m[1], default: value, source_line: i + 1 });
  });
  return { entries, other_variables: others };
}

/** "FreeBSD 15.0-CURRENT" from a source tree's sys/conf/newvers.sh or a root's bin/freebsd-version; undefined when neither says. */
function release(dir, kind) {
  const read = (rel) => (fs.existsSync(path.join(dir, rel)) ? fs.readFileSync(path.join(dir, rel), 'utf8') : '');
  if (kind === 'root') {
    const m = /^USERLAND_VERSION="([^"]+)"/m.exec(read('bin/freebsd-version'));
    return m ? `FreeBSD ${m[1]}` : undefined;
  }
  const newvers = read('sys/conf/newvers.sh');
  const revision = /^REVISION="([^"]+)"/m.exec(newvers);
  const branch = /^BRANCH="?([^"\s]+)"?/m.exec(newvers);
  return revision ? `FreeBSD ${revision[1]}${branch ? `-${branch[1]}` : ''}` : undefined;
}

/** The commit a source tree is checked out at, when it is the top of a git work tree. */
function commitOf(dir) {
  const top = spawnSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' });
  if (top.status !== 0 || fs.realpathSync(top.stdout.trim()) !== fs.realpathSync(dir)) return undefined;
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return head.status === 0 ? head.stdout.trim() : undefined;
}

/**
 * Finds and parses the defaults files under `dir` (a FreeBSD source tree or
 * root). Returns { rc, loader } in the reference catalogues' shape, or
 * { error } saying what was looked for.
 */
export function readFreeBSDDefaults(dir) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return { error: `--from ${dir}: no such folder` };
  const layout = LAYOUTS.find((l) => fs.existsSync(path.join(dir, l.rc)) || fs.existsSync(path.join(dir, l.loader)));
  if (!layout) {
    return { error: `--from ${dir} is neither a FreeBSD source tree (${LAYOUTS[0].rc}, ${LAYOUTS[0].loader}) nor a FreeBSD root (/${LAYOUTS[1].rc}, /${LAYOUTS[1].loader})` };
  }
  const missing = [layout.rc, layout.loader].filter((rel) => !fs.existsSync(path.join(dir, rel)));
  if (missing.length) return { error: `--from ${dir} looks like a FreeBSD ${layout.kind} but has no ${missing.join(' and no ')}` };
  const version = release(dir, layout.kind);
  const commit = layout.kind === 'source tree' ? commitOf(dir) : undefined;
  const source = (rel) => {
    const shown = layout.kind === 'root' ? `/${rel}` : rel;
    return `${version ?? 'FreeBSD'} ${shown}${commit ? ` @ ${commit}` : layout.kind === 'root' ? ' (installed system)' : ' (source tree)'}`;
  };
  const rc = parseRcDefaults(fs.readFileSync(path.join(dir, layout.rc), 'utf8'));
  const loader = parseLoaderDefaults(fs.readFileSync(path.join(dir, layout.loader), 'utf8'));
  return {
    rc: { source: source(layout.rc), entries: rc.entries, commented_out_examples_of_interest: rc.commentedOut },
    loader: { source: source(layout.loader), entries: loader.entries, other_variables: loader.other_variables },
  };
}
