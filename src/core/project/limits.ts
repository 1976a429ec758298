import { SNIFF_CHARS } from '../kind';

/** Files larger than this are not read: nobody writes a 5 MB product doc by hand. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** As much of a file as kind detection looks at: front matter, the title, the first section names. */
export const PEEK_BYTES = SNIFF_CHARS;

/** Folders never read, whatever the config says: they hold dependencies and history, not docs. */
export const NEVER_READ = new Set(['node_modules', '.git']);
