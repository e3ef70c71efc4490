import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InstanceLockedError,
  lockFileOf,
  takeInstanceLock,
} from '../../../electron/store/instance-lock';
import { withTempDirs } from '../../support/temp';

const tempDir = withTempDirs();
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** Another process of this machine, running until the test ends. */
function liveProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child.pid ?? 0;
}

/** The pid of a process that ran and is gone. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 0;
}

describe('the instance lock of a database', () => {
  it('is one process at a time: taken, refused to a second taker naming the holder, released', () => {
    const file = path.join(tempDir(), 'comptoir.sqlite');
    const lock = takeInstanceLock(file);
    expect(fs.readFileSync(lockFileOf(file), 'utf8')).toBe(`${process.pid}\n`);
    expect(fs.statSync(lockFileOf(file)).mode & 0o777).toBe(0o600);
    expect(() => takeInstanceLock(file)).toThrow(
      new RegExp(`comptoir\\.sqlite is in use by Comptoir \\(process ${process.pid}\\)`),
    );
    lock.release();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    takeInstanceLock(file).release();
    // Nothing but the database's folder is left: no file of the lock's own.
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('is refused while another live process holds it', () => {
    const file = path.join(tempDir(), 'comptoir.sqlite');
    const pid = liveProcess();
    fs.writeFileSync(lockFileOf(file), `${pid}\n`);
    let refusal: unknown;
    try {
      takeInstanceLock(file);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InstanceLockedError);
    expect((refusal as InstanceLockedError).pid).toBe(pid);
    expect((refusal as Error).message).toContain(`(process ${pid})`);
    expect(fs.readFileSync(lockFileOf(file), 'utf8')).toBe(`${pid}\n`);
  });

  it('is taken over from a process that is gone, or from a lock a crash left unreadable', async () => {
    const file = path.join(tempDir(), 'comptoir.sqlite');
    fs.writeFileSync(lockFileOf(file), `${await deadPid()}\n`);
    const lock = takeInstanceLock(file);
    expect(fs.readFileSync(lockFileOf(file), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    fs.writeFileSync(lockFileOf(file), '');
    takeInstanceLock(file).release();
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
  });

  it('is not given up by a release once another process took it over', async () => {
    const file = path.join(tempDir(), 'comptoir.sqlite');
    const lock = takeInstanceLock(file);
    const pid = liveProcess();
    fs.writeFileSync(lockFileOf(file), `${pid}\n`);
    lock.release();
    expect(fs.readFileSync(lockFileOf(file), 'utf8')).toBe(`${pid}\n`);
  });
});
