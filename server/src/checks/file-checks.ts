import type { Check } from './types';
import { fileCrlf } from './file-crlf';
import { fileEncoding } from './file-encoding';
import { fileOutsideRoot } from './file-outside-root';
import { fileNotInANode } from './file-not-in-a-node';

/** Checks of the file as a whole (line ends, encoding, files it names that were not read, a folder that is not a node). */
export const fileChecks: readonly Check[] = [fileEncoding, fileCrlf, fileOutsideRoot, fileNotInANode];
