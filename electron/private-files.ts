import fs from 'node:fs';

/*
 * The shop's files hold PIN hashes, sales and customers' card numbers: what Comptoir creates is
 * for its own user only (0600 files, 0700 folders). Windows ignores these modes; its per-user
 * profile folder is what keeps them private there.
 */

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** Creates a folder (and its missing parents) owner-only; a folder that exists is left as it is. */
export function makePrivateFolder(folder: string) {
  fs.mkdirSync(folder, { recursive: true, mode: privateFolderMode });
}

/**
 * Creates an empty owner-only file where none is, so what fills it (SQLite, and the -wal and
 * -shm it gives the file's own mode) inherits the mode. A file that exists is left as it is.
 */
export function createPrivateFile(file: string) {
  try {
    fs.closeSync(fs.openSync(file, 'wx', privateFileMode));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Copies a file to one that is owner-only: a copy otherwise takes its source's mode. */
export function copyPrivateFile(from: string, to: string) {
  fs.copyFileSync(from, to);
  fs.chmodSync(to, privateFileMode);
}
