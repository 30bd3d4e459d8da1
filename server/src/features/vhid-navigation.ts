import type { Location, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace-view';
import type { VhidMember } from '../model/cluster';
import type { IfItem } from '../model/rc-interfaces';
import { canonicalAddress } from '../model/if-address';
import { definingItem, partSpan, vhidSpotAt, type VhidPart, type VhidSpot } from './vhid-spot';

/**
 * Go to definition and find references on a CARP vhid in rc.conf: from the
 * vhid number, a VIP or a CARP keyword (`vhid`, `advbase`, `advskew`,
 * `pass`, `peer`, `peer6`) to the lines of every member of its group, on
 * every node. The group is the cluster model's (model/cluster.ts), so
 * navigation shows exactly the members the checks compare and the CARP view
 * shows. Pure: the workspace is only read.
 */

/**
 * One place per member of the group: where that member defines the part
 * under the cursor. The vhid goes to the line that introduces it on each
 * node, an address to the line that adds it, a setting (`advskew 100`) to
 * the line whose value is in force, so "go to definition" on advskew shows
 * each node's advskew side by side. A member that does not state the part
 * still appears, at the vhid number of its introducing line.
 */
export function vhidDefinition(doc: ParsedDocument, position: Position, workspace: WorkspaceView): Location[] {
  const spot = vhidSpotAt(doc, doc.lines.offsetAt(position), workspace, 'cursor');
  if (!spot?.group) return [];
  const address = spotAddress(spot);
  const out: Location[] = [];
  for (const m of inNodeOrder(spot.group.members)) {
    const item = definingItem(m, spot.part, address);
    const place = item && placeOf(workspace, item, spot.part);
    if (place) out.push(place);
  }
  return out;
}

/**
 * Every line of every member of the group (a vhid written on two alias lines
 * gives two), at the same part as the cursor when the line states it, else
 * at its vhid number. `includeDeclaration` is not read: a vhid group has no
 * one declaration, every member's line declares it on its node.
 */
export function vhidReferences(doc: ParsedDocument, position: Position, workspace: WorkspaceView): Location[] {
  const spot = vhidSpotAt(doc, doc.lines.offsetAt(position), workspace, 'cursor');
  if (!spot?.group) return [];
  const out: Location[] = [];
  for (const m of inNodeOrder(spot.group.members)) {
    for (const item of m.vhid.items) {
      const place = placeOf(workspace, item, spot.part);
      if (place) out.push(place);
    }
  }
  return out;
}

function spotAddress(spot: VhidSpot): string | undefined {
  const ip = spot.part === 'address' ? spot.entry.address?.ip : undefined;
  return ip ? canonicalAddress(ip) : undefined;
}

/** The part's span in one command, else its vhid number; undefined when the file has left the workspace. */
function placeOf(workspace: WorkspaceView, item: IfItem, part: VhidPart): Location | undefined {
  const doc = workspace.get(item.source.uri);
  const span = partSpan(item.entry, part) ?? partSpan(item.entry, 'vhid');
  if (!doc || !span) return undefined;
  return { uri: doc.uri, range: doc.lines.range(span.start, span.end) };
}

/** Node name order (then folder, then interface), as the checks list members in their messages. */
function inNodeOrder(members: readonly VhidMember[]): VhidMember[] {
  return [...members].sort((a, b) => a.node.localeCompare(b.node) || a.root.localeCompare(b.root) || a.ifName.localeCompare(b.ifName));
}
