import { createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { makePrivateFolder, privateFileMode } from '../private-files';

/** The hub's TLS identity: what counters pin, by the SHA-256 of the certificate. */
export interface HubCertificate {
  /** PEM. */
  cert: string;
  /** PEM, owner-only on disk. */
  key: string;
  /** SHA-256 of the certificate's DER, uppercase hex (`fingerprintSchema`). */
  fingerprint: string;
}

export const certificateFileName = 'hub-certificate.pem';
export const keyFileName = 'hub-key.pem';

/** The certificate's SHA-256 fingerprint as counters pin it; throws on text that is no certificate. */
export function fingerprintOf(certPem: string | Buffer): string {
  return new X509Certificate(certPem).fingerprint256.replaceAll(':', '');
}

function readCertificate(folder: string): HubCertificate | null {
  try {
    const cert = fs.readFileSync(path.join(folder, certificateFileName), 'utf8');
    const key = fs.readFileSync(path.join(folder, keyFileName), 'utf8');
    if (!new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))) return null;
    return { cert, key, fingerprint: fingerprintOf(cert) };
  } catch {
    return null;
  }
}

function writePrivate(file: string, text: string) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: privateFileMode });
  fs.renameSync(temp, file);
}

/**
 * The hub's certificate in `folder` (beside the database), made on first use: a self-signed
 * P-256 certificate for 20 years (counters pin its fingerprint, so no authority and no renewal
 * is needed). A missing, damaged or mismatched pair is made anew, which counters will see as a
 * new fingerprint to check.
 */
export async function hubCertificate(folder: string, now: () => Date = () => new Date()) {
  const found = readCertificate(folder);
  if (found) return found;
  makePrivateFolder(folder);
  const notBeforeDate = now();
  const notAfterDate = new Date(notBeforeDate.getTime());
  notAfterDate.setUTCFullYear(notAfterDate.getUTCFullYear() + 20);
  const made = await selfsigned.generate([{ name: 'commonName', value: 'Comptoir hub' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
  });
  writePrivate(path.join(folder, keyFileName), made.private);
  writePrivate(path.join(folder, certificateFileName), made.cert);
  return { cert: made.cert, key: made.private, fingerprint: fingerprintOf(made.cert) };
}
