// `npm run sizes`: builds the production bundles and freebsd-conf.vsix (as
// `npm start` does), checks what the .vsix holds against
// scripts/vsix-contents.mjs, and prints its size and each bundle's. Exits 1 if
// a step fails or the .vsix holds anything it should not.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { problemsWith } from './vsix-contents.mjs';

const VSIX = 'freebsd-conf.vsix';
const BUNDLES = ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js'];
// vsce stores these under names of its own; the check speaks of the files in the repository.
const VSCE_NAMES = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md', 'LICENSE.txt': 'LICENSE' };

function run(what, args) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`sizes: ${what} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
}

/** The entries of a zip file from its central directory: name, compressed and uncompressed size. */
function zipEntries(zip) {
  // The end-of-central-directory record: the last 22 bytes, unless the archive has a comment.
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${VSIX} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  const entries = [];
  for (let at = zip.readUInt32LE(eocd + 16), i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${VSIX}: bad central directory entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

run('the production build', ['scripts/build.mjs', '--production']);
run('packaging', ['scripts/package-vsix.mjs']);

const zip = fs.readFileSync(VSIX);
const entries = zipEntries(zip);
// vsce puts the extension under extension/, beside its own two manifest files.
const inside = [];
for (const e of entries) {
  if (!e.name.startsWith('extension/')) continue;
  const name = e.name.slice('extension/'.length);
  inside.push({ ...e, name: VSCE_NAMES[name] ?? name });
}
const outside = entries.filter((e) => !e.name.startsWith('extension/')).map((e) => e.name).sort();
const problems = problemsWith(
  inside.map((e) => e.name).sort(),
  fs.readFileSync('README.md', 'utf8'),
);
if (JSON.stringify(outside) !== JSON.stringify(['[Content_Types].xml', 'extension.vsixmanifest'])) problems.push(`unexpected beside extension/: ${outside.join(', ')}`);
if (problems.length > 0) {
  console.error(`sizes: ${VSIX} holds what it should not:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const rows = [[VSIX, zip.length, undefined, `${inside.length} files`]];
for (const bundle of BUNDLES) {
  const e = inside.find((x) => x.name === bundle);
  rows.push([bundle, fs.statSync(bundle).size, e?.compressed]);
}
const folders = [
  ['media/dist/', 'media/dist/ (webview)'],
  ['docs/screenshots/', 'docs/screenshots/'],
];
const sum = (list, key) => list.reduce((n, e) => n + e[key], 0);
for (const [prefix, label] of folders) {
  const list = inside.filter((e) => e.name.startsWith(prefix));
  if (list.length > 0) rows.push([label, sum(list, 'size'), sum(list, 'compressed'), `${list.length} files`]);
}
const rest = inside.filter((e) => !BUNDLES.includes(e.name) && !folders.some(([prefix]) => e.name.startsWith(prefix)));
rows.push(['everything else', sum(rest, 'size'), sum(rest, 'compressed'), `${rest.length} files: README, package.json, grammars, snippets, schema, icon...`]);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'file'.padEnd(width)}  ${'size'.padStart(10)}  ${'in .vsix'.padStart(10)}`);
for (const [name, size, compressed, note] of rows) {
  console.log(`${name.padEnd(width)}  ${kb(size).padStart(10)}  ${(compressed === undefined ? '' : kb(compressed)).padStart(10)}${note ? `  ${note}` : ''}`);
}
