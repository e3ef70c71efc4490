import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, hardeningHeaders } from '../web-security';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

interface StaticFile {
  file: string;
  contentType: string;
}

/**
 * What is at `file`, or undefined where the system finds nothing it can read: missing, under a
 * file (ENOTDIR), a name too long, or characters the file system refuses (Windows' `:` or `?`).
 */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Maps a decoded URL path to a file of the built renderer, or null. Paths that escape the build
 * folder, contain NUL or a backslash, or name a folder are refused; an unknown path without an
 * extension is a client-side route and gets index.html.
 */
export function resolveStaticFile(root: string, decoded: string): StaticFile | null {
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  const existing = statOf(file);
  if (existing?.isFile()) {
    return {
      file,
      contentType: contentTypes[path.extname(file)] ?? 'application/octet-stream',
    };
  }
  if (existing || path.extname(file) !== '') return null;
  const index = path.join(base, 'index.html');
  return fs.existsSync(index)
    ? { file: index, contentType: contentTypes['.html'] as string }
    : null;
}

/**
 * The answer to a GET or HEAD of the built app's file at `decoded` (null: none there): its
 * headers and content, an HTML page passed through `page` first (the head office marks its own).
 */
export function staticFileAnswer(
  root: string,
  decoded: string,
  page: (html: string) => string = (html) => html,
): { headers: Record<string, string | number>; content: Buffer } | null {
  const found = resolveStaticFile(root, decoded);
  if (!found) return null;
  const html = found.contentType.startsWith('text/html');
  const content = html
    ? Buffer.from(page(fs.readFileSync(found.file, 'utf8')), 'utf8')
    : fs.readFileSync(found.file);
  return {
    headers: {
      'content-type': found.contentType,
      'content-length': content.length,
      'content-security-policy': contentSecurityPolicy([]),
      'cache-control': html ? 'no-cache' : 'max-age=3600',
      ...hardeningHeaders,
    },
    content,
  };
}
