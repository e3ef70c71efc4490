import { safeStorage } from 'electron';
import type { SecretSealer } from '../store/dealer-pins';

/**
 * Dealer PINs sealed by the operating system's keychain (DPAPI, Keychain, libsecret). Where it
 * is not available (a Linux box without a keyring) the core falls back to its key file.
 */
export function keychainSealer(): SecretSealer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
