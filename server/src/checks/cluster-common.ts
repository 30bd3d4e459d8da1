import type { Range } from 'vscode-languageserver-types';
import type { Finding, RelatedLocation } from './types';
import type { Code } from './codes';
import type { WorkspaceView } from '../model/workspace-view';
import type { VhidMember } from '../model/cluster';
import type { IfItem } from '../model/rc-interfaces';
import type { IfWord } from '../model/ifconfig-value';
import type { SecretText } from '../model/mask';
import type { FixProposal } from '../fixes/types';

/**
 * Shared by the cross-node checks (not a check itself): where a member's
 * setting is written, and findings that land on each member's line with the
 * other members as related information.
 */

/** A place in a file of the workspace. */
export interface Place {
  uri: string;
  range: Range;
}

/** The range of an ifconfig word (or of a whole command when `word` is undefined) in the workspace, or undefined when its file is gone. */
export function placeOf(workspace: WorkspaceView, item: IfItem, word?: IfWord): Place | undefined {
  const doc = workspace.get(item.source.uri);
  if (!doc) return undefined;
  const a = item.source.assignment;
  return { uri: doc.uri, range: doc.lines.range(word?.start ?? a.start, word?.end ?? a.end) };
}

/** The line that introduces a member's vhid: its first alias command, where a finding about the whole vhid goes. */
export function vhidPlace(workspace: WorkspaceView, m: VhidMember): Place | undefined {
  const first = m.vhid.items[0];
  return first ? placeOf(workspace, first, first.entry.carp.vhid?.keyword) : undefined;
}

/** `fw2 (em0, vhid 1)`: how messages name a member. */
export function memberLabel(m: VhidMember): string {
  return `${m.node} (${m.ifName}, vhid ${m.vhid.vhid})`;
}

/** A finding at `place`, with the password-bearing message split as SecretText when it quotes one. */
export function findingAtPlace(code: Code, place: Place, message: string | SecretText, extra: { related?: RelatedLocation[]; fixes?: FixProposal[] } = {}): Finding {
  const base = { code, uri: place.uri, range: place.range, ...extra };
  if (typeof message === 'string') return { ...base, message };
  return message.revealed !== message.masked ? { ...base, message: message.masked, revealedMessage: message.revealed } : { ...base, message: message.masked };
}

/** Related information pointing at other members' places, each with its own line of explanation. */
export function relatedAt(places: readonly (Place & { message: string })[]): RelatedLocation[] {
  return places.map((p) => ({ uri: p.uri, range: p.range, message: p.message }));
}
