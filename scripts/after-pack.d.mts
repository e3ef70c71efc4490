import type { FuseV1Config } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

export function packagedElectron(context: PackedApp): string;
export function fusesFor(platform: string, arch: number): FuseV1Config;
export default function afterPack(context: PackedApp): Promise<void>;
