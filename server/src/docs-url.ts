import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where each code's documentation lives: the README shipped beside the
 * bundles (server/out/*.js → ../../README.md), so a link always opens the docs
 * of the installed version, even offline.
 */
export function docsUrl(): string {
  for (const candidate of [path.resolve(__dirname, '..', '..', 'README.md'), path.resolve(__dirname, '..', '..', '..', 'README.md')]) {
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return pathToFileURL(path.resolve(__dirname, '..', '..', 'README.md')).href;
}

/** The version in package.json, for SARIF and --version. */
export function productVersion(): string {
  for (const candidate of [path.resolve(__dirname, '..', '..', 'package.json'), path.resolve(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'freebsd-conf' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}
