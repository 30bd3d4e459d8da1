/**
 * pf.conf navigation and editing features, as pure functions over parsed
 * documents and a read-only workspace view (no LSP connection), so the
 * server, the CLI and tests share them. The server wires each to its handler.
 */
export { pfDefinition } from './definition';
export { pfReferences } from './references';
export { pfPrepareRename, pfRename, type PfRenameError } from './rename';
export { pfHover, type PfHoverOptions } from './hover';
export { pfCompletion } from './completion';
export { pfSymbols } from './symbols';
export { pfFoldingRanges } from './folding';
export { pfDocumentLinks } from './links';
export { pfSemanticTokens, PF_SEMANTIC_LEGEND } from './semantic-tokens';
export { resolvePfPath, type PfPathTarget } from '../../model/pf-include-paths';
export { expandRule, type PfRuleExpansion } from './rule-expansion';
