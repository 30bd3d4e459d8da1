// Packages freebsd-conf.vsix with vsce, from the files .vscodeignore selects.
//
// package.json's `files` is npm's list, for the CLI tarball (`npm pack`), and
// vsce refuses to package when it finds both `files` and a .vscodeignore ("VSCE
// does not support combining both strategies"). So this copies exactly the
// files vsce lists from .vscodeignore into a temporary folder, with a
// package.json that has no `files`, and packages there: the .vsix holds the
// same files, package.json included, as when the manifest had no `files`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createVSIX, listFiles } from '@vscode/vsce';

const root = process.cwd();
const out = path.resolve(root, 'freebsd-conf.vsix');
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-vsix-'));
try {
  // With a .vscodeignore present, listing does not read `files`.
  const files = await listFiles({ cwd: root, packageManager: 'none' });
  for (const file of [...files, '.vscodeignore']) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await createVSIX({ cwd: stage, packagePath: out, dependencies: false, allowMissingRepository: true, rewriteRelativeLinks: false });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
