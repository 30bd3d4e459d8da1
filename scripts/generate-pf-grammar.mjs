// Generates syntaxes/pf-conf.tmLanguage.json: the keyword lists live here once, not in 150 regexes.
// Run: node scripts/generate-pf-grammar.mjs (then npm run test:grammar).
import { writeFileSync } from 'node:fs';
import { loadTs } from './load-ts.mjs';

const S = 'pf-conf';
// pf's word scanner stops at these characters and at whitespace (parse.y lungetc/allowed_in_string).
const B = '(?<![^\\s(){}<>!=/#,])';
const E = '(?![^\\s(){}<>!=/#,])';
const alt = (xs) => xs.map((x) => x.replace(/[.+*?()[\]{}|\\^$]/g, '\\$&')).join('|');

// The keyword table is the parser's (pfctl's lexer table, parse.y), read from the sources.
const KEYWORDS = [...loadTs(new URL('../server/src/parsers/pf/tokens.ts', import.meta.url).pathname).PF_KEYWORDS];
if (KEYWORDS.length !== 156) throw new Error(`expected 156 keywords, got ${KEYWORDS.length}`);

const CATEGORIES = [
  ['keyword.control.action', ['pass', 'block', 'match', 'scrub', 'antispoof']],
  ['keyword.control.import', ['include']],
  ['keyword.other.translation', ['nat', 'rdr', 'binat', 'nat-to', 'rdr-to', 'binat-to', 'af-to']],
  ['keyword.other.route', ['route-to', 'reply-to', 'dup-to', 'fastroute']],
  ['keyword.other.direction', ['in', 'out']],
  ['keyword.other.state', ['keep', 'modulate', 'synproxy', 'state']],
  ['keyword.other.return', ['drop', 'return', 'return-rst', 'return-icmp', 'return-icmp6']],
  ['keyword.other.anchor', ['anchor', 'nat-anchor', 'rdr-anchor', 'binat-anchor']],
  ['keyword.other.table', ['table']],
  ['keyword.other.queue', ['altq', 'queue', 'cbq', 'priq', 'hfsc', 'fairq', 'codelq']],
  ['keyword.other.set', ['set']],
  ['constant.language.address', ['any', 'all', 'no-route', 'urpf-failed']],
];
const categorised = new Set(CATEGORIES.flatMap(([, ws]) => ws));
const OTHER = KEYWORDS.filter((k) => !categorised.has(k));
for (const [, ws] of CATEGORIES) for (const w of ws) if (!KEYWORDS.includes(w)) throw new Error(w);

// A bare word that is not a keyword: keywords cannot name interfaces, anchors or queues.
const NOTKW = `(?!(?:${alt(KEYWORDS)})${E})`;
const IFWORD = `${NOTKW}[A-Za-z][\\w.]*${E}`;
// Words that follow "(" without being an interface: scheduler flags, syncookies bounds, timeouts.
const NOTIF = `(?!(?:self|default|borrow|red|ecn|rio|codel|start|end)${E})(?!(?:tcp|udp|icmp|other|sctp|src|adaptive)\\.)`;

const PROTOCOLS = `ip hopopt icmp igmp ggp ipencap st tcp egp igp pup udp hmp xns-idp rdp iso-tp4
dccp xtp ddp idpr-cmtp ipv6 ipv6-route ipv6-frag idrp rsvp gre esp ah mobile tlsp skip
ipv6-icmp ipv6-nonxt ipv6-opts rspf vmtp eigrp ospf ipip etherip encap pim ipcomp carp pgm
l2tp isis sctp fc mobility-header udplite mpls-in-ip hip shim6 wesp rohc pfsync divert`.split(/\s+/);
// getprotobyname is case-sensitive; /etc/protocols lists an upper-case alias per entry plus these.
const PROTO_ALIASES = ['icmp6', 'vrrp', 'ospfigp'];
const PROTO = `(?:${alt([...PROTOCOLS, ...PROTO_ALIASES, ...PROTOCOLS.map((p) => p.toUpperCase()), 'OSPFIGP'])})${E}`;

const ICMP_TYPES = `echorep unreach squench redir althost echoreq routeradv routersol timex paramprob
timereq timerep inforeq inforep maskreq maskrep trace dataconv mobregreq mobregrep skip photuris
toobig groupqry listqry grouprep listenrep groupterm listendone neighbrsol neighbradv routrrenum
wrureq wrurep fqdnreq fqdnrep niqry nirep mtraceresp mtrace`.split(/\s+/);
const ICMP_CODE = '[A-Za-z][\\w-]*';

const SET_OPTIONS = ['skip', 'block-policy', 'fail-policy', 'limit', 'timeout', 'optimization',
  'ruleset-optimization', 'state-policy', 'state-defaults', 'require-order', 'debug', 'hostid',
  'fingerprints', 'keepcounters', 'syncookies', 'reassemble'];
const SET_VALUES = ['yes', 'no', 'none', 'drop', 'return', 'default', 'normal', 'high-latency',
  'satellite', 'aggressive', 'conservative', 'basic', 'profile', 'urgent', 'misc', 'loud',
  'never', 'adaptive', 'always', 'if-bound', 'floating'];
const LIMITS = ['states', 'frags', 'src-nodes', 'tables', 'table-entries', 'anchors', 'eth-anchors'];
const TIMEOUT = '(?:tcp\\.(?:first|opening|established|closing|finwait|closed)|sctp\\.(?:first|opening|established|closing|closed)|udp\\.(?:first|single|multiple)|icmp\\.(?:first|error)|other\\.(?:first|single|multiple)|src\\.track|adaptive\\.(?:start|end))';
// Unary port operators; <> and >< sit between two ports and are left to #operator.
const PORTOP = '(!=|<=|>=|=|<|>)';

const n = (name) => ({ name: `${name}.${S}` });
const inc = (...names) => names.map((x) => ({ include: `#${x}` }));
const iface = n('support.variable.interface');
const neg = n('keyword.operator.negation');

/** A keyword followed by one item, or by a "{ … }" list of items spanning lines. */
function context(kw, kwScope, item, comment) {
  return {
    comment,
    patterns: [
      {
        begin: `${B}(${kw})\\s*(\\{)`,
        beginCaptures: { 1: n(kwScope), 2: n('punctuation.section.braces.begin') },
        end: '\\}',
        endCaptures: { 0: n('punctuation.section.braces.end') },
        name: `meta.list.${S}`,
        patterns: [...inc('comment', 'line-continuation', 'macro-use', 'string-double', 'string-single', 'parens', 'operator', 'comma'), ...item.list],
      },
      ...item.single.map((s) => ({ match: `${B}(${kw})\\s+${s.match}`, captures: { 1: n(kwScope), ...s.captures } })),
    ],
  };
}

const numberPatterns = [
  {
    comment: 'Bandwidth, percentage and probability: 1.5Mb, 500Kb, 50%, 0.8%.',
    match: `${B}(\\d+(?:\\.\\d+)?)(%|[KMG]?b)${E}`,
    captures: { 1: n('constant.numeric'), 2: n('keyword.other.unit') },
  },
  { match: `${B}0[xX][0-9A-Fa-f]+${E}`, name: `constant.numeric.integer.hexadecimal.${S}` },
  { match: `${B}\\d+\\.\\d+${E}`, name: `constant.numeric.float.${S}` },
  {
    comment: 'A port or user range P:Q; the redirect form P:* keeps the width of the matched range.',
    match: `${B}(\\d+)(:)(\\d+|\\*)${E}`,
    captures: { 1: n('constant.numeric.integer'), 2: n('keyword.operator.range'), 3: n('constant.numeric.integer') },
  },
  { match: `${B}-?\\d+${E}`, name: `constant.numeric.integer.${S}` },
];

const g = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'FreeBSD pf.conf',
  scopeName: `source.${S}`,
  comment: 'Follows the pfctl lexer (sbin/pfctl/parse.y): words end at ( ) { } < > ! = / # , and blanks, keywords are case-sensitive, backslash-newline joins lines even inside comments, and brace lists and anchor bodies span lines.',
  patterns: inc('statement'),
  repository: {
    statement: {
      patterns: inc('section-comment', 'comment', 'line-continuation', 'macro-definition', 'set-loginterface',
        'set-option', 'table-definition', 'string-double', 'string-single', 'macro-use', 'interface-context',
        'protocol-context', 'port-context', 'icmp-type-context', 'route-context', 'flags', 'rate',
        'map-e-portset', 'anchor-name', 'queue-parens', 'queue-context', 'scheduler', 'return-icmp', 'table-reference',
        'parens', 'braces', 'operator', 'address', 'timeout-name', 'number', 'keyword', 'self', 'comma', 'escape'),
    },
    'section-comment': {
      comment: 'pf.vim folds on #>, ##> and ###> section markers at the start of a line.',
      begin: '^(#{1,3}>)',
      beginCaptures: { 1: n('punctuation.definition.comment') },
      end: '(?=\\n)',
      name: `comment.line.number-sign.section.${S}`,
      contentName: `markup.heading.section.${S}`,
      patterns: inc('line-continuation'),
    },
    comment: {
      comment: 'Continuation is handled before comments, so a comment ending in a backslash swallows the next line.',
      begin: '#',
      beginCaptures: { 0: n('punctuation.definition.comment') },
      end: '(?=\\n)',
      name: `comment.line.number-sign.${S}`,
      patterns: inc('line-continuation'),
    },
    'line-continuation': {
      match: '\\\\\\n',
      name: `constant.character.escape.line-continuation.${S}`,
    },
    escape: {
      comment: 'Outside quotes pfctl drops a backslash and keeps the next character.',
      match: '\\\\.',
      name: `constant.character.escape.${S}`,
    },
    'macro-definition': {
      comment: 'NAME = value on a line of its own; the value is re-lexed as pf text when the macro is used.',
      begin: `^[ \\t\\f]*(?!(?:port|user|group)\\s*=)([A-Za-z_][A-Za-z0-9_]*)[ \\t\\f]*(=)`,
      beginCaptures: { 1: n('entity.name.variable.macro'), 2: n('keyword.operator.assignment') },
      end: '(?=\\n)',
      name: `meta.definition.macro.${S}`,
      patterns: inc('comment', 'line-continuation', 'macro-value-double', 'macro-value-single', 'macro-use',
        'table-reference', 'braces', 'address', 'number', 'comma', 'escape'),
    },
    'macro-value-double': {
      begin: '"',
      beginCaptures: { 0: n('punctuation.definition.string.begin') },
      end: '"',
      endCaptures: { 0: n('punctuation.definition.string.end') },
      name: `string.quoted.double.${S}`,
      patterns: inc('string-double-escape', 'macro-value-text'),
    },
    'macro-value-single': {
      begin: "'",
      beginCaptures: { 0: n('punctuation.definition.string.begin') },
      end: "'",
      endCaptures: { 0: n('punctuation.definition.string.end') },
      name: `string.quoted.single.${S}`,
      patterns: inc('string-single-escape', 'macro-value-text'),
    },
    'macro-value-text': {
      comment: 'A quoted macro value is pf text after expansion, so lists and addresses inside it are shown; $ is not expanded in quotes.',
      patterns: [
        ...inc('table-reference', 'address', 'number', 'comma', 'negation'),
        { match: '\\{', name: `punctuation.section.braces.begin.${S}` },
        { match: '\\}', name: `punctuation.section.braces.end.${S}` },
      ],
    },
    'string-double': {
      begin: '"',
      beginCaptures: { 0: n('punctuation.definition.string.begin') },
      end: '"',
      endCaptures: { 0: n('punctuation.definition.string.end') },
      name: `string.quoted.double.${S}`,
      patterns: inc('string-double-escape'),
    },
    'string-single': {
      begin: "'",
      beginCaptures: { 0: n('punctuation.definition.string.begin') },
      end: "'",
      endCaptures: { 0: n('punctuation.definition.string.end') },
      name: `string.quoted.single.${S}`,
      patterns: inc('string-single-escape'),
    },
    'string-double-escape': {
      comment: 'Inside quotes only the quote, a blank and a newline can be escaped; other backslashes stay.',
      patterns: [
        { match: '\\\\\\n', name: `constant.character.escape.line-continuation.${S}` },
        { match: '\\\\["\\t ]', name: `constant.character.escape.${S}` },
      ],
    },
    'string-single-escape': {
      patterns: [
        { match: '\\\\\\n', name: `constant.character.escape.line-continuation.${S}` },
        { match: "\\\\['\\t ]", name: `constant.character.escape.${S}` },
      ],
    },
    'macro-use': {
      comment: 'Expanded only at the start of a token outside quotes.',
      match: '(\\$)[A-Za-z0-9_]+',
      name: `variable.other.macro.${S}`,
      captures: { 1: n('punctuation.definition.variable') },
    },
    'set-loginterface': {
      match: `^[ \\t\\f]*(set)\\s+(loginterface)(?:\\s+(?:(none)${E}|(${IFWORD})))?`,
      captures: { 1: n('keyword.other.set'), 2: n('support.constant.option'), 3: n('constant.language'), 4: iface },
    },
    'set-option': {
      comment: 'Options are statements of their own, so the option name and its values are read up to the end of the line.',
      begin: `^[ \\t\\f]*(set)\\s+(${alt(SET_OPTIONS)})${E}`,
      beginCaptures: { 1: n('keyword.other.set'), 2: n('support.constant.option') },
      end: '(?=\\n)',
      name: `meta.option.${S}`,
      patterns: inc('set-values'),
    },
    'set-values': {
      patterns: [
        ...inc('comment', 'line-continuation', 'string-double', 'string-single', 'macro-use', 'interface-context'),
        { match: `${B}(?:${alt(SET_VALUES)})${E}`, name: `constant.language.${S}` },
        { match: `${B}(?:${alt(LIMITS)})${E}`, name: `support.constant.limit.${S}` },
        { comment: 'set syncookies adaptive (start 25%, end 12%)', match: `${B}(?:start|end)${E}`, name: `support.constant.option.${S}` },
        { match: `${B}(?:${TIMEOUT}|frag|interval)${E}`, name: `support.constant.timeout.${S}` },
        {
          comment: 'set limit { … } and set timeout { … } may span lines.',
          begin: '\\{',
          beginCaptures: { 0: n('punctuation.section.braces.begin') },
          end: '\\}',
          endCaptures: { 0: n('punctuation.section.braces.end') },
          patterns: inc('set-values'),
        },
        {
          begin: '\\(',
          beginCaptures: { 0: n('punctuation.section.parens.begin') },
          end: '\\)',
          endCaptures: { 0: n('punctuation.section.parens.end') },
          patterns: inc('set-values'),
        },
        ...inc('number', 'keyword', 'comma'),
      ],
    },
    'table-definition': {
      begin: `${B}(table)${E}`,
      beginCaptures: { 1: n('keyword.other.table') },
      end: '(?=\\n)',
      name: `meta.table.${S}`,
      patterns: [
        ...inc('comment', 'line-continuation', 'table-reference', 'string-double', 'string-single', 'macro-use'),
        { match: `${B}(?:persist|const|counters)${E}`, name: `storage.modifier.table.${S}` },
        ...inc('braces', 'address', 'number', 'keyword', 'negation', 'comma', 'escape'),
      ],
    },
    'table-reference': {
      comment: 'Blanks are allowed inside the angle brackets: < regress >.',
      match: '(<)\\s*([A-Za-z0-9_][^\\s(){}<>!=/#,]*)\\s*(>)',
      captures: {
        1: n('punctuation.definition.table.begin'),
        2: n('entity.name.type.table'),
        3: n('punctuation.definition.table.end'),
      },
    },
    'interface-context': context('on|for|received-on', 'keyword.other', {
      list: [{ match: `${B}${IFWORD}`, ...iface }, ...inc('keyword')],
      single: [{ match: `(?:(!)\\s*)?(${IFWORD})`, captures: { 2: neg, 3: iface } }],
    }, 'Interface names after on (rules, set skip), for (antispoof) and received-on.'),
    'protocol-context': context('proto', 'keyword.other', {
      list: [{ match: `${B}${PROTO}`, ...n('support.constant.protocol') }, ...inc('number')],
      single: [{ match: `(?:(${PROTO})|(0[xX][0-9A-Fa-f]+|\\d+)${E})`, captures: { 2: n('support.constant.protocol'), 3: n('constant.numeric.integer') } }],
    }, 'Names from /etc/protocols as getprotobyname(3) sees them; unknown names stay plain, as pfctl rejects them.'),
    'port-context': context('port', 'keyword.other', {
      list: [
        ...numberPatterns,
        { match: `${B}${NOTKW}[A-Za-z][\\w.+-]*${E}`, ...n('support.constant.service') },
      ],
      single: [{
        match: `(?:${PORTOP}\\s*)?(?:(\\d+)(?:(:)(\\d+|\\*))?|(${NOTKW}[A-Za-z][\\w.+-]*))${E}`,
        captures: {
          2: n('keyword.operator.comparison'),
          3: n('constant.numeric.integer'),
          4: n('keyword.operator.range'),
          5: n('constant.numeric.integer'),
          6: n('support.constant.service'),
        },
      }],
    }, 'Port numbers, /etc/services names, ranges and the comparison operators.'),
    'icmp-type-context': context('icmp6?-type', 'keyword.other', {
      list: [
        { match: `${B}(code)\\s+(${ICMP_CODE})`, captures: { 1: n('keyword.other'), 2: n('support.constant.icmp-code') } },
        { match: `${B}(?:${alt(ICMP_TYPES)})${E}`, ...n('support.constant.icmp-type') },
        ...inc('number'),
      ],
      single: [{
        match: `(?:(${alt(ICMP_TYPES)})|(\\d+))${E}(?:\\s+(code)\\s+(?:(\\d+)|(${ICMP_CODE})))?`,
        captures: {
          2: n('support.constant.icmp-type'),
          3: n('constant.numeric.integer'),
          4: n('keyword.other'),
          5: n('constant.numeric.integer'),
          6: n('support.constant.icmp-code'),
        },
      }],
    }, 'ICMP and ICMPv6 type names, with an optional code.'),
    'route-context': {
      comment: 'route-to em1 names an interface; the (em1 192.0.2.1) form goes through #parens.',
      match: `${B}(route-to|reply-to|dup-to)\\s+(${IFWORD})`,
      captures: { 1: n('keyword.other.route'), 2: iface },
    },
    flags: {
      comment: 'TCP flags F S R P A U E W as checked/mask: S/SA, /SA or any.',
      match: `${B}(flags)\\s+(?:(any)|([FSRPAUEW]*)(/)([FSRPAUEW]+)|([FSRPAUEW]+))${E}`,
      captures: {
        1: n('keyword.other'),
        2: n('constant.language.address'),
        3: n('constant.language.flags'),
        4: n('punctuation.separator.flags'),
        5: n('constant.language.flags'),
        6: n('constant.language.flags'),
      },
    },
    rate: {
      comment: 'N/S rates would otherwise look like a short CIDR such as 10/8.',
      match: `${B}(max-src-conn-rate|max-pkt-rate|rate)\\s+(\\d+)(/)(\\d+)${E}`,
      captures: {
        1: n('keyword.other'),
        2: n('constant.numeric.integer'),
        3: n('keyword.operator.arithmetic'),
        4: n('constant.numeric.integer'),
      },
    },
    'map-e-portset': {
      match: `${B}(map-e-portset)\\s+(\\w+)(/)(\\w+)(/)(\\w+)${E}`,
      captures: {
        1: n('keyword.other'),
        2: n('constant.numeric.integer'),
        3: n('punctuation.separator'),
        4: n('constant.numeric.integer'),
        5: n('punctuation.separator'),
        6: n('constant.numeric.integer'),
      },
    },
    'anchor-name': {
      comment: 'A name containing / must be quoted; a bare name cannot be a keyword (anchor in { … } has no name).',
      match: `${B}(anchor|nat-anchor|rdr-anchor|binat-anchor)(?:\\s+(?:((")([^"\\n]*)("))|((')([^'\\n]*)('))|(${NOTKW}[A-Za-z0-9_][^\\s(){}<>!=/#,"']*)))?${E}`,
      captures: {
        1: n('keyword.other.anchor'),
        2: n('string.quoted.double'),
        3: n('punctuation.definition.string.begin'),
        4: n('entity.name.namespace.anchor'),
        5: n('punctuation.definition.string.end'),
        6: n('string.quoted.single'),
        7: n('punctuation.definition.string.begin'),
        8: n('entity.name.namespace.anchor'),
        9: n('punctuation.definition.string.end'),
        10: n('entity.name.namespace.anchor'),
      },
    },
    'queue-parens': {
      comment: 'queue (bulk, interactive): the second queue takes lowdelay and TCP ACK packets.',
      begin: `${B}(queue)\\s*(\\()`,
      beginCaptures: { 1: n('keyword.other.queue'), 2: n('punctuation.section.parens.begin') },
      end: '\\)',
      endCaptures: { 0: n('punctuation.section.parens.end') },
      patterns: [
        ...inc('comment', 'line-continuation', 'comma'),
        { match: `${B}${NOTKW}[A-Za-z_][\\w.-]*${E}`, name: `entity.name.type.queue.${S}` },
      ],
    },
    'queue-context': context('queue', 'keyword.other.queue', {
      list: [{ match: `${B}${NOTKW}[A-Za-z_][\\w.-]*${E}`, ...n('entity.name.type.queue') }],
      single: [{ match: `(${NOTKW}[A-Za-z_][\\w.-]*)${E}`, captures: { 2: n('entity.name.type.queue') } }],
    }, 'A queue name after queue (definition or assignment); child lists after a definition stay plain.'),
    scheduler: {
      comment: 'ALTQ scheduler options: cbq(default borrow), hfsc(linkshare …).',
      begin: `${B}(cbq|priq|hfsc|fairq|codelq)\\s*(\\()`,
      beginCaptures: { 1: n('keyword.other.queue'), 2: n('punctuation.section.parens.begin') },
      end: '\\)',
      endCaptures: { 0: n('punctuation.section.parens.end') },
      patterns: [
        { match: `${B}(?:default|borrow|red|ecn|rio|codel)${E}`, name: `constant.language.${S}` },
        ...inc('comment', 'line-continuation', 'parens', 'number', 'keyword', 'comma'),
      ],
    },
    'return-icmp': {
      begin: `${B}(return-icmp6?)\\s*(\\()`,
      beginCaptures: { 1: n('keyword.other.return'), 2: n('punctuation.section.parens.begin') },
      end: '\\)',
      endCaptures: { 0: n('punctuation.section.parens.end') },
      patterns: [
        ...inc('number', 'comma'),
        { match: `${B}${ICMP_CODE}${E}`, name: `support.constant.icmp-code.${S}` },
      ],
    },
    parens: {
      comment: 'Dynamic addresses (em0), (em0:network), route hosts (em1 192.0.2.1) and option lists such as state (no-sync); a leading non-keyword word is an interface.',
      begin: `(\\()(?:\\s*(?:(!)\\s*)?(${NOTIF}${IFWORD}(?![:]))(?=[\\s)]))?`,
      beginCaptures: { 1: n('punctuation.section.parens.begin'), 2: neg, 3: iface },
      end: '\\)',
      endCaptures: { 0: n('punctuation.section.parens.end') },
      patterns: inc('statement'),
    },
    braces: {
      comment: 'Lists and inline anchor bodies; both may span lines without backslashes.',
      begin: '\\{',
      beginCaptures: { 0: n('punctuation.section.braces.begin') },
      end: '\\}',
      endCaptures: { 0: n('punctuation.section.braces.end') },
      patterns: inc('statement'),
    },
    operator: {
      patterns: [
        { match: '->', name: `keyword.operator.arrow.${S}` },
        { match: '<>|><', name: `keyword.operator.range.${S}` },
        { match: '!=|<=|>=|=|<|>', name: `keyword.operator.comparison.${S}` },
        { comment: 'A lone - joins an address range: 192.0.2.1 - 192.0.2.9.', match: '(?<=\\s)-(?=\\s)', name: `keyword.operator.range.${S}` },
        ...inc('negation'),
        { match: '/', name: `punctuation.separator.${S}` },
      ],
    },
    negation: { match: '!', name: `keyword.operator.negation.${S}` },
    comma: { match: ',', name: `punctuation.separator.comma.${S}` },
    address: {
      patterns: [
        {
          comment: 'MAC addresses in ether rules, with /len or &mask; before IPv6, which would claim them.',
          match: '(?<![\\w:.-])[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}(?:/\\d{1,2}|&[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})?(?![\\w:.])',
          name: `constant.other.mac-address.${S}`,
        },
        {
          match: '(?<![\\w.:%-])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?(?:%[\\w.]+)?(?:/\\d{1,3})?(?![\\w.:%])',
          name: `constant.numeric.ip.ipv6.${S}`,
        },
        {
          match: '(?<![\\w.:-])(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?(?![\\w.:])',
          name: `constant.numeric.ip.ipv4.${S}`,
        },
        {
          comment: 'Short CIDR such as 10/8 or 172.16/12, which pfctl completes with zeros.',
          match: '(?<![\\w.:-])\\d{1,3}(?:\\.\\d{1,3}){0,2}/\\d{1,2}(?![\\w.:])',
          name: `constant.numeric.ip.ipv4.${S}`,
        },
        {
          comment: 'Static interface address with a modifier: em0:network, vlan1061:0.',
          match: `${B}(${IFWORD.slice(0, -E.length)})(:)(network|broadcast|peer|0)${E}`,
          captures: { 1: iface, 2: n('punctuation.separator.interface-modifier'), 3: n('support.constant.interface-modifier') },
        },
        {
          comment: 'Modifier after a macro or a dynamic name: ($ext_if:0).',
          match: `(?<=[A-Za-z0-9_])(:)(network|broadcast|peer|0)${E}`,
          captures: { 1: n('punctuation.separator.interface-modifier'), 2: n('support.constant.interface-modifier') },
        },
      ],
    },
    'timeout-name': {
      match: `${B}${TIMEOUT}${E}`,
      name: `support.constant.timeout.${S}`,
    },
    number: { patterns: numberPatterns },
    keyword: {
      comment: 'The 156 entries of the pfctl keyword table (parse.y), matched case-sensitively as whole words.',
      patterns: [
        ...CATEGORIES.map(([scope, ws]) => ({ match: `${B}(?:${alt(ws)})${E}`, name: `${scope}.${S}` })),
        { match: `${B}(?:${alt(OTHER)})${E}`, name: `keyword.other.${S}` },
      ],
    },
    self: {
      comment: 'self is a plain word that pfctl resolves to every local address.',
      match: `${B}self${E}`,
      name: `constant.language.address.${S}`,
    },
  },
};

writeFileSync(new URL('../syntaxes/pf-conf.tmLanguage.json', import.meta.url), JSON.stringify(g, null, 2) + '\n');
