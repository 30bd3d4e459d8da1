// What freebsd-conf.vsix may hold, and a check of a list of files against it.
// .vscodeignore selects the files; this says what the selection must come to:
// the three bundles, grammars, snippets, language configurations, schemas,
// media/ (the icon, the webview bundle in media/dist/), the screenshots the
// README shows, README, LICENSE, THIRD-PARTY-NOTICES.md, CHANGELOG and
// package.json; never sources, tests, node_modules, tsc's out/ or source maps.
//
//   node scripts/vsix-contents.mjs [DIR] [--json]
// lists what `vsce package` would take from DIR (default: .) as
// scripts/package-vsix.mjs does, prints what is wrong with it and exits 1 if
// anything is; --json prints {files, problems} and always exits 0.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '@vscode/vsce';

/** The entries of the extension's folder in the .vsix. */
export const TOP_LEVEL = ['CHANGELOG.md', 'LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'client', 'docs', 'language-configuration', 'media', 'package.json', 'schemas', 'server', 'snippets', 'syntaxes'];

/** The folders that hold built files: exactly these files. */
const BUNDLES = { client: ['client/out/extension.js'], server: ['server/out/cli.js', 'server/out/server.js'] };

const FORBIDDEN = [
  [/(^|\/)src\//, 'a source folder'],
  [/(^|\/)test\//, 'a test folder'],
  [/(^|\/)node_modules\//, 'node_modules'],
  [/^out\//, "tsc's out/"],
  [/\.map$/, 'a source map'],
  [/\.ts$/, 'TypeScript source'],
  [/(^|\/)\.[^/]/, 'a dot-file'],
];

/** What vsce would package from `dir`, as package-vsix.mjs lists it: paths relative to dir, with `/`. */
export async function packagedFiles(dir) {
  const files = await listFiles({ cwd: dir, packageManager: 'none' });
  return files.map((f) => f.split(path.sep).join('/')).sort();
}

/** The local images a README shows (Markdown `![..](path)` and `<img src>`), relative paths only. */
export function readmeImages(readme) {
  const found = [...readme.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g), ...readme.matchAll(/<img\s[^>]*src=["']([^"']+)["']/g)].map((m) => m[1]);
  return [...new Set(found.filter((p) => !/^[a-z]+:/i.test(p)).map((p) => p.replace(/^\.\//, '')))].sort();
}

/**
 * What is wrong with a list of packaged files: entries at the top that should
 * not be there or are missing, forbidden files, bundle folders holding other
 * files, README images left out, screenshots the README does not show.
 */
export function problemsWith(files, readme) {
  const problems = [];
  const top = new Set(files.map((f) => f.split('/')[0]));
  for (const t of [...top].filter((t) => !TOP_LEVEL.includes(t)).sort()) problems.push(`unexpected at the top: ${t}`);
  for (const t of TOP_LEVEL.filter((t) => !top.has(t))) problems.push(`missing at the top: ${t}${t in BUNDLES ? ' (run npm run build)' : ''}`);
  for (const f of files) {
    for (const [pattern, what] of FORBIDDEN) if (pattern.test(f)) problems.push(`${f}: ${what}`);
  }
  for (const [folder, allowed] of Object.entries(BUNDLES)) {
    for (const f of files.filter((f) => f.startsWith(`${folder}/`) && !allowed.includes(f))) problems.push(`${f}: ${folder}/ ships only ${allowed.join(', ')}`);
  }
  const images = readmeImages(readme);
  for (const image of images.filter((i) => !files.includes(i))) problems.push(`${image}: the README shows it, the package leaves it out`);
  for (const f of files.filter((f) => f.startsWith('docs/') && !images.includes(f))) problems.push(`${f}: under docs/, only the images the README shows are shipped`);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '.');
  const files = await packagedFiles(dir);
  const problems = problemsWith(files, fs.readFileSync(path.join(dir, 'README.md'), 'utf8'));
  if (json) {
    process.stdout.write(`${JSON.stringify({ files, problems }, null, 2)}\n`);
  } else if (problems.length > 0) {
    console.error(`vsix-contents: ${problems.length} problem(s) in what would be packaged from ${dir}:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`vsix-contents: ${files.length} files, top level: ${TOP_LEVEL.join(' ')}`);
  }
}
