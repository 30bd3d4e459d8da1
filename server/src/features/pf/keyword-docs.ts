/** The pf.conf(5) manual page; sections are named so the reader can search for them there. */
export const PF_CONF_MAN = 'https://man.freebsd.org/cgi/man.cgi?query=pf.conf&sektion=5';

/** One keyword's explanation: one line of our own words and the pf.conf(5) section that documents it. */
export interface PfKeywordDoc {
  summary: string;
  section: string;
}

const S = {
  order: 'STATEMENT ORDER',
  macros: 'MACROS',
  tables: 'TABLES',
  options: 'OPTIONS',
  ether: 'ETHERNET FILTERING',
  norm: 'TRAFFIC NORMALIZATION',
  queue: 'QUEUEING',
  nat: 'TRANSLATION',
  filter: 'PACKET FILTERING',
  params: 'PARAMETERS',
  routing: 'ROUTING',
  pool: 'POOL OPTIONS',
  modulate: 'STATE MODULATION',
  synproxy: 'SYN PROXY',
  tracking: 'STATEFUL TRACKING OPTIONS',
  spoof: 'BLOCKING SPOOFED TRAFFIC',
  anchors: 'ANCHORS',
} as const;

const d = (summary: string, section: string): PfKeywordDoc => ({ summary, section });

/**
 * Hand-written explanations of the keywords an admin meets most. Keys with a
 * space are two-word constructs (`keep state`, `set skip`), looked up when the
 * cursor is on either word.
 */
const DOCS: Record<string, PfKeywordDoc> = {
  pass: d('Let matching packets through; with state kept by default, replies of the connection pass too.', S.filter),
  block: d('Drop matching packets (or answer them, see `set block-policy` and `return`).', S.filter),
  match: d('Apply options (nat-to, tags, scrub, queues…) to matching packets without deciding pass or block.', S.filter),
  quick: d('Stop evaluating on a match: this rule decides, later rules are not considered.', S.params),
  in: d('Only packets arriving on the interface.', S.params),
  out: d('Only packets leaving through the interface.', S.params),
  on: d('Only packets on these interfaces (or interface groups).', S.params),
  proto: d('Only packets of these IP protocols (tcp, udp, icmp, carp, or a number from /etc/protocols).', S.params),
  from: d('Source addresses and ports the packet must have.', S.params),
  to: d('Destination addresses and ports the packet must have.', S.params),
  port: d('Ports to match (TCP/UDP only): names from /etc/services, numbers, ranges `a:b` or comparisons.', S.params),
  all: d('Short for `from any to any`.', S.params),
  any: d('Any address.', S.params),
  self: d('Every address of every interface of this machine, resolved when the rules are loaded.', S.params),
  inet: d('IPv4 only.', S.params),
  inet6: d('IPv6 only.', S.params),
  flags: d('TCP flags to check, `set/mask`; `flags S/SA` (the default for stateful TCP rules) matches connection starts.', S.params),
  'keep state': d('Create a state entry so the rest of the connection, replies included, passes without rule evaluation (the default for pass rules).', S.filter),
  'no state': d('Do not create state: every packet, replies included, needs a rule of its own.', S.filter),
  'modulate state': d('Keep state and replace weak TCP initial sequence numbers with random ones (TCP only).', S.modulate),
  'synproxy state': d('pf completes the TCP handshake itself before contacting the server, which shields it from SYN floods.', S.synproxy),
  keep: d('Followed by `state`: create a state entry for the connection.', S.filter),
  modulate: d('Followed by `state`: keep state and randomise TCP initial sequence numbers.', S.modulate),
  synproxy: d('Followed by `state`: proxy the TCP handshake to protect the server from SYN floods.', S.synproxy),
  'nat-to': d('Rewrite the source address (and port) of outgoing packets to this address: source NAT on a pass/match rule.', S.nat),
  'rdr-to': d('Redirect incoming packets to this address and port: destination NAT on a pass/match rule.', S.nat),
  'binat-to': d('Bidirectional one-to-one address mapping on a pass/match rule.', S.nat),
  'af-to': d('Translate between IPv4 and IPv6 (NAT64/NAT46), with the addresses to use on the other side.', S.nat),
  'route-to': d('Send matching packets out through this interface (and next hop), bypassing the routing table.', S.routing),
  'reply-to': d('Send the replies of matching connections out through this interface: symmetric routing with several uplinks.', S.routing),
  'dup-to': d('Send a copy of each matching packet through this interface (e.g. to a monitoring host); the original is routed normally.', S.routing),
  fastroute: d('Route the packet with a normal routing-table lookup.', S.routing),
  nat: d('Old-style source translation: `nat on IF from NET -> ADDR` (still supported on FreeBSD, before filtering rules).', S.nat),
  rdr: d('Old-style redirection: `rdr on IF proto tcp to ADDR port P -> HOST port Q`.', S.nat),
  binat: d('Old-style one-to-one mapping between an internal and an external address.', S.nat),
  table: d('Declare a named address set `<name>`, looked up quickly however many entries it holds.', S.tables),
  persist: d('Keep the table even when no rule refers to it (pfctl -t can fill it at run time).', S.tables),
  const: d('The table cannot be changed after loading (no `pfctl -t … -T add`).', S.tables),
  counters: d('Keep packet and byte counters for every table entry.', S.tables),
  file: d('Read table entries from a file, one address or network per line.', S.tables),
  anchor: d('A named sub-ruleset, evaluated at this point; its rules come from an inline `{ }` body, `load anchor` or `pfctl -a`.', S.anchors),
  load: d('`load anchor NAME from FILE`: fill an anchor with the rules of a file when this ruleset loads.', S.anchors),
  include: d('Read another file at this point, as if its text were written here (it shares this file\'s macros).', S.order),
  set: d('A global option of the packet filter (timeouts, limits, policies, skipped interfaces…).', S.options),
  'set skip': d('Do not filter at all on these interfaces (typically `lo0`): no rules, no state.', S.options),
  'set block-policy': d('What `block` does by default: `drop` silently, or `return` a TCP RST / ICMP unreachable.', S.options),
  'set limit': d('Hard limits on pf\'s memory pools: `states`, `src-nodes`, `frags`, `table-entries`…', S.options),
  'set timeout': d('How long idle states and fragments live, per protocol stage (`tcp.established 86400`…).', S.options),
  'set optimization': d('Tune state timeouts for the network: `normal`, `high-latency`, `satellite`, `aggressive`, `conservative`.', S.options),
  'set state-policy': d('Whether states are bound to the interface they were created on (`if-bound`) or match on any (`floating`, the default).', S.options),
  'set require-order': d('`no` lets statement types come in any order; by default pfctl insists on options, normalization, queueing, translation, filtering.', S.options),
  'set loginterface': d('Interface whose statistics `pfctl -s info` shows.', S.options),
  'set ruleset-optimization': d('Let pfctl merge and reorder rules when loading (`basic` by default, `none`, `profile`).', S.options),
  'set state-defaults': d('State options applied to every rule that keeps state (e.g. `pflow`, `no-sync`).', S.options),
  'set hostid': d('Identifies this host in pfsync so peers can tell whose states they hold.', S.options),
  'set debug': d('How much pf logs to the system log: `none`, `urgent`, `misc`, `loud`.', S.options),
  'set fingerprints': d('File of operating system fingerprints for `os` matching (default /etc/pf.os).', S.options),
  'set syncookies': d('Answer SYNs with syncookies instead of creating state: `never`, `always` or `adaptive` with thresholds.', S.options),
  scrub: d('Normalise packets (reassemble fragments, clear DF, enforce minimum TTL, clamp MSS) before filtering.', S.norm),
  reassemble: d('`reassemble tcp`: normalise TCP connections (timestamps, TTL) in scrub.', S.norm),
  'no-df': d('Clear the don\'t-fragment bit of IP packets.', S.norm),
  'random-id': d('Replace the IPv4 identification field with random values.', S.norm),
  'min-ttl': d('Raise the TTL of packets below this value.', S.norm),
  'max-mss': d('Lower the TCP maximum segment size announced in SYNs to this value.', S.norm),
  antispoof: d('Block packets claiming to come from a network of this interface but arriving on another one.', S.spoof),
  for: d('The interfaces `antispoof` protects.', S.spoof),
  label: d('A name for the rule, shown by `pfctl -s labels` with its counters; `$if`, `$srcaddr`… are filled in per expanded rule.', S.params),
  tag: d('Mark matching packets with this tag, for `tagged` rules later (also across interfaces).', S.params),
  tagged: d('Only packets carrying this tag.', S.params),
  log: d('Log matching packets to pflog(4) (for a stateful rule, only the packet that creates the state unless `log (all)`).', S.params),
  'no-sync': d('Do not replicate the states of this rule to pfsync peers.', S.tracking),
  max: d('Most states this rule may create.', S.tracking),
  'max-src-conn': d('Most simultaneous TCP connections a single source address may have through this rule.', S.tracking),
  'max-src-conn-rate': d('Most new TCP connections per time span from a single source (`n/seconds`).', S.tracking),
  'max-src-states': d('Most states a single source address may create with this rule.', S.tracking),
  'max-src-nodes': d('Most source addresses that may have states with this rule at once.', S.tracking),
  'source-track': d('Track states per source address (needed by the max-src-* limits and sticky-address).', S.tracking),
  overload: d('Put sources that exceed a max-src-* limit into this table (typically blocked by an earlier rule).', S.tracking),
  flush: d('With `overload`: also kill the offender\'s existing states (`flush global`: those from other rules too).', S.tracking),
  'if-bound': d('States of this rule only match packets on the interface they were created on.', S.tracking),
  floating: d('States of this rule match packets on any interface.', S.tracking),
  sloppy: d('Looser TCP state tracking (no sequence number checks), for asymmetric routing.', S.tracking),
  'allow-opts': d('Let packets with IP options through (they are blocked by default).', S.params),
  'received-on': d('Only packets that originally arrived on this interface.', S.params),
  probability: d('Match only this share of packets (e.g. `probability 10%`).', S.params),
  rtable: d('Use this routing table (FIB) for matching packets.', S.params),
  queue: d('Assign matching packets to this ALTQ queue (or declare a queue).', S.queue),
  altq: d('Enable ALTQ bandwidth control on an interface with a scheduler (cbq, priq, hfsc…).', S.queue),
  bandwidth: d('Bandwidth of an interface or a queue (`100Mb`, `20%`).', S.queue),
  'round-robin': d('Use the pool\'s addresses in turn.', S.pool),
  random: d('Pick a random address from the pool.', S.pool),
  'source-hash': d('Pick the pool address by hashing the source address, so a source always gets the same one.', S.pool),
  'sticky-address': d('Give a source the same pool address as long as it has states.', S.pool),
  'static-port': d('Keep the source port unchanged when translating (needed by some protocols such as IPsec IKE).', S.pool),
  ether: d('A layer-2 rule on Ethernet frames (MAC addresses, ethertype), evaluated before IP rules.', S.ether),
  return: d('Answer blocked TCP with a RST and other protocols with ICMP unreachable.', S.filter),
  drop: d('Discard blocked packets without an answer.', S.filter),
  'return-rst': d('Answer blocked TCP packets with a RST.', S.filter),
  'return-icmp': d('Answer blocked packets with an ICMP unreachable message (code optional).', S.filter),
  'no-route': d('Addresses that have no route in the routing table.', S.params),
  'urpf-failed': d('Packets whose source fails the unicast reverse-path check (the reply would leave on another interface).', S.params),
  user: d('Only sockets owned by these users (for connections of this host).', S.params),
  group: d('Only sockets owned by these groups (for connections of this host).', S.params),
  'icmp-type': d('Only ICMP messages of this type (and code).', S.params),
  'icmp6-type': d('Only ICMPv6 messages of this type (and code).', S.params),
  os: d('Only TCP connections from this operating system, by passive fingerprint.', S.params),
  fragment: d('Also match IP fragments (pf reassembles by default, so rarely needed).', S.params),
  prio: d('Set the packet\'s priority (0-7) for queueing.', S.params),
};

/**
 * The explanation of a keyword, also of a two-word construct
 * (`keyDocFor('state', 'keep')` → keep state, `keyDocFor('skip', 'set')` → set skip).
 */
export function pfKeywordDoc(word: string, previous?: string): { key: string; doc: PfKeywordDoc } | undefined {
  if (previous !== undefined) {
    const pair = `${previous} ${word}`;
    if (DOCS[pair]) return { key: pair, doc: DOCS[pair] };
  }
  return DOCS[word] ? { key: word, doc: DOCS[word] } : undefined;
}

/** Every documented keyword (single words only), for completion details. */
export function pfKeywordSummary(word: string): string | undefined {
  return DOCS[word]?.summary ?? DOCS[`set ${word}`]?.summary;
}

/** Markdown for a hover or a completion item: the line, then the manual section. */
export function pfKeywordMarkdown(key: string, doc: PfKeywordDoc): string {
  return `**${key}** — ${doc.summary}\n\npf.conf(5), section ${doc.section}: [man page](${PF_CONF_MAN})`;
}
