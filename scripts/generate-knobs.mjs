// Generates server/src/data/{rc,loader}-knobs.json from the knob catalogues in
// ../shared/reference (the FreeBSD defaults files, as data). The output is
// committed, so building never needs ../shared; rerun this after the
// catalogues or scripts/knob-descriptions.json change:
//   node scripts/generate-knobs.mjs [--shared DIR]
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { shared: { type: 'string', default: path.join(root, '..', 'shared') } } });
const reference = path.join(values.shared, 'reference');
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const descriptionsFile = path.join(root, 'scripts', 'knob-descriptions.json');
const descriptions = fs.existsSync(descriptionsFile) ? read(descriptionsFile) : { rc: {}, loader: {} };

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
  console.error(
    `wrote ${path.relative(root, file)} (${data.knobs.length} knobs, ${described} described, ${generic} generic, ${data.documented.length} documented extras)`,
  );
}

const rc = read(path.join(reference, 'rc-conf-defaults.json'));
const rcOwn = descriptions.rc ?? {};
write(path.join(root, 'server', 'src', 'data', 'rc-knobs.json'), {
  source: rc.source,
  generatedBy: 'scripts/generate-knobs.mjs',
  knobs: rc.entries.map((e) => knob('rc', e, rcOwn)),
  documented: documented(rc.entries, rcOwn),
  examples: rc.commented_out_examples_of_interest ?? [],
});

const loader = read(path.join(reference, 'loader-conf-defaults.json'));
const loaderEntries = [...loader.entries, ...(loader.other_variables ?? [])];
const loaderOwn = descriptions.loader ?? {};
write(path.join(root, 'server', 'src', 'data', 'loader-knobs.json'), {
  source: loader.source,
  generatedBy: 'scripts/generate-knobs.mjs',
  knobs: loaderEntries.map((e) => knob('loader', e, loaderOwn)),
  documented: documented(loaderEntries, loaderOwn),
});
