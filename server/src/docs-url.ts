import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

// Written into the bundles by scripts/build.mjs (esbuild `define`) from
// package.json, so they are right wherever a bundle is copied or installed.
// Undefined when this module runs unbundled (the unit tests' tsc output).
declare const __FREEBSD_CONF_VERSION__: string | undefined;
declare const __FREEBSD_CONF_HOMEPAGE__: string | undefined;

/**
 * Where each code's documentation lives for the language server's links: the
 * README shipped beside the bundles (server/out/*.js → ../../README.md), so a
 * link opens the docs of the installed version, even offline. This one is
 * looked up at run time because it names a place on the user's disk.
 */
export function docsUrl(): string {
  for (const candidate of [path.resolve(__dirname, '..', '..', 'README.md'), path.resolve(__dirname, '..', '..', '..', 'README.md')]) {
    if (fs.existsSync(candidate)) return pathToFileURL(candidate).href;
  }
  return pathToFileURL(path.resolve(__dirname, '..', '..', 'README.md')).href;
}

/** The version in package.json when the bundle was built, for SARIF and --version. */
export function productVersion(): string {
  return typeof __FREEBSD_CONF_VERSION__ === 'string' ? __FREEBSD_CONF_VERSION__ : '0.0.0-unbundled';
}

/**
 * package.json's `homepage`, when it declares one on http(s): the only
 * documentation address that means the same on every machine, so SARIF's
 * helpUri and informationUri are built from it or left out.
 */
export function productHomepage(): string | undefined {
  return typeof __FREEBSD_CONF_HOMEPAGE__ === 'string' ? publicHomepage(__FREEBSD_CONF_HOMEPAGE__) : undefined;
}

/** An http(s) homepage without its fragment (`…#readme`), else undefined. */
export function publicHomepage(homepage: unknown): string | undefined {
  if (typeof homepage !== 'string' || !/^https?:\/\/[^/\s]+/i.test(homepage)) return undefined;
  return homepage.replace(/#.*$/, '');
}
