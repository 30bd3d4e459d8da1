import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePfConf, type PfError, type PfFile } from '../../../server/src/parsers/pf';
import { LineIndex } from '../../../server/src/parsers/text';
import { PF_CORPUS_SKIP, readCorpusManifest, requirePfCorpus } from '../../helpers/pf-corpus';

/**
 * Conformance over FreeBSD pfctl's own regression corpus (see test/helpers/pf-corpus.ts):
 * every input pfctl accepts must parse without a single error, and the inputs
 * pfctl rejects must be flagged — with pfctl's message where the `.fail`
 * regex can be matched. The flagged count is asserted so it can never drop.
 */

/** Rejected inputs we flag today (all of them); raise it when more are caught, never lower it. */
const REJECTED_FLAGGED = 11;

/** An error formatted as pfctl prints it (`FILE:LINE: message`), for matching `.fail` regexes. */
function pfctlLines(dir: string, file: PfFile, name: string, text: string): string[] {
  const lines = new LineIndex(text);
  const out = file.errors.map((e: PfError) => `${name}:${lines.positionAt(e.start).line + 1}: ${e.message}`);
  for (const inc of file.includes) {
    if (inc.included) out.push(...pfctlLines(dir, inc.included, inc.path.text.replace(/^\.\//, ''), includeText(dir, inc.path.text) ?? ''));
  }
  return out;
}

function includeText(dir: string, rel: string): string | undefined {
  const full = path.resolve(dir, rel);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

/** Parses a corpus file the way pfctl runs from the files/ directory: includes are relative to it. */
function parseCorpusFile(dir: string, name: string): { file: PfFile; text: string } {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const resolveInclude = (p: string): string | undefined => {
    const full = path.resolve(dir, p);
    return full.startsWith(dir) && fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
  };
  return { file: parsePfConf(text, { resolveInclude }), text };
}

function allErrors(file: PfFile): PfError[] {
  const out = [...file.errors];
  for (const inc of file.includes) if (inc.included) out.push(...allErrors(inc.included));
  return out;
}

describe('pf corpus conformance', { skip: PF_CORPUS_SKIP }, () => {
  test('accepted inputs give no errors; rejected inputs are flagged', () => {
    const { pfctl, examples } = requirePfCorpus();
    const falseErrors: string[] = [];
    let accepted = 0;
    let rejected = 0;
    let flagged = 0;
    let withPfctlMessage = 0;
    for (const f of readCorpusManifest(pfctl)) {
      if (!/\.(in|ok)$/.test(f.name)) continue;
      const { file, text } = parseCorpusFile(pfctl, f.name);
      const errors = allErrors(file);
      if (f.expect === 'accept') {
        accepted++;
        for (const e of errors) falseErrors.push(`${f.name}: ${e.message} at ${JSON.stringify(text.slice(e.start, e.end))}`);
        continue;
      }
      rejected++;
      if (errors.length > 0) flagged++;
      const failPath = path.join(pfctl, f.name.replace(/\.in$/, '.fail'));
      if (fs.existsSync(failPath)) {
        const re = new RegExp(fs.readFileSync(failPath, 'utf8').trim());
        if (pfctlLines(pfctl, file, f.name, text).some((l) => re.test(l))) withPfctlMessage++;
      }
    }
    for (const f of readCorpusManifest(examples)) {
      const { file, text } = parseCorpusFile(examples, f.name);
      accepted++;
      for (const e of allErrors(file)) falseErrors.push(`${f.name}: ${e.message} at ${JSON.stringify(text.slice(e.start, e.end))}`);
    }
    console.log(`pf corpus: ${falseErrors.length} false errors on ${accepted} accepted files; ${flagged}/${rejected} rejected inputs flagged (${withPfctlMessage} with pfctl's own message)`);
    assert.deepEqual(falseErrors, []);
    assert.ok(accepted >= 250, `expected the whole corpus, read ${accepted} accepted files`);
    assert.ok(flagged >= REJECTED_FLAGGED, `only ${flagged} rejected inputs flagged, was ${REJECTED_FLAGGED}`);
    assert.equal(withPfctlMessage, flagged, 'every flagged input should carry the message pfctl prints');
  });
});
