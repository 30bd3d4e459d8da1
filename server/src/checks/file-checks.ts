import type { Check } from './types';
import { fileCrlf } from './file-crlf';
import { fileEncoding } from './file-encoding';
import { fileOutsideRoot } from './file-outside-root';

/** Checks of the file as a whole (line ends, encoding, files it names that were not read). */
export const fileChecks: readonly Check[] = [fileEncoding, fileCrlf, fileOutsideRoot];
