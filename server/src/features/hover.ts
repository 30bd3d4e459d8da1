import type { Hover, Position } from 'vscode-languageserver-types';
import type { ParsedDocument, RcDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import { nodeConfig } from '../model/node-config';
import type { Setting } from '../parsers/syntax';
import { CARP_SYSCTL_PREFIX, carpSysctl, LEGACY_CARP_SYSCTLS, type CarpSysctl } from '../model/carp-sysctls';
import { MASKED_PASSWORD, overlapsSpan } from '../model/mask';
import { ifconfigCommands, type IfconfigEntry, type IfWord } from '../model/ifconfig-value';
import { evalIfconfigWords, type EvalWord } from '../model/ifconfig-eval';
import { secretsOf } from '../model/carp-pass';
import { loaderKnobDoc, manLink, rcKnobDoc, type KnobDoc, type ManPage } from './knob-docs';
import { CARP_PASS_SIGNIFICANT, carpKeywordDoc, ifconfigForm } from './carp-keyword-docs';
import { pfHover } from './pf';
import { inlineCode as code } from './markdown-text';
import { vhidGroupHover } from './vhid-hover';

/** Options the user controls; passwords stay masked unless they asked to see them. */
export interface HoverOptions {
  showPasswords: boolean;
}

/**
 * The hover at a position: knob documentation on a name, sysctl facts on an
 * OID, and the meaning of a CARP keyword inside an ifconfig value. Pure, so
 * the server, tests and any other editor integration share it. CARP
 * passwords are masked here unless `showPasswords` is set: a hover is
 * exactly what ends up in screenshots. The value is read as network.subr's
 * eval reads it, so `pass 'two words'` is one password here too.
 */
export function hover(doc: ParsedDocument, position: Position, workspace: WorkspaceView, options: HoverOptions): Hover | null {
  const offset = doc.lines.offsetAt(position);
  switch (doc.kind) {
    case 'rc':
      return rcHover(doc, offset, workspace, options);
    case 'loader': {
      const s = settingAt(doc.loader.settings, offset);
      if (!s || !inName(s, offset)) return null;
      const text = s.name.includes('.') ? sysctlMarkdown(s.name, 'loader') : loaderMarkdown(s.name);
      return result(doc, s, text);
    }
    case 'sysctl': {
      const s = settingAt(doc.sysctl.settings, offset);
      if (!s || !inName(s, offset)) return null;
      return result(doc, s, sysctlMarkdown(s.name, 'sysctl'));
    }
    case 'pf':
      return pfHover(doc, position, workspace);
  }
}

function settingAt<T extends Setting>(settings: readonly T[], offset: number): T | undefined {
  return settings.find((s) => s.nameStart <= offset && offset < Math.max(s.valueEnd, s.nameEnd));
}

function inName(s: Setting, offset: number): boolean {
  return s.nameStart <= offset && offset < s.nameEnd;
}

function result(doc: ParsedDocument, s: Setting, text: string): Hover {
  return { contents: { kind: 'markdown', value: text }, range: doc.lines.range(s.nameStart, s.nameEnd) };
}

function rcHover(doc: RcDocument, offset: number, workspace: WorkspaceView, options: HoverOptions): Hover | null {
  const a = settingAt(doc.rc.assignments, offset);
  if (!a) return null;
  if (inName(a, offset)) {
    const note = overrides(doc, a.name, workspace);
    return result(doc, a, knobMarkdown(a.name, rcKnobDoc(a.name), 'rc.conf', '/etc/defaults/rc.conf', note));
  }
  const group = vhidGroupHover(doc, offset, workspace, options);
  if (group) return group;
  const form = ifconfigForm(a.name);
  if (!form) return null;
  for (const entry of ifconfigCommands(evalIfconfigWords(a.value, a.valueOffsets, doc.text), form)) {
    const word = entry.words.find((w) => w.start <= offset && offset < w.end);
    if (!word) continue;
    const spans = options.showPasswords ? [] : secretsOf(doc, workspace).spans(doc.uri);
    const text = keywordMarkdown(entry, word as EvalWord, options, (w) => (overlapsSpan(spans, w.start, w.end) ? MASKED_PASSWORD : (w as EvalWord).written));
    return text ? { contents: { kind: 'markdown', value: text }, range: doc.lines.range(word.start, word.end) } : null;
  }
  return null;
}

/** The CARP parameter a word is the keyword or the argument of. */
function paramOf(entry: IfconfigEntry, word: IfWord): { keyword: string; value: IfWord | undefined } | undefined {
  for (const [keyword, p] of Object.entries(entry.carp)) {
    if (p && (p.keyword === word || p.value === word)) return { keyword, value: p.value };
  }
  return undefined;
}

/**
 * The markdown for a word of an ifconfig value. `shown` gives a word as it
 * may be displayed: masked when model/carp-pass counts it as (part of) a
 * pass, even where ifconfig pairs it with another keyword.
 */
function keywordMarkdown(entry: IfconfigEntry, word: EvalWord, options: HoverOptions, shown: (w: IfWord) => string): string | undefined {
  const param = paramOf(entry, word);
  const keyword = param?.keyword ?? word.text;
  const d = carpKeywordDoc(keyword);
  if (!d) return undefined;
  const lines = [`**${d.keyword}**${d.argument ? ` \`${d.argument}\`` : ''} — ${d.carp ? 'CARP parameter' : 'ifconfig keyword'}`, '', d.meaning];
  if (d.range) lines.push('', `Range: ${d.range}.`);
  if (keyword === 'pass' && param?.value) {
    lines.push('', passLine(param.value as EvalWord, options.showPasswords));
  } else if (param?.value && param.value === word) {
    lines.push('', `Value here: ${code(shown(word))}.`);
  }
  lines.push('', d.carp ? `${manLink('carp')} · ${manLink('ifconfig')}` : manLink('ifconfig'));
  return lines.join('\n');
}

/**
 * What a hover says about a password. Masked it is the same sentence for
 * every pass, so it tells nothing about one (not its length, nor whether it
 * is too long); revealed it shows the pass as written, with its length in
 * bytes (what ifconfig cuts at) when it is a plain word. A quoted or
 * expanded one is read by network.subr at boot, and for `_aliasN` values
 * not even like one shell word (its handler splits the eval's result again
 * at blanks), so no length is claimed for it.
 */
function passLine(pass: EvalWord, show: boolean): string {
  const rule = `Only the first ${CARP_PASS_SIGNIFICANT} bytes count.`;
  if (!show) return `Password: \`${MASKED_PASSWORD}\`. ${rule}`;
  if (!pass.known || pass.text !== pass.written) return `Password: ${code(pass.written)}, as written: network.subr reads its quoting or expansion at boot. ${rule}`;
  const bytes = new TextEncoder().encode(pass.text).length;
  const size = bytes === pass.text.length ? `${bytes} bytes` : `${[...pass.text].length} characters, ${bytes} bytes in UTF-8`;
  const cut = bytes > CARP_PASS_SIGNIFICANT ? ` This one is longer: everything after byte ${CARP_PASS_SIGNIFICANT} is ignored.` : '';
  return `Password: ${code(pass.written)} (${size}). ${rule}${cut}`;
}

function defaultLine(doc: KnobDoc, file: string): string {
  if (doc.default === undefined) return `No default: \`${file}\` does not set it.`;
  return `Default: \`"${doc.default}"\` (from \`${file}\`).`;
}

function knobMarkdown(name: string, doc: KnobDoc | undefined, kind: 'rc.conf' | 'loader.conf', defaultsFile: string, note = ''): string {
  if (!doc) {
    return [
      `**${name}** — not ${kind === 'rc.conf' ? 'an' : 'a'} ${kind} knob`,
      '',
      `Not in \`${defaultsFile}\` and no known name pattern. It may be read by a port's or package's own script, ` +
        'be a plain shell variable, or be misspelt.',
      '',
      manLink(kind as ManPage),
    ].join('\n');
  }
  const lines = [`**${name}** — ${kind} ${doc.pattern ? `variable (\`${doc.pattern}\`)` : 'knob'}`, ''];
  if (doc.description) lines.push(doc.description.replace(/^Generic: /, ''), '');
  // A port's service knob is explained by its own text; the marker is for knobs we could have described.
  if (doc.generic && !doc.portService) lines.push('_Generic description from the name pattern, not written for this knob._', '');
  if (!doc.pattern) lines.push(defaultLine(doc, defaultsFile), '');
  if (note) lines.push(note, '');
  lines.push(doc.man.map(manLink).join(' · '));
  return lines.join('\n');
}

function loaderMarkdown(name: string): string {
  return knobMarkdown(name, loaderKnobDoc(name), 'loader.conf', '/boot/defaults/loader.conf');
}

/** Tells the user when another assignment of the node, read later, is the one in force. */
function overrides(doc: ParsedDocument, name: string, workspace: WorkspaceView): string {
  const inForce = nodeConfig(workspace.nodeOf(doc.uri)).rc.get(name);
  if (!inForce || inForce.doc.uri === doc.uri) return '';
  const file = inForce.doc.uri.slice(inForce.doc.uri.lastIndexOf('/') + 1);
  const line = inForce.doc.lines.positionAt(inForce.setting.start).line + 1;
  return `Also set in \`${file}\` (line ${line}), read after this file: that value wins.`;
}

function sysctlMarkdown(oid: string, where: 'sysctl' | 'loader'): string {
  const s = carpSysctl(oid);
  if (!s) {
    const carp = oid.startsWith(CARP_SYSCTL_PREFIX);
    const legacy = carp && LEGACY_CARP_SYSCTLS.includes(oid.slice(CARP_SYSCTL_PREFIX.length));
    return [
      `**${oid}** — ${where === 'loader' ? 'kernel environment variable (tunable)' : 'sysctl'}`,
      '',
      legacy
        ? 'Existed only in the CARP of FreeBSD 9 and earlier; later kernels have no such sysctl.'
        : carp
          ? 'Not a CARP sysctl of FreeBSD 10 or later. Per-vhid settings (advskew, advbase, pass) go on the ifconfig alias line.'
          : `Run \`sysctl -d ${oid}\` on the machine for its description.`,
      '',
      where === 'loader' ? manLink('loader.conf') : manLink('sysctl.conf'),
    ].join('\n');
  }
  return carpSysctlMarkdown(s, where);
}

function carpSysctlMarkdown(s: CarpSysctl, where: 'sysctl' | 'loader'): string {
  const lines = [`**${s.oid}** — ${s.type === 'struct' ? 'read-only CARP counters' : 'CARP sysctl'}`, '', s.description, ''];
  const facts: string[] = [];
  if (s.default !== undefined) facts.push(`Default: \`${s.default}\`.`);
  if (s.min !== undefined || s.max !== undefined) {
    facts.push(`Range: ${s.max === undefined ? `${s.min} or more` : `${s.min ?? '…'}–${s.max}`}.`);
  }
  if (facts.length > 0) lines.push(facts.join(' '));
  if (s.values) {
    lines.push('');
    for (const v of s.values) lines.push(`- \`${v.value}\`: ${v.meaning}`);
  }
  if (s.write === 'add') lines.push('', 'A write **adds** to the current value instead of replacing it.');
  if (s.tunable) {
    lines.push('', 'Loader tunable: it works in loader.conf as well as sysctl.conf.');
  } else if (!s.writable) {
    lines.push('', 'Read-only: it cannot be set in sysctl.conf or loader.conf.');
  } else {
    lines.push(
      '',
      where === 'loader'
        ? '**Not a loader tunable**: loader.conf ignores it. Put it in /etc/sysctl.conf.'
        : 'Not a loader tunable: set it in sysctl.conf, not loader.conf.',
    );
  }
  lines.push('', `${manLink(s.man === 'pfsync(4)' ? 'pfsync' : 'carp')} · ${manLink(where === 'loader' ? 'loader.conf' : 'sysctl.conf')}`);
  return lines.join('\n');
}
