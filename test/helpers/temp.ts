import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];
let hooked = false;

function removeAll(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A fresh folder under the OS temp dir, removed when the test process exits,
 * whether its tests passed or failed (`node --test` runs each test file in a
 * process of its own). Optionally filled with `files` (relative path → content).
 */
export function makeTempDir(prefix: string, files: Record<string, string | Buffer> = {}): string {
  if (!hooked) {
    process.once('exit', removeAll);
    hooked = true;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Removes the folders made so far now, for a test that wants them gone before the process ends. */
export function removeTempDirs(): void {
  removeAll();
}
