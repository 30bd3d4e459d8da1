import type { Check, Finding } from './types';
import { findingAt } from './finding';
import { pfPathCandidates, resolvePfPath } from '../model/pf-include-paths';
import { quoteSource } from '../parsers/quote';

/**
 * A file a config names (a pf `include`) that was not read because it
 * resolves outside the folders being checked, through `..`, an absolute path
 * or a symbolic link. Reported on the naming line so the user knows the
 * ruleset was checked without it; information, because the config may well
 * be right on the machine it is meant for.
 */
export const fileOutsideRoot: Check = {
  code: 'file/outside-root',
  kinds: ['pf'],
  run({ doc, workspace }) {
    if (doc.kind !== 'pf' || !workspace.refusedRead) return [];
    const out: Finding[] = [];
    for (const inc of doc.pf.includes) {
      if (resolvePfPath(workspace, doc.uri, inc.path.text).inWorkspace) continue;
      const refused = pfPathCandidates(workspace, doc.uri, inc.path.text).some((c) => workspace.refusedRead?.(c) !== undefined);
      if (!refused) continue;
      out.push(
        findingAt(
          doc,
          'file/outside-root',
          inc.path.start,
          inc.path.end,
          `Not read: ${quoteSource(inc.path.text)} resolves outside the checked folders, so the ruleset was checked without it. ` +
            'freebsd-conf opens only files inside the folders it checks, so that a config cannot make it read other files of the machine.',
        ),
      );
    }
    return out;
  },
};
