import type { Check } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { configuresInterface, pfsyncSettings } from '../model/pfsync-node';

/**
 * `pfsync_syncdev` names an interface the node's rc files never configure
 * (no `ifconfig_<if>`, `cloned_interfaces` or `vlans_<if>` entry): a typo,
 * or a NIC of the peer. rc.d/pfsync still runs `ifconfig pfsync0 syncdev
 * <if>`, which fails for an interface that does not exist, or leaves
 * pfsync on a link that is never brought up. A warning, not an error: the
 * interface may be set up outside rc.conf (`/etc/start_if.<if>`, a script).
 */
export const pfsyncUnknownSyncdev: Check = {
  code: 'pfsync/unknown-syncdev',
  kinds: ['rc'],
  run({ doc, workspace }) {
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    const s = pfsyncSettings(config);
    const at = s.syncdevAt;
    if (!s.enabled || !s.syncdev || s.uncertain || !at || at.doc.uri !== doc.uri) return [];
    // ifconfig_DEFAULT configures every interface network.subr finds.
    if (config.rc.has('ifconfig_DEFAULT') || configuresInterface(config, s.syncdev)) return [];
    const known = [...config.interfaces.interfaces.values()].map((i) => i.name);
    const list = known.length > 0 ? ` It configures ${known.join(', ')}.` : '';
    return [
      findingAt(
        doc,
        'pfsync/unknown-syncdev',
        at.setting.valueStart,
        at.setting.valueEnd,
        `pfsync_syncdev is ${s.syncdev}, an interface ${config.name}'s rc.conf does not configure (no ifconfig_${s.syncdev.replace(/[.\-/+]/g, '_')}, cloned_interfaces or vlans_ entry): pfsync then has no link to send its updates on, and the peers get none of ${config.name}'s states.${list}`,
      ),
    ];
  },
};
