#!/usr/bin/env node
import { parseArgs } from "node:util";
import { loadAccountsFile } from "./gateway/accounts";
import { startEmulator } from "./server";

const USAGE = `Usage: npm run emulator -- [--port PORT] [--state FILE] [--accounts FILE] [--ingest-endpoints N] [--quiet]

  --port PORT            TCP port on 127.0.0.1 (default: a free port)
  --state FILE           keep the studios in FILE across restarts (default: in memory)
  --accounts FILE        JSON array of {"accessKeyId", "accessKeySecret", "uid"} (default: the demo account)
  --ingest-endpoints N   video sources a new studio can take (default: 99)
  --quiet                do not log one line per call`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      state: { type: "string" },
      accounts: { type: "string" },
      "ingest-endpoints": { type: "string" },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : wholeNumber("--port", values.port, 0, 65535);
  const ingestEndpoints = values["ingest-endpoints"] === undefined
    ? undefined
    : wholeNumber("--ingest-endpoints", values["ingest-endpoints"], 1, 99);

  const emulator = await startEmulator({
    port,
    stateFile: values.state,
    accounts: values.accounts ? loadAccountsFile(values.accounts) : undefined,
    ingestEndpoints,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Live API emulator listening on ${emulator.url}`);

  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${flag} takes a whole number from ${min} to ${max}; got ${JSON.stringify(text)}.`);
  }
  return value;
}

main().catch((error: Error) => {
  console.error(`emulator: ${error.message}\n\n${USAGE}`);
  process.exit(2);
});
