import type { NodeConfig } from '../model/node-config';
import { canonicalAddress } from '../model/if-address';
import { configuresInterface, pfsyncSettings, syncdevAddress } from '../model/pfsync-node';
import { setRcValuesEdits } from './rc-set-value';
import type { FixProposal } from './types';

/**
 * Fixes for the pfsync cluster checks: they set rc variables on one node
 * (possibly a peer of the file the diagnostic is in).
 */

/**
 * pfsync/not-on-all-nodes: enable pfsync on every member lacking it, with
 * the syncdev the others use, when they agree on one and each target
 * configures an interface of that name (else no fix: half a fix would
 * leave the finding). When the one member running pfsync sends by unicast
 * (a syncpeer) to the one lacking it, that one gets the first's syncdev
 * address as its syncpeer, so the pair stays symmetric.
 */
export function enablePfsyncFix(targets: readonly NodeConfig[], peers: readonly NodeConfig[]): FixProposal | undefined {
  const settings = peers.map((p) => ({ config: p, s: pfsyncSettings(p) }));
  const devs = [...new Set(settings.map((p) => p.s.syncdev))];
  const dev = devs.length === 1 ? devs[0] : undefined;
  if (!dev || targets.length === 0 || targets.some((t) => !configuresInterface(t, dev))) return undefined;
  const values = [
    { name: 'pfsync_enable', value: 'YES' },
    { name: 'pfsync_syncdev', value: dev },
  ];
  if (settings.some((p) => p.s.syncpeer)) {
    const peerAddress = settings.length === 1 && targets.length === 1 ? syncdevAddress(settings[0].config, settings[0].s) : undefined;
    if (!peerAddress) return undefined;
    values.push({ name: 'pfsync_syncpeer', value: canonicalAddress(peerAddress) });
  }
  const names = targets.map((t) => t.name);
  const on = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    title: `Enable pfsync on ${on} (${values.map((v) => `${v.name}="${v.value}"`).join(', ')})`,
    isPreferred: true,
    changes: targets.flatMap((t) => setRcValuesEdits(t, values)),
  };
}

/** pfsync/syncpeer-mismatch: `pfsync_syncpeer` on `target` becomes `address` (the peer's syncdev address). */
export function setSyncpeerFix(target: NodeConfig, peerName: string, address: string): FixProposal {
  return {
    title: `Set pfsync_syncpeer="${address}" on ${target.name} (${peerName}'s syncdev address)`,
    isPreferred: true,
    changes: setRcValuesEdits(target, [{ name: 'pfsync_syncpeer', value: address }]),
  };
}
