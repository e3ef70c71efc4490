import fs from 'node:fs/promises';
import path from 'node:path';
import { SerialPort } from 'serialport';
import type { ProcedureOutput } from '../../shared/api/contract';

type PortChoice = ProcedureOutput<'modems.ports'>['ports'][number];

interface FoundPort {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

/**
 * Pairs each port with its stable name: /dev/ttyUSB0 may become ttyUSB2 after a replug, but the
 * by-id link names the device itself, so a modem bound to it keeps its dealer SIM.
 */
export function withStablePaths(
  found: readonly FoundPort[],
  stableByTarget: ReadonlyMap<string, string>,
): PortChoice[] {
  return found.map((port) => ({
    path: port.path,
    stablePath: stableByTarget.get(port.path) ?? null,
    manufacturer: port.manufacturer ?? null,
    vendorId: port.vendorId ?? null,
    productId: port.productId ?? null,
  }));
}

/** The by-id links of a folder (Linux: /dev/serial/by-id), keyed by the port they point to. */
export async function stableLinks(folder: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const names = await fs.readdir(folder).catch(() => []);
  for (const name of names) {
    const link = path.join(folder, name);
    const target = await fs.realpath(link).catch(() => null);
    if (target) links.set(target, link);
  }
  return links;
}

export async function listSerialPorts(byIdFolder = '/dev/serial/by-id'): Promise<PortChoice[]> {
  const [found, links] = await Promise.all([SerialPort.list(), stableLinks(byIdFolder)]);
  return withStablePaths(found, links);
}
