import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { isLegacyCarpName } from '../model/rc-interfaces';
import { wrapSecret } from '../model/mask';
import { clonedRemovalFix, legacyCarpRewrite, type DocLookup } from '../fixes/carp-legacy-carp-interface';

/**
 * carpN pseudo-interfaces were removed in FreeBSD 10.0: CARP is now an
 * address with a vhid on its parent interface. netif only configures
 * interfaces that exist, so `ifconfig_carpN` silently does nothing and the
 * VIP never comes up; `carpN` in cloned_interfaces makes `ifconfig carpN
 * create` fail at boot (carp(4) HISTORY; sys/netinet/ip_carp.c registers no
 * interface cloner; libexec/rc/network.subr list_net_interfaces() and
 * clone_up()).
 */
export const carpLegacyCarpInterface: Check = {
  code: 'carp/legacy-carp-interface',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const list = nodeConfig(workspace.nodeOf(doc.uri)).interfaces;
    const lookup: DocLookup = (uri) => (uri === doc.uri ? doc : workspace.get(uri));
    const findings: Finding[] = [];
    const legacySources = [...list.interfaces.values()].filter((i) => isLegacyCarpName(i.key)).flatMap((i) => i.sources.filter((s) => s.effective));
    for (const source of legacySources) {
      if (source.uri !== doc.uri) continue;
      const a = source.assignment;
      const rewrite = legacyCarpRewrite(source, list, lookup);
      const head = `${source.var.ifKey} does not exist since FreeBSD 10: CARP is no longer a pseudo-interface, and netif only configures interfaces that exist, so ${a.name} is ignored and its address never comes up.`;
      // The suggested line quotes the pass: masked in `message`, as written only for users who asked.
      const message = rewrite.ok
        ? wrapSecret(rewrite.shown, (line) => `${head} Move ${rewrite.vip} to its parent interface ${rewrite.parent}: ${line}.`)
        : `${head} Put the address on its parent interface as ifconfig_<parent>_aliasN="inet vhid N pass … alias VIP/32"; it cannot be rewritten automatically because ${rewrite.reason}.`;
      findings.push(findingAt(doc, 'carp/legacy-carp-interface', a.nameStart, a.nameEnd, message, rewrite.ok ? { fixes: [rewrite.fix] } : {}));
    }
    for (const item of list.cloned) {
      if (item.uri !== doc.uri || !item.effective || !isLegacyCarpName(item.name)) continue;
      const line = legacySources.find((s) => s.var.ifKey === item.name && s.var.role === 'primary') ?? legacySources.find((s) => s.var.ifKey === item.name);
      const rewrite = line ? legacyCarpRewrite(line, list, lookup) : undefined;
      const fix = rewrite?.ok ? rewrite.fix : clonedRemovalFix(item, lookup);
      findings.push(
        findingAt(
          doc,
          'carp/legacy-carp-interface',
          item.word.start,
          item.word.end,
          `${item.name} in cloned_interfaces: FreeBSD 10 removed the carp interface cloner, so "ifconfig ${item.name} create" fails at boot. CARP addresses now go on the parent interface with a vhid (ifconfig_<parent>_aliasN="inet vhid N pass … alias VIP/32"); remove ${item.name} from this list.`,
          fix ? { fixes: [fix] } : {},
        ),
      );
    }
    return findings;
  },
};
