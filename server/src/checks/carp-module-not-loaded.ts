import type { Check, RelatedLocation } from './types';
import { findingAt } from './finding';
import { nodeConfig } from '../model/node-config';
import { hasBuiltinCarp } from '../model/manifest-lookup';
import { carpItems } from '../model/node-addresses';
import type { IfItem } from '../model/rc-interfaces';
import { placeOf } from './cluster-common';
import { loadCarpFix } from '../fixes/carp-module-not-loaded';
import { pathInNode } from '../fixes/node-file-edits';

/**
 * A node with vhid aliases on which nothing loads carp.ko: no
 * `carp_load="YES"` in loader.conf (stand/lua/config.lua), no `carp` in
 * rc.conf's kld_list (libexec/rc/rc.d/kld), and freebsd-conf.json does not
 * say its kernel has `device carp`. Adding an address with a vhid then fails
 * with EPROTONOSUPPORT (sys/netinet/in.c in_aifaddr_ioctl(): carp_attach_p is
 * NULL), so no VIP of the node ever comes up. `if_carp_load` loads nothing
 * on FreeBSD 10 and later (loader/legacy-if-carp says so on its own line).
 *
 * A node without any loader file is judged only when its folder was read
 * whole (a workspace folder, a directory given to the CLI): among files
 * passed one by one, as a pre-commit hook passes the staged ones, its
 * loader.conf may simply not have been given.
 *
 * Reported once per node, on its first vhid line in load order (loader.conf
 * may not exist), with its other vhid lines as related information: one
 * error per cause, wherever the vhid lines are. Legacy
 * carpN lines count: they configure nothing themselves
 * (carp/legacy-carp-interface), but they say the node is meant to run CARP,
 * and their fix turns them into vhid aliases that need the module.
 */
export const carpModuleNotLoaded: Check = {
  code: 'carp/module-not-loaded',
  kinds: ['rc'],
  run({ doc, workspace }) {
    if (doc.kind !== 'rc') return [];
    const node = workspace.nodeOf(doc.uri);
    const config = nodeConfig(node);
    if (config.carpLoad) return [];
    // Files checked one by one (a commit's staged files) may leave out a loader.conf that exists: without one in sight, say nothing.
    if (node.byKind.loader.length === 0 && workspace.inWholeFolder && !workspace.inWholeFolder(doc.uri)) return [];
    const carp = carpItems(config);
    if (carp.length === 0 || hasBuiltinCarp(workspace.manifest?.(), node.root, config.name)) return [];
    // The node's first vhid command in load order (rc.conf before rc.conf.local, then by position).
    const order = node.byKind.rc.map((d) => d.uri);
    const at = (i: IfItem): number => i.entry.carp.vhid?.keyword.start ?? 0;
    const items: IfItem[] = carp.map((c) => c.item).sort((a, b) => order.indexOf(a.source.uri) - order.indexOf(b.source.uri) || at(a) - at(b));
    const first = items[0];
    const vhid = first?.entry.carp.vhid;
    if (!first || !vhid || first.source.uri !== doc.uri) return [];
    const related: RelatedLocation[] = [];
    for (const item of items) {
      if (item === first) continue;
      const place = placeOf(workspace, item, item.entry.carp.vhid?.keyword);
      if (place) related.push({ ...place, message: `vhid ${item.entry.carp.vhid?.number ?? '?'} also fails here` });
    }
    const legacy = config.loader.get('if_carp_load') ? ' (if_carp_load loads nothing since FreeBSD 10: the module is carp.ko)' : '';
    const set = config.loader.get('carp_load');
    const loader = set
      ? `carp_load="${set.setting.value}" (${pathInNode(node, set.doc.uri)}:${set.doc.lines.positionAt(set.setting.start).line + 1}) loads nothing, only "YES" does,`
      : 'no carp_load="YES" in loader.conf';
    const message =
      `Nothing loads carp.ko on ${config.name}: ${loader} and no carp in kld_list${legacy}. ` +
      'Every ifconfig line with a vhid then fails with "Protocol not supported" (EPROTONOSUPPORT), so none of its VIPs comes up. ' +
      'Add carp_load="YES" to loader.conf (or, if its kernel has device carp built in, give the node "deviceCarp": true in the freebsd-conf manifest).';
    return [findingAt(doc, 'carp/module-not-loaded', vhid.keyword.start, (vhid.value ?? vhid.keyword).end, message, { related, fixes: [loadCarpFix(config)] })];
  },
};
