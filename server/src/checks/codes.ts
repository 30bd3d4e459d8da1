/**
 * Every diagnostic code the product emits, with its default severity. Codes
 * are stable strings: never renamed, never reused, so suppression comments,
 * settings and CI baselines written against them keep working.
 */
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface CodeInfo {
  severity: SeverityName;
  /** One line for docs, settings descriptions and SARIF rule metadata. */
  summary: string;
  /** True when the diagnostic is about dead or useless text (rendered faded). */
  unnecessary?: boolean;
}

export const CODES = {
  'file/skipped': { severity: 'information', summary: 'The file was not analysed (binary, larger than 5 MB, not a regular file, or outside the checked folders).' },
  'file/encoding': { severity: 'warning', summary: 'Invalid UTF-8 or a byte-order mark that the consuming program would read as text.' },
  'file/outside-root': { severity: 'information', summary: 'A file this one names (a pf include) resolves outside the checked folders and was not read.' },
  'file/crlf': { severity: 'warning', summary: 'CRLF line ends: /bin/sh keeps the carriage return in every value.' },

  'rc/syntax': { severity: 'error', summary: 'A /bin/sh syntax error in rc.conf.' },
  'rc/unknown-variable': { severity: 'warning', summary: 'A variable name one small typo away from a known rc.conf knob.' },
  'rc/duplicate-assignment': { severity: 'warning', summary: 'A variable assigned twice in one file; the earlier value is dead.', unnecessary: true },
  'rc/invalid-yes-no': { severity: 'error', summary: "A YES/NO knob whose value rc's checkyesno rejects." },
  'rc/empty-alias-stops': { severity: 'warning', summary: 'An empty ifconfig_<if>_aliasN stops processing of the higher aliases.' },
  'rc/alias-missing-family': { severity: 'warning', summary: 'An alias value without a leading inet/inet6/link/ether keyword.' },
  'carp/legacy-carp-interface': { severity: 'error', summary: 'carpN interfaces were removed in FreeBSD 10; the setting does nothing.' },
  'carp/value-out-of-range': { severity: 'error', summary: 'vhid, advbase or advskew outside the range the kernel accepts.' },
  'carp/advskew-above-240': { severity: 'warning', summary: 'advskew 241-254 behaves exactly like 240.' },
  'carp/pass-truncated': { severity: 'warning', summary: 'A CARP pass longer than 19 bytes; only the first 19 count.' },
  'carp/missing-pass': { severity: 'warning', summary: 'A vhid alias without a pass.' },

  // vhid groups across nodes (issue 12): the members of one election must agree.
  'carp/pass-mismatch': { severity: 'error', summary: 'Nodes of one vhid use different passes (first 19 bytes): both become MASTER.' },
  'carp/address-set-mismatch': { severity: 'error', summary: 'Nodes of one vhid carry different addresses on it: both become MASTER.' },
  'carp/advbase-mismatch': { severity: 'warning', summary: 'Nodes of one vhid use different advbase values.' },
  'carp/advskew-tie': { severity: 'warning', summary: 'Two nodes of one vhid advertise at the same interval: which one is MASTER depends on timing.' },
  'carp/single-node-vhid': { severity: 'warning', summary: 'A vhid no other node of the workspace carries, though a node that could be its peer is there.' },
  'carp/vhid-collision': { severity: 'error', summary: 'Two CARP groups (or a reserved id) use one vhid on one segment.' },
  'carp/vhid-redefined': { severity: 'warning', summary: 'Two lines of one vhid on a node state different advbase, advskew or pass; the later one applies to every address.' },
  'carp/peer-mismatch': { severity: 'warning', summary: 'Nodes of one vhid disagree on unicast and multicast, or a peer is not the other node.' },

  'loader/syntax': { severity: 'error', summary: 'A line the Lua loader rejects as "Malformed line".' },
  'loader/legacy-if-carp': { severity: 'error', summary: 'if_carp_load: the if_carp module does not exist since FreeBSD 10.' },
  'loader/load-value': { severity: 'warning', summary: 'A *_load value other than YES or NO; the loader loads only on "yes".' },
  'loader/not-a-tunable': { severity: 'warning', summary: 'A net.inet.carp.* sysctl that loader.conf silently ignores.' },
  'loader/redundant-default': { severity: 'hint', summary: 'A loader setting equal to its default.', unnecessary: true },

  'sysctl/syntax': { severity: 'error', summary: 'A malformed sysctl.conf line.' },
  'sysctl/unknown-carp-oid': { severity: 'error', summary: 'A net.inet.carp.* OID that does not exist.' },
  'sysctl/demotion-persisted': { severity: 'warning', summary: 'net.inet.carp.demotion in sysctl.conf demotes the node at every boot.' },
  'sysctl/value-out-of-range': { severity: 'error', summary: 'A CARP sysctl set outside its range.' },

  // Node and network checks across a cluster (issue 12): what loads carp, preempt, the predicted MASTER, addresses and subnets.
  'carp/module-not-loaded': { severity: 'error', summary: 'A node configures vhids but nothing loads carp.ko, so every vhid alias fails.' },
  'carp/preempt-mismatch': { severity: 'warning', summary: 'net.inet.carp.preempt differs between the nodes of a cluster.' },
  'carp/preempt-off-multi-vhid': { severity: 'warning', summary: 'Preemption is off on every node of a cluster whose vhids sit on several interfaces, so they fail over one by one.' },
  'carp/split-master': { severity: 'warning', summary: 'The predicted MASTER differs between the vhids of one cluster.' },
  'carp/vip-conflicts-host-address': { severity: 'error', summary: "A CARP VIP equal to a node's real address." },
  'net/duplicate-address': { severity: 'error', summary: 'One real address on two nodes, or on two interfaces of one node.' },
  'net/same-subnet-interfaces': { severity: 'warning', summary: 'Two interfaces of one node in the same subnet.' },
  'carp/vip-outside-subnet': { severity: 'warning', summary: "A VIP outside every subnet of its parent interface's own addresses." },
  'carp/unknown-parent-interface': { severity: 'warning', summary: 'A vhid alias on an interface the node neither configures nor creates.' },

  'pf/syntax': { severity: 'error', summary: 'A statement pfctl would reject.' },
  'pf/undefined-macro': { severity: 'error', summary: 'A $macro used without a definition before it.' },
  'pf/unused-macro': { severity: 'hint', summary: 'A macro that is never used.', unnecessary: true },
  'pf/undefined-table': { severity: 'warning', summary: 'A <table> used without a table definition; pfctl creates an empty one.' },
  'pf/statement-order': { severity: 'error', summary: 'Options, ether, normalization, queueing, translation and filter rules out of order.' },
  'pf/unknown-keyword': { severity: 'error', summary: 'A word close to a pf keyword valid at that place.' },
  'pf/invalid-address': { severity: 'error', summary: 'A malformed address or prefix length.' },
  'pf/invalid-port': { severity: 'error', summary: 'A malformed port or port range.' },
  'pf/legacy-carp-interface': { severity: 'error', summary: 'A rule on a carpN interface, which does not exist since FreeBSD 10.' },
  'pf/shadowed-rule': { severity: 'warning', summary: 'A rule that can never match because an earlier quick rule always matches first.' },
  'pf/analysis-limit': { severity: 'information', summary: 'Part of the file was not analysed: it exceeds a cap this analyser puts on hostile input. Not a pfctl error.' },

  // freebsd-conf.json, the workspace manifest, and the folders it places
  'manifest/invalid': { severity: 'error', summary: 'A part of freebsd-conf.json that cannot be used: bad JSON, a wrong type, a value out of range, a conflict between entries.' },
  'manifest/unknown-key': { severity: 'warning', summary: 'A key in freebsd-conf.json that nothing reads.' },
  'manifest/unknown-node': { severity: 'warning', summary: 'A node name, folder or file in freebsd-conf.json that matches nothing in the workspace.' },
  'file/not-in-a-node': { severity: 'information', summary: 'Config files in a folder without etc/rc.conf or rc.conf that freebsd-conf.json does not name: checked apart from their machine.' },
  // pf and pfsync across a CARP cluster, from an evaluation of each node's ruleset (issue 12).
  'pf/carp-blocked': { severity: 'error', summary: 'The pf ruleset drops CARP advertisements (IP protocol 112) on a CARP parent interface.' },
  'pf/pfsync-blocked': { severity: 'error', summary: 'The pf ruleset drops pfsync state updates (IP protocol 240) on the syncdev.' },
  'pfsync/no-syncdev': { severity: 'error', summary: 'pfsync_enable="YES" without pfsync_syncdev: rc.d/pfsync refuses to start.' },
  'pfsync/unknown-syncdev': { severity: 'warning', summary: 'pfsync_syncdev names an interface the node does not configure.' },
  'pfsync/not-on-all-nodes': { severity: 'warning', summary: 'pfsync runs on some members of a CARP cluster only.' },
  'pfsync/syncpeer-mismatch': { severity: 'warning', summary: "A pfsync_syncpeer that is not a peer's syncdev address, is set on some members only, or points at the node itself." },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CODES, value);
}

/** README anchor for a code: GitHub's slug of the "### `rc/syntax`" heading. */
export function codeAnchor(code: Code): string {
  return code.replace(/[^a-z0-9-]/g, '');
}
