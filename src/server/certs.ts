/** HTTPS certificates for localhost: the office-addin-dev-certs files, made when missing. */
import fs from "node:fs";
import { generateCertificates } from "office-addin-dev-certs";
import {
  caCertificatePath,
  localhostCertificatePath,
  localhostKeyPath,
} from "office-addin-dev-certs/lib/defaults";

export interface CertificatePair {
  key: Buffer;
  cert: Buffer;
  certPath: string;
  /** True when this start made new certificates (so the CA still needs trusting). */
  generated: boolean;
}

export async function loadOrCreateCertificates(
  certPath: string | null,
  keyPath: string | null,
): Promise<CertificatePair> {
  if (certPath && keyPath) {
    return {
      key: fs.readFileSync(keyPath),
      cert: fs.readFileSync(certPath),
      certPath,
      generated: false,
    };
  }
  let generated = false;
  if (!fs.existsSync(localhostCertificatePath) || !fs.existsSync(localhostKeyPath)) {
    // Pure JS generation: no sudo, no network. Trusting the CA is a separate, optional step.
    await generateCertificates(caCertificatePath, localhostCertificatePath, localhostKeyPath, 30);
    generated = true;
  }
  return {
    key: fs.readFileSync(localhostKeyPath),
    cert: fs.readFileSync(localhostCertificatePath),
    certPath: localhostCertificatePath,
    generated,
  };
}

export { caCertificatePath };
