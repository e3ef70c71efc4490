// electron-builder's afterPack hook: sets Electron's fuses in the packaged binary, before it is
// signed, as the Electron security checklist asks. Fuses are bits in the binary itself, so no
// command line or environment variable of the shop's PC can turn them back on.
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

// electron-builder's Arch.arm64.
const arm64 = 3;

/** The file that holds the fuse wire, as electron-builder names the packaged executable. */
export function packagedElectron({ appOutDir, electronPlatformName, packager }) {
  if (electronPlatformName === 'linux') return path.join(appOutDir, packager.executableName);
  const extension = electronPlatformName === 'win32' ? '.exe' : '.app';
  return path.join(appOutDir, `${packager.appInfo.productFilename}${extension}`);
}

export function fusesFor(platform, arch) {
  return {
    version: FuseVersion.V1,
    // The binary never runs as a plain Node (ELECTRON_RUN_AS_NODE), nor takes Node options or
    // a debugger from the environment or the command line: each would run any code as the app.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Cookies (the session) encrypted at rest with the system keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // Only the packaged app.asar is loaded, never a folder put beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The asar checked against the hash electron-builder embeds: Electron implements it on
    // macOS and Windows only; elsewhere the fuse would promise a check that never happens.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]:
      platform === 'darwin' || platform === 'mas' || platform === 'win32',
    // Flipping bits breaks the ad-hoc signature macOS requires on Apple silicon: make it anew.
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && arch === arm64,
  };
}

export default async function afterPack(context) {
  await flipFuses(packagedElectron(context), fusesFor(context.electronPlatformName, context.arch));
}
