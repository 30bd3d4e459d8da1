import type { Check } from './types';
import { fileCrlf } from './file-crlf';
import { fileEncoding } from './file-encoding';

/** Checks of the file as a whole (line ends, encoding), for every kind. */
export const fileChecks: readonly Check[] = [fileEncoding, fileCrlf];
