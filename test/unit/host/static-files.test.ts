import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../electron/host/static-files';

let root: string;
let outside: string;

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'comptoir-static-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(outside, 'secret');
});

afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('serving the built renderer', () => {
  it('serves index.html at the root and assets with their type', () => {
    expect(resolveStaticFile(root, '/')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app.js')).toEqual({
      file: path.join(root, 'assets', 'app.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('answers a client-side route with index.html', () => {
    expect(resolveStaticFile(root, '/settings')?.file).toBe(path.join(root, 'index.html'));
  });

  it('does not invent a missing asset', () => {
    expect(resolveStaticFile(root, '/assets/missing.js')).toBeNull();
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/assets/..\\..\\secret.txt',
    '/index.html\0.js',
    '/assets',
    '/index.html/app.js',
    `/${'a'.repeat(300)}.js`,
  ])('refuses %s', (decodedPath) => {
    expect(resolveStaticFile(root, decodedPath)).toBeNull();
  });

  it('answers a route under a file or a name too long for the disk with index.html', () => {
    expect(resolveStaticFile(root, '/index.html/settings')?.file).toBe(
      path.join(root, 'index.html'),
    );
    expect(resolveStaticFile(root, `/${'a'.repeat(300)}`)?.file).toBe(
      path.join(root, 'index.html'),
    );
  });
});
