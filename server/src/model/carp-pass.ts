import type { ParsedDocument, RcDocument } from './document';
import type { NodeFiles, WorkspaceView } from './workspace-view';
import type { RcAssignment } from '../parsers/rcconf';
import { familyGroups, ifconfigCommands, type IfValueForm } from './ifconfig-value';
import { evalIfconfigWords, referencedNames, type EvalWord } from './ifconfig-eval';
import { classifyIfVar } from './rc-interfaces';
import { mergeSpans, type Span } from './mask';

/**
 * One CARP pass as written: the `pass` word and the word ifconfig takes as
 * the password. When a variable's value holds both (`P="pass s3cret"`, used
 * as `$P`), `keyword` and `value` are the same word, the `$P`.
 */
export interface PassSite {
  uri: string;
  /** The assignment whose value holds it (a `name = value` line counts too: its writer meant a value). */
  assignment: RcAssignment;
  keyword: EvalWord;
  value: EvalWord;
}

/**
 * Everything a node's rc files reveal about CARP passwords, for the edges
 * that show text: every pass site, the variables that hold (part of) a pass,
 * and the source spans to hide. Masking a surface means replacing these
 * spans, never guessing from the text shown.
 */
export interface NodeSecrets {
  sites: readonly PassSite[];
  /** Variables whose values hold a pass, or part of one (closed over the variables their values read). */
  variables: ReadonlySet<string>;
  /** The sorted, disjoint source spans of one file that hold a pass or a pass variable's value. */
  spans(uri: string): readonly Span[];
}

interface Located {
  doc: RcDocument;
  a: RcAssignment;
}

interface Site {
  keyword: EvalWord;
  value: EvalWord;
}

/** What a variable's values say: one may end in `pass` (the next word is then a password), or hold a `pass X` themselves. */
interface VarInfo {
  endsInPass: boolean;
  holdsPass: boolean;
}

const cache = new WeakMap<NodeFiles, NodeSecrets>();

/** The secrets of the node a document belongs to, computed once per NodeFiles (rebuilt when a file of the node changes). */
export function secretsOf(doc: ParsedDocument, workspace?: WorkspaceView): NodeSecrets {
  const node = workspace?.nodeOf(doc.uri);
  if (node && node.byKind.rc.includes(doc)) return nodeSecrets(node);
  // A document the workspace does not hold (or holds in another version): its offsets are what count.
  const others = node ? node.byKind.rc.filter((d) => d.uri !== doc.uri) : [];
  const rc = doc.kind === 'rc' ? [...others, doc] : others;
  return nodeSecrets({ root: node?.root ?? doc.uri, rootLayout: node?.rootLayout ?? false, byKind: { rc, loader: [], sysctl: [], pf: [] } });
}

/**
 * Finds every CARP pass in a node's rc files. This is the one place that
 * decides what a pass is; hover, outline, messages and the CLI all mask
 * what it finds:
 * - in each ifconfig value (every assignment of an interface variable, dead
 *   or conditional ones too, and `name = value` lines), the word after a
 *   `pass` word, both read as network.subr's eval reads them (quotes, escapes
 *   and continuations group a word; libexec/rc/network.subr ifconfig_up(),
 *   ifalias_af_common()) within one ifconfig command;
 * - through variables: a `$VAR`/`${VAR}` as that word makes every value VAR
 *   is given in the node's rc files secret, and so do the variables those
 *   values read; a variable whose value ends in `pass` (or holds a whole
 *   `pass X`) counts as the keyword (or the password) where it is expanded.
 * Where network.subr would read a value more narrowly (an `_aliasN` entry
 * is split again at blanks after the eval), the word found here spans all
 * the candidates, so masking it hides whichever one ifconfig gets.
 */
export function nodeSecrets(node: NodeFiles): NodeSecrets {
  const hit = cache.get(node);
  if (hit) return hit;
  const statements: Located[] = [];
  for (const doc of node.byKind.rc) {
    if (doc.kind !== 'rc') continue;
    for (const a of doc.rc.assignments) statements.push({ doc, a });
    for (const a of doc.rc.spacedAssignments) statements.push({ doc, a });
  }
  const byName = new Map<string, Located[]>();
  for (const s of statements) byName.set(s.a.name, [...(byName.get(s.a.name) ?? []), s]);
  const table = new VarTable(byName);
  const sites: PassSite[] = [];
  const raw = new Map<string, Span[]>();
  const add = (uri: string, span: Span): void => {
    if (span.end > span.start) raw.set(uri, [...(raw.get(uri) ?? []), span]);
  };
  const queue: string[] = [];
  for (const { doc, a } of statements) {
    const form = ifconfigValueForm(a.name);
    if (!form) continue;
    for (const site of table.sitesIn(evalIfconfigWords(a.value, a.valueOffsets, doc.text), form)) {
      sites.push({ uri: doc.uri, assignment: a, ...site });
      add(doc.uri, site.value);
      for (const v of site.value.vars) queue.push(v);
    }
  }
  const variables = new Set<string>();
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (variables.has(name)) continue;
    variables.add(name);
    for (const { doc, a } of byName.get(name) ?? []) {
      add(doc.uri, { start: a.valueStart, end: a.valueEnd });
      for (const v of referencedNames(a.value)) queue.push(v);
    }
  }
  const merged = new Map([...raw].map(([uri, list]) => [uri, mergeSpans(list)]));
  const result: NodeSecrets = { sites, variables, spans: (uri) => merged.get(uri) ?? [] };
  cache.set(node, result);
  return result;
}

/**
 * How network.subr splits an interface variable's value into ifconfig
 * commands, for the variables whose values reach ifconfig: `ifconfig_<if>`
 * and its `_ipv6`, `_aliasN`, `_aliases`, `ipv4_addrs_<if>`, `ifconfig_DEFAULT`
 * and the obsolete `ipv6_ifconfig_<if>[_aliasN]`, which is still applied.
 */
export function ifconfigValueForm(name: string): IfValueForm | undefined {
  if (name === 'ifconfig_DEFAULT') return 'primary';
  if (/^ipv6_ifconfig_\w+$/.test(name)) return 'single';
  switch (classifyIfVar(name)?.role) {
    case 'primary':
    case 'ipv6':
      return 'primary';
    case 'alias':
      return 'multi';
    case 'aliases':
      return 'aliases';
    case 'ipv4_addrs':
      return 'addrs';
    default:
      return undefined;
  }
}

/** The node's variables, and what their values say about passes (memoised; a cycle reads as "nothing"). */
class VarTable {
  private readonly info = new Map<string, VarInfo>();

  constructor(private readonly byName: ReadonlyMap<string, readonly Located[]>) {}

  /**
   * The pass sites among the words of one value: within each ifconfig
   * command, the word after a (possible) `pass`, and any word expanding a
   * variable that holds a whole `pass X`.
   */
  sitesIn(words: readonly EvalWord[], form: IfValueForm): Site[] {
    // The words as written (only _aliasN and _aliases values are cut at family words: elsewhere
    // `pass inet` still pairs up), and as network.subr hands them to ifconfig (without DHCP,
    // `vnet <jail>` and the like): a word after `pass` in either is a pass.
    const written = form === 'multi' || form === 'aliases' ? familyGroups(words, false) : [words];
    const applied = ifconfigCommands(words, form).map((e) => e.words as EvalWord[]);
    const sites = new Map<EvalWord, Site>();
    for (const w of words) if (w.vars.some((v) => this.of(v).holdsPass)) sites.set(w, { keyword: w, value: w });
    for (const command of [...written, ...applied]) {
      for (let i = 0; i + 1 < command.length; i++) {
        if (this.mayBePass(command[i]) && !sites.has(command[i + 1])) sites.set(command[i + 1], { keyword: command[i], value: command[i + 1] });
      }
    }
    return [...sites.values()].sort((a, b) => a.value.start - b.value.start);
  }

  private mayBePass(w: EvalWord): boolean {
    return w.text === 'pass' || w.vars.some((v) => this.of(v).endsInPass);
  }

  private of(name: string): VarInfo {
    const known = this.info.get(name);
    if (known) return known;
    const info: VarInfo = { endsInPass: false, holdsPass: false };
    this.info.set(name, info);
    for (const { doc, a } of this.byName.get(name) ?? []) {
      const words = evalIfconfigWords(a.value, a.valueOffsets, doc.text);
      const lastWord = words[words.length - 1];
      if (lastWord && this.mayBePass(lastWord)) info.endsInPass = true;
      if (this.sitesIn(words, 'single').length > 0) info.holdsPass = true;
    }
    return info;
  }
}
