import type { RcAssignment } from '../parsers/rcconf';

export { isRcDefaultsUri as isRcDefaults } from '../model/node-config';

/**
 * True when the value holds an expansion or substitution, so what rc sees is
 * only known at boot; checks about the value skip it rather than guess.
 */
export function hasExpansion(a: RcAssignment): boolean {
  return a.references.length > 0 || a.value.includes('$') || a.value.includes('`');
}

/** `ifconfig_<if>_alias<N>` split into interface variable part and number. */
export function parseAliasName(name: string): { ifVar: string; n: number } | undefined {
  const m = /^ifconfig_(.+)_alias([0-9]+)$/.exec(name);
  return m ? { ifVar: m[1], n: Number(m[2]) } : undefined;
}
