import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface TestCertificate {
  cert: string;
  key: string;
  /** The certificate's file: NODE_EXTRA_CA_CERTS for a process that must trust the emulator's HTTPS listener. */
  certFile: string;
  directory: string;
}

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with openssl for this test run:
 * Alibaba's credential library calls STS over https only, so an emulated STS needs one, and a
 * client trusts it through NODE_EXTRA_CA_CERTS as it would trust a company's private CA.
 */
export function makeTestCertificate(): TestCertificate {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "caster-tls-"));
  const certFile = path.join(directory, "emulator.crt");
  const keyFile = path.join(directory, "emulator.key");
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
    "-keyout", keyFile, "-out", certFile,
  ], { stdio: "ignore" });
  return { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8"), certFile, directory };
}
