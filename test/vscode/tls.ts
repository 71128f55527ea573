import fs from 'node:fs';
import path from 'node:path';
import { testCertificates } from '../fake/certs';

/** The system CA bundle on Debian; OM_SYSTEM_CA_BUNDLE overrides it. */
export const systemCaBundle = process.env.OM_SYSTEM_CA_BUNDLE ?? '/etc/ssl/certs/ca-certificates.crt';

/** Files of the test TLS material, written to one folder. */
export interface TlsFiles {
  dir: string;
  /** The test CA (PEM): NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** The system bundle plus the test CA: SSL_CERT_FILE (the extension host's fetch reads it). */
  bundleFile: string;
  certFile: string;
  keyFile: string;
}

/** The environment variables that make an editor (and the suite inside it) trust and use the test TLS material. */
export function tlsEnv(tls: TlsFiles): Record<string, string> {
  return { NODE_EXTRA_CA_CERTS: tls.caFile, SSL_CERT_FILE: tls.bundleFile, OM_TEST_TLS_DIR: tls.dir };
}

/** Creates the test CA and a loopback server certificate, and writes ca.pem, cert.pem, key.pem, bundle.pem. */
export async function writeTestTls(dir: string): Promise<TlsFiles> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const certs = await testCertificates();
  const files: TlsFiles = {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    bundleFile: path.join(dir, 'bundle.pem'),
    certFile: path.join(dir, 'cert.pem'),
    keyFile: path.join(dir, 'key.pem'),
  };
  if (!fs.existsSync(systemCaBundle)) {
    throw new Error(`System CA bundle not found at ${systemCaBundle}: install Debian's \`ca-certificates\`.`);
  }
  const system = fs.readFileSync(systemCaBundle, 'utf8');
  fs.writeFileSync(files.caFile, certs.caPem);
  fs.writeFileSync(files.certFile, certs.certPem);
  fs.writeFileSync(files.keyFile, certs.keyPem, { mode: 0o600 });
  fs.writeFileSync(files.bundleFile, `${system.trimEnd()}\n${certs.caPem}`);
  return files;
}
