#!/usr/bin/env node
import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { FaultPlan, validatePlan } from "./faults";
import { loadAccountsFile } from "./gateway/accounts";
import { loadStsFile } from "./sts/identity";
import { startEmulator } from "./server";
import RPCClient from "@alicloud/pop-core";
import { randomUUID } from "node:crypto";
import { CHARGE_TYPE, NORM_TYPE, NORM_TYPE_NAMES, NORM_TYPES, POSITIONS } from "../model/api-facts";
import { API_VERSION } from "../model/live-api";
import { DEMO_ACCOUNT } from "./gateway/accounts";
import { documentationUrl } from "../common/documentation";

const USAGE = `Usage: caster-emulator [--host HOST] [--port PORT] [--state FILE] [--accounts FILE] [--ingest-endpoints N]
                      [--faults JSON|@FILE] [--fault-seed N] [--latency-ms N] [--quiet]
                      [--sts FILE --tls-cert FILE --tls-key FILE [--tls-port PORT]]
       caster-emulator create-studio --endpoint URL [--name NAME] [--norm-type ${NORM_TYPES.join("|")}] [--template TEMPLATE] [--domain DOMAIN]

Starts a local emulator of the ApsaraVideo Live API (the Caster operations), or makes a studio in
a running one to try things with; its ID is printed on stdout. In this repository: npm run emulator -- ...

  --host HOST            address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 serves
                         your network too, without TLS and with the demo key: only where you trust it)
  --port PORT            TCP port (default: a free port)
  --state FILE           keep the studios in FILE across restarts (default: in memory)
  --accounts FILE        JSON array of {"accessKeyId", "accessKeySecret", "uid"} (default: the demo account)
  --ingest-endpoints N   video sources a new studio can take (default: ${POSITIONS})
  --faults JSON|@FILE    fault chances by Action ("*" for all), e.g.
                         '{"*": {"internalError": 0.05, "serviceUnavailable": 0.05, "throttling": 0.05, "lostResponse": 0.05}}'
  --fault-seed N         seed of the fault sequence (default: 0)
  --latency-ms N         milliseconds added to every call (default: 0)
  --quiet                do not log one line per call
  --sts FILE             STS roles and OIDC providers, JSON {"roles": [{"arn", "trustedAccounts"?, "trustedOidcProviders"?,
                         "maxSessionDurationSeconds"?, "externalId"?}], "oidcProviders": [{"arn", "issuerUrl", "clientIds"}]}
                         for AssumeRole and AssumeRoleWithOIDC (see the documentation below)
  --tls-cert FILE, --tls-key FILE
                         a PEM certificate and key for an HTTPS listener (the STS endpoint: Alibaba's credential
                         library calls STS over https only); the client trusts it with NODE_EXTRA_CA_CERTS=FILE
  --tls-port PORT        the HTTPS listener's port, with --tls-cert and --tls-key only (default: a free port)

create-studio:
  --endpoint URL         the emulator's URL, as the start line prints it (default: $ALICLOUD_CASTER_ENDPOINT)
  --name NAME            the studio's name (default: Try-out studio)
  --norm-type TYPE       ${NORM_TYPES.map((type) => `${type} ${NORM_TYPE_NAMES[type]}`).join(", ")} (default: ${NORM_TYPE.general})
  --template TEMPLATE    its output template, e.g. lp_sd (default: lp_sd)
  --domain DOMAIN        its streaming domain, set with SetCasterConfig, as a studio in use has one: its episode
                         groups play on it, and StartCaster needs it (default: none, as CreateCaster makes a studio)
  The key is $ALIBABA_CLOUD_ACCESS_KEY_ID / $ALIBABA_CLOUD_ACCESS_KEY_SECRET, else the demo account's.

Documentation: ${documentationUrl("docs/emulator.md")}
(every flag, the operations served and the LIMITATIONS: ${documentationUrl("emulator/README.md")})`;

async function main(argv: string[]): Promise<void> {
  if (argv[0] === "create-studio") return createStudio(argv.slice(1));
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      state: { type: "string" },
      accounts: { type: "string" },
      "ingest-endpoints": { type: "string" },
      faults: { type: "string" },
      "fault-seed": { type: "string" },
      "latency-ms": { type: "string" },
      quiet: { type: "boolean", default: false },
      sts: { type: "string" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "tls-port": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if ((values["tls-cert"] === undefined) !== (values["tls-key"] === undefined)) {
    throw new Error("--tls-cert and --tls-key go together: give both, the certificate and its key (PEM files).");
  }
  // Without a certificate there is no HTTPS listener for the port to be of: saying nothing would
  // leave a user waiting for STS on a port nobody listens on.
  if (values["tls-port"] !== undefined && values["tls-cert"] === undefined) {
    throw new Error(`--tls-port ${JSON.stringify(values["tls-port"])} is the HTTPS listener's port, and there is none without a certificate: add --tls-cert FILE --tls-key FILE, or leave out --tls-port.`);
  }
  const tls = values["tls-cert"] && values["tls-key"]
    ? {
      cert: fs.readFileSync(values["tls-cert"], "utf8"),
      key: fs.readFileSync(values["tls-key"], "utf8"),
      port: values["tls-port"] === undefined ? undefined : wholeNumber("--tls-port", values["tls-port"], 0, 65535),
    }
    : undefined;
  const sts = values.sts ? loadStsFile(values.sts) : undefined;
  const port = values.port === undefined ? 0 : wholeNumber("--port", values.port, 0, 65535);
  const ingestEndpoints = values["ingest-endpoints"] === undefined
    ? undefined
    : wholeNumber("--ingest-endpoints", values["ingest-endpoints"], 1, POSITIONS);

  const faults = faultPlan(values.faults, values["fault-seed"], values["latency-ms"]);

  const emulator = await startEmulator({
    faults,
    host: values.host,
    port,
    stateFile: values.state,
    accounts: values.accounts ? loadAccountsFile(values.accounts) : undefined,
    ingestEndpoints,
    roles: sts?.roles,
    oidcProviders: sts?.oidcProviders,
    tls,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Live API emulator listening on ${emulator.url} (state: ${emulator.storeDescription})`);
  if (emulator.httpsHost) console.log(`  STS and the Live API over https on ${emulator.httpsHost}: connection.stsEndpoint or ALICLOUD_CASTER_STS_ENDPOINT=${emulator.httpsHost}`);
  if (!values.quiet) {
    console.log(`  try it: ALICLOUD_CASTER_ENDPOINT=${emulator.url} ALIBABA_CLOUD_ACCESS_KEY_ID=${DEMO_ACCOUNT.accessKeyId} ALIBABA_CLOUD_ACCESS_KEY_SECRET=${DEMO_ACCOUNT.accessKeySecret}`);
    console.log(`  a studio: caster-emulator create-studio --endpoint ${emulator.url}`);
  }

  const stop = () => {
    emulator.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/** CreateCaster, signed as any client signs it, against a running emulator: the studio's ID on stdout. */
async function createStudio(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      endpoint: { type: "string" },
      name: { type: "string", default: "Try-out studio" },
      "norm-type": { type: "string", default: String(NORM_TYPE.general) },
      template: { type: "string", default: "lp_sd" },
      domain: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const endpoint = values.endpoint ?? process.env.ALICLOUD_CASTER_ENDPOINT;
  if (!endpoint) throw new Error("create-studio needs --endpoint URL (the URL the emulator's start line prints), or ALICLOUD_CASTER_ENDPOINT.");
  const normType = values["norm-type"];
  if (!NORM_TYPES.map(String).includes(normType)) {
    throw new Error(`--norm-type takes ${NORM_TYPES.map((type) => `${type} (${NORM_TYPE_NAMES[type]})`).join(", ")}; got ${JSON.stringify(normType)}.`);
  }
  const client = new RPCClient({
    endpoint,
    apiVersion: API_VERSION,
    accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? DEMO_ACCOUNT.accessKeyId,
    accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? DEMO_ACCOUNT.accessKeySecret,
  });
  const call = async <T>(action: string, params: Record<string, unknown>): Promise<T> => {
    try {
      return await client.request<T>(action, params, { method: "POST" });
    } catch (error) {
      const failure = error as { code?: string; message: string };
      throw new Error(`${action} at ${endpoint} failed: ${failure.code ? `${failure.code}: ` : ""}${failure.message}`);
    }
  };
  const { CasterId } = await call<{ CasterId: string }>("CreateCaster", {
    CasterName: values.name, NormType: normType, CasterTemplate: values.template, ChargeType: CHARGE_TYPE, ClientToken: randomUUID(),
  });
  if (values.domain !== undefined) {
    // SetCasterConfig sets the whole configuration: what the studio has is sent again beside the domain.
    const config = await call<{ CasterName?: string; CallbackUrl?: string }>("DescribeCasterConfig", { CasterId });
    await call("SetCasterConfig", {
      CasterId,
      CasterName: config.CasterName ?? values.name,
      CallbackUrl: config.CallbackUrl,
      DomainName: values.domain,
      TranscodeConfig: JSON.stringify({ CasterTemplate: values.template }),
    });
  }
  console.log(CasterId);
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

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`emulator: ${error.message}\n\n${USAGE}`);
  process.exit(2);
});
