import type { Check } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { pfsyncSettings } from '../model/pfsync-node';

/**
 * `pfsync_enable="YES"` with no `pfsync_syncdev` (unset, or set empty):
 * libexec/rc/rc.d/pfsync refuses to start ("pfsync_syncdev is not set."),
 * so the node shares no state with its peers. Reported on the
 * `pfsync_enable` line in force (or on an empty `pfsync_syncdev` line,
 * where the mistake is).
 */
export const pfsyncNoSyncdev: Check = {
  code: 'pfsync/no-syncdev',
  kinds: ['rc'],
  run({ doc, workspace }) {
    const config = nodeConfig(workspace.nodeOf(doc.uri));
    const s = pfsyncSettings(config);
    if (!s.enabled || s.syncdev || s.uncertain || !s.enable || s.enable.fromDefaults) return [];
    const emptied = s.syncdevAt && !s.syncdevAt.fromDefaults ? s.syncdevAt : undefined;
    const at = emptied ?? s.enable;
    if (at.doc.uri !== doc.uri) return [];
    const candidates = syncCandidates(config);
    const hint = candidates.length > 0 ? ` (an interface without CARP addresses here: ${candidates.join(', ')})` : '';
    return [
      findingAt(
        doc,
        'pfsync/no-syncdev',
        at.setting.start,
        at.setting.end,
        `pfsync is enabled but pfsync_syncdev is ${emptied ? 'empty' : 'not set'}: rc.d/pfsync refuses to start ("pfsync_syncdev is not set."), so ${config.name} shares no connection state with its peers and drops every connection it takes over after a failover. Set pfsync_syncdev to the interface of the link between the firewalls${hint}.`,
      ),
    ];
  },
};

/** Interfaces the node configures that carry no vhid: where a dedicated sync link usually is. */
function syncCandidates(config: ReturnType<typeof nodeConfig>): string[] {
  const carp = new Set(config.vhids.map((v) => v.ifKey));
  return [...config.interfaces.interfaces.values()].filter((i) => !carp.has(i.key) && !/^(lo|carp)\d+$/.test(i.name)).map((i) => i.name);
}
