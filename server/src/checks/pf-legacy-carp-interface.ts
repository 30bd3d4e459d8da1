import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { isRule, originRelated, walkStatements } from './pf-common';
import type { FixProposal } from '../fixes/types';
import { isLegacyCarpName } from '../model/rc-interfaces';
import type { PfInterface, PfList, PfStatement } from '../parsers/pf';
import { advertisementRule, carpParents, isAdvertisementRule, rewriteCarpRuleFix } from '../fixes/pf-legacy-carp-interface';

/**
 * `on carpN` in pf.conf. FreeBSD 10 removed the carpN pseudo-interfaces:
 * a CARP address is now an alias with a vhid on its parent interface, and
 * advertisements are IP protocol 112 on that parent. pfctl still loads a
 * rule on a missing interface, so the rule silently matches nothing and,
 * when it was the rule letting advertisements through, both nodes of the
 * pair become master. Also found through a macro (`carp_if = "carp0"`): the
 * finding is at the use, the definition is related. The parent comes from
 * the node's rc.conf; the rewrite is offered for advertisement rules only.
 */
export const pfLegacyCarpInterface: Check = {
  code: 'pf/legacy-carp-interface',
  kinds: ['pf'],
  run({ doc, workspace }) {
    if (doc.kind !== 'pf') return [];
    const findings: Finding[] = [];
    const node = workspace.nodeOf(doc.uri);
    walkStatements(doc.pf.statements, (s) => {
      for (const item of legacyItems(s)) {
        const name = item.name.text;
        const parents = carpParents(node, name);
        const where = parents.length > 0 ? `its parent interface (${parents.join(', ')} on this node)` : 'its parent interface';
        const head = `${name} does not exist since FreeBSD 10: a CARP address is now an alias with a vhid on ${where}, and advertisements are IP protocol 112 (proto carp) there, so`;
        const modern = advertisementRule(parents, false);
        let message: string;
        const fixes: FixProposal[] = [];
        if (s.type === 'option') {
          message = `${head} "set skip on ${name}" has no effect. Remove ${name} from the list.`;
        } else if (isRule(s) && isAdvertisementRule(s)) {
          message = `${head} this rule matches nothing and CARP advertisements may be blocked, making both nodes master. Use "${modern}".`;
          fixes.push(rewriteCarpRuleFix(doc, s, parents));
        } else {
          message = `${head} this rule matches nothing. Write it for ${parents.length > 0 ? parents.join(' or ') : 'the parent interface'} (traffic to a CARP address arrives there), and let advertisements through with "${modern}".`;
        }
        findings.push(findingAt(doc, 'pf/legacy-carp-interface', item.name.start, item.name.end, message, { fixes, related: originRelated(doc, item.name.origin) }));
      }
    });
    return findings;
  },
};

/** The carpN items of a statement's interface list (`on …`, `antispoof for …`, `set skip on …`). */
function legacyItems(s: PfStatement): PfInterface[] {
  const list: PfList<PfInterface> | undefined = 'interfaces' in s ? s.interfaces : undefined;
  if (s.type === 'altq' || s.type === 'queue') return [];
  return (list?.items ?? []).filter((i) => isLegacyCarpName(i.name.text));
}
