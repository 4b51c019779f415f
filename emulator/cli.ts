#!/usr/bin/env node
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { FaultPlan, validatePlan } from "./faults";
import { loadAccountsFile } from "./gateway/accounts";
import { startEmulator } from "./server";

const USAGE = `Usage: npm run emulator -- [--port PORT] [--state FILE] [--accounts FILE] [--ingest-endpoints N]
                            [--faults JSON|@FILE] [--fault-seed N] [--latency-ms N] [--quiet]

  --port PORT            TCP port on 127.0.0.1 (default: a free port)
  --state FILE           keep the studios in FILE across restarts (default: in memory)
  --accounts FILE        JSON array of {"accessKeyId", "accessKeySecret", "uid"} (default: the demo account)
  --ingest-endpoints N   video sources a new studio can take (default: 99)
  --faults JSON|@FILE    fault chances by Action ("*" for all), e.g.
                         '{"*": {"internalError": 0.05, "serviceUnavailable": 0.05, "throttling": 0.05, "lostResponse": 0.05}}'
  --fault-seed N         seed of the fault sequence (default: 0)
  --latency-ms N         milliseconds added to every call (default: 0)
  --quiet                do not log one line per call`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      state: { type: "string" },
      accounts: { type: "string" },
      "ingest-endpoints": { type: "string" },
      faults: { type: "string" },
      "fault-seed": { type: "string" },
      "latency-ms": { type: "string" },
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

  const faults = faultPlan(values.faults, values["fault-seed"], values["latency-ms"]);

  const emulator = await startEmulator({
    faults,
    port,
    stateFile: values.state,
    accounts: values.accounts ? loadAccountsFile(values.accounts) : undefined,
    ingestEndpoints,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Live API emulator listening on ${emulator.url} (state: ${emulator.storeDescription})`);

  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function faultPlan(spec: string | undefined, seed: string | undefined, latency: string | undefined): FaultPlan | undefined {
  if (spec === undefined && seed === undefined && latency === undefined) return undefined;
  const text = spec === undefined ? "{}" : spec.startsWith("@") ? fs.readFileSync(spec.slice(1), "utf8") : spec;
  let rates: FaultPlan["rates"];
  try {
    rates = JSON.parse(text) as FaultPlan["rates"];
  } catch {
    throw new Error(`--faults takes JSON or @FILE; could not read ${JSON.stringify(text.slice(0, 80))}.`);
  }
  if (latency !== undefined) {
    const latencyMs = wholeNumber("--latency-ms", latency, 0, 60_000);
    rates = { ...rates, "*": { ...rates["*"], latencyMs } };
    for (const action of Object.keys(rates)) rates[action] = { latencyMs, ...rates[action] };
  }
  const plan: FaultPlan = { seed: seed === undefined ? 0 : wholeNumber("--fault-seed", seed, 0, 2 ** 31), rates };
  validatePlan(plan);
  return plan;
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
