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

/**
 * Makes this process trust the certificate, as NODE_EXTRA_CA_CERTS makes a process it starts: Node
 * reads that variable only at start, and a test runs the client in its own process. Every TLS
 * connection that names no CA of its own trusts the public roots and this certificate (an https
 * Agent connects through tls.connect). Returns the undo, for the test's afterAll.
 */
export function trustInThisProcess(cert: string): () => void {
  // The module object itself (an `import * as` is a copy): https reads tls.connect from it at each connection.
  const tlsModule = require("node:tls") as typeof import("node:tls");
  const connect = tlsModule.connect;
  const ca = [...tlsModule.rootCertificates, cert];
  tlsModule.connect = ((...args: unknown[]) => {
    const [options] = args;
    if (typeof options === "object" && options !== null && !("ca" in options && (options as { ca?: unknown }).ca)) {
      args[0] = { ...options, ca };
    }
    return (connect as (...params: unknown[]) => ReturnType<typeof connect>)(...args);
  }) as typeof connect;
  return () => {
    tlsModule.connect = connect;
  };
}
