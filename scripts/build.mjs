// Bundles the client, the server and the CLI with esbuild. Type checking is
// separate (`npm run check-types`), as in the esbuild extension sample, so a
// build stays fast. `--watch` rebuilds on change; `--production` minifies.
// buildOptions() is exported so that scripts/third-party-notices.mjs bundles
// exactly what ships; paths are relative to the repository root (the cwd).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTs } from './load-ts.mjs';

// Facts the bundles would otherwise look up beside themselves at run time, which
// breaks once a bundle is installed or copied elsewhere: the version and the
// homepage from package.json (see server/src/docs-url.ts).
function facts() {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  return {
    __FREEBSD_CONF_VERSION__: JSON.stringify(pkg.version),
    __FREEBSD_CONF_HOMEPAGE__: typeof pkg.homepage === 'string' ? JSON.stringify(pkg.homepage) : 'undefined',
  };
}

// The CLI's SARIF carries each code's README section as its rule help
// (server/src/cli/rule-help.ts). Cut from README.md here, so the two cannot
// drift; a code without a section fails the build. (`--watch` reads README.md
// and package.json once: restart it after editing either.)
function ruleHelp() {
  const { ALL_CODES } = loadTs('server/src/checks/codes.ts');
  const { ruleHelpFromReadme } = loadTs('server/src/cli/readme-sections.ts');
  return ruleHelpFromReadme(fs.readFileSync('README.md', 'utf8'), ALL_CODES);
}

/**
 * The esbuild option objects of one build: the benchmarks with `bench`
 * (bundled like the server so that they time the code as it ships: tsc's
 * CommonJS output reads every imported function and table through a module
 * object; the pf parser ran 5–9% slower that way), else the shipped bundles;
 * `production` minifies and leaves out source maps.
 */
export function buildOptions({ production = false, bench = false } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'info',
    legalComments: 'none',
    define: facts(),
    // jsonc-parser's `main` is a UMD wrapper whose inner require() calls esbuild
    // cannot follow (the bundle then fails with "Cannot find module
    // './impl/format'"); its ESM build bundles, and only what is used is kept.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  };

  return bench
    ? [
        { ...common, entryPoints: ['test/bench/run.ts'], outfile: 'out/bench/run.js' },
        { ...common, entryPoints: ['test/bench/pf.ts'], outfile: 'out/bench/pf.js' },
        { ...common, entryPoints: ['test/bench/cluster.ts'], outfile: 'out/bench/cluster.js' },
      ]
    : [
        { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
        // The topology diagram's webview: a browser bundle (ELK included, no worker) and its stylesheet.
        // Always minified: esbuild re-indents ELK's compiled code from 1.6 MB to 3.5 MB otherwise.
        {
          ...common,
          platform: 'browser',
          format: 'iife',
          target: 'chrome120',
          minify: true,
          entryPoints: ['client/webview/topology.ts', 'client/webview/topology.css'],
          outdir: 'media/dist',
        },
        { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
        {
          ...common,
          entryPoints: ['server/src/cli/main.ts'],
          outfile: 'server/out/cli.js',
          banner: { js: "#!/usr/bin/env node" },
          define: { ...common.define, __FREEBSD_CONF_RULE_HELP__: JSON.stringify(ruleHelp()) },
        },
      ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const watch = process.argv.includes('--watch');
  const bench = process.argv.includes('--bench');
  const builds = buildOptions({ production: process.argv.includes('--production'), bench });
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
    // The CLI is package.json's `bin`. npm marks a bin executable when it
    // installs the package, but in a clone the bundle is built after `npm ci`,
    // so `npx freebsd-conf` would find it without the execute bit.
    if (!bench) fs.chmodSync('server/out/cli.js', 0o755);
  }
}
