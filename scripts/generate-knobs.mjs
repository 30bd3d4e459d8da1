// Generates server/src/data/{rc,loader}-knobs.json from FreeBSD's defaults
// files. The output is committed, so building never needs them; rerun this
// after the inputs or scripts/knob-descriptions.json change:
//   node scripts/generate-knobs.mjs [--from DIR] [--shared DIR] [--out DIR]
//
// Without --from it reads the knob catalogues in ../shared/reference (FreeBSD's
// rc.conf and loader.conf at one revision each, as data: rc-conf-defaults.json,
// loader-conf-defaults.json), and reproduces the committed files byte for byte
// (test/unit/scripts/generate-knobs.test.ts). --shared names another folder
// that holds reference/. With --from it reads FreeBSD's own defaults files
// instead (scripts/freebsd-defaults.mjs): DIR is a FreeBSD source tree
// (libexec/rc/rc.conf, stand/defaults/loader.conf) or a FreeBSD root
// (/etc/defaults/rc.conf, /boot/defaults/loader.conf), so an admin can
// regenerate the catalogues from the release they run. --out writes
// elsewhere than server/src/data.
//
// Descriptions come from scripts/knob-descriptions.json (written by hand).
// A catalogue knob without one gets a pattern-based text when its name tells
// what it is (`<svc>_enable`, `_flags`, `_program`, loader `<mod>_load`); such
// text starts with "Generic:" and the knob is marked `generic: true`, so the
// editor never passes it off as a real description. Hand-written entries for
// names that are not in a defaults file (kld_list, carp_load, ...) go to
// `documented`: real knobs with no default value.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readFreeBSDDefaults } from './freebsd-defaults.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`generate-data: ${message}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      from: { type: 'string' },
      shared: { type: 'string', default: path.join(root, '..', 'shared') },
      out: { type: 'string', default: path.join(root, 'server', 'src', 'data') },
    },
  }));
} catch (e) {
  fail(`${e.message}. Usage: node scripts/generate-knobs.mjs [--from <FreeBSD source tree or root>] [--shared DIR] [--out DIR]`);
}
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const descriptionsFile = path.join(root, 'scripts', 'knob-descriptions.json');
const descriptions = fs.existsSync(descriptionsFile) ? read(descriptionsFile) : { rc: {}, loader: {} };

/** The two catalogues ({ rc, loader }), from --from or from the reference folder; one clear message when an input is missing. */
function catalogues() {
  if (values.from) {
    const r = readFreeBSDDefaults(path.resolve(values.from));
    if (r.error) fail(r.error);
    return r;
  }
  const reference = path.join(values.shared, 'reference');
  const files = { rc: path.join(reference, 'rc-conf-defaults.json'), loader: path.join(reference, 'loader-conf-defaults.json') };
  const missing = Object.values(files).filter((f) => !fs.existsSync(f));
  if (missing.length) {
    fail(
      `no ${missing.join(' and no ')}: without --from this reads the knob catalogues in ${reference}. ` +
        'Pass --from <FreeBSD source tree or root> to read FreeBSD\'s own defaults files, or --shared DIR for a folder holding reference/.',
    );
  }
  try {
    return { rc: read(files.rc), loader: read(files.loader) };
  } catch (e) {
    fail(`cannot read the catalogues in ${reference}: ${e.message}`);
  }
}

/** Pattern-based text for a knob nobody described yet, or undefined when the name says nothing. */
function genericDescription(kind, name) {
  let m;
  if (kind === 'rc') {
    if ((m = /^(.+)_enable$/.exec(name))) return `Generic: YES starts or enables the ${m[1]} service at boot (rc.d/${m[1]} or the code that reads this knob).`;
    if ((m = /^(.+)_flags$/.exec(name))) return `Generic: extra command-line arguments rc passes to ${m[1]}.`;
    if ((m = /^(.+)_program$/.exec(name))) return `Generic: path of the ${m[1]} program rc starts.`;
    return undefined;
  }
  if ((m = /^(.+)_load$/.exec(name))) return `Generic: YES loads the ${m[1]} module at boot.`;
  if ((m = /^(.+)_name$/.exec(name))) return `Generic: file the loader reads for the ${m[1]} module.`;
  if ((m = /^(.+)_type$/.exec(name))) return `Generic: module type of ${m[1]} the loader passes to the kernel.`;
  return undefined;
}

function knob(kind, entry, own) {
  const out = { name: entry.name, default: entry.default, line: entry.source_line };
  const description = own[entry.name];
  if (description) {
    out.description = description;
  } else {
    const generic = genericDescription(kind, entry.name);
    if (generic) {
      out.description = generic;
      out.generic = true;
    }
  }
  return out;
}

/** Hand-written descriptions of real knobs that the defaults file does not set. */
function documented(entries, own) {
  const known = new Set(entries.map((e) => e.name));
  return Object.entries(own)
    .filter(([name]) => !known.has(name))
    .map(([name, description]) => ({ name, description }));
}

function write(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 1) + '\n');
  const described = data.knobs.filter((k) => k.description && !k.generic).length;
  const generic = data.knobs.filter((k) => k.generic).length;
  const shown = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);
  console.error(
    `wrote ${shown} (${data.knobs.length} knobs, ${described} described, ${generic} generic, ${data.documented.length} documented extras) from ${data.source}`,
  );
}

const { rc, loader } = catalogues();
const rcOwn = descriptions.rc ?? {};
write(path.join(values.out, 'rc-knobs.json'), {
  source: rc.source,
  generatedBy: 'scripts/generate-knobs.mjs',
  knobs: rc.entries.map((e) => knob('rc', e, rcOwn)),
  documented: documented(rc.entries, rcOwn),
  examples: rc.commented_out_examples_of_interest ?? [],
});

const loaderEntries = [...loader.entries, ...(loader.other_variables ?? [])];
const loaderOwn = descriptions.loader ?? {};
write(path.join(values.out, 'loader-knobs.json'), {
  source: loader.source,
  generatedBy: 'scripts/generate-knobs.mjs',
  knobs: loaderEntries.map((e) => knob('loader', e, loaderOwn)),
  documented: documented(loaderEntries, loaderOwn),
});
