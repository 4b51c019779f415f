import * as http from "node:http";
import * as https from "node:https";
import * as net from "node:net";
import { AddressInfo } from "node:net";
import type { TLSSocket } from "node:tls";
import { POSITIONS } from "../model/api-facts";
import { redactParameters, redactSignatures } from "../common/redact";
import { ApiError, errorBody, errors } from "./errors";
import { Fault, FaultInjector, FaultPlan } from "./faults";
import { AccountKey, DEMO_ACCOUNT } from "./gateway/accounts";
import { Gateway } from "./gateway/authenticate";
import { CasterDefaults } from "./models/casters";
import { newRequestId } from "./models/ids";
import { LiveBackend } from "./models/live-backend";
import { EmulatorState } from "./models/state";
import { EmulatorOidcProvider, EmulatorRole, SessionStore } from "./sts/identity";
import { STS_ACTIONS, STS_VERSION, StsService } from "./sts/operations";
import { OPERATIONS } from "./responses";
import { RequestParams } from "./responses/params";
import { FileStore } from "./store/file-store";
import { MemoryStore } from "./store/memory-store";
import { StateStore } from "./store/store";
import { AccountThrottle } from "./throttle";
import { API_VERSION, operationSpec } from "../model/live-api";

export interface EmulatorOptions {
  /** TCP port. @default 0 (a free port) */
  port?: number;
  /**
   * The address to listen on: `0.0.0.0` (or `::`) serves other machines and containers too, with
   * no TLS and the demo account's published key, so only on a network you trust. @default 127.0.0.1
   */
  host?: string;
  /** JSON file that keeps the state across restarts. @default none: state lives in memory */
  stateFile?: string;
  /** Access keys the emulator accepts. @default the demo account (DEMO_ACCOUNT) */
  accounts?: AccountKey[];
  /** Video sources a new studio can take, one per ingest endpoint. @default 99 */
  ingestEndpoints?: number;
  /** Where one line per call goes (masked by common/redact.ts: no secrets, signatures or URL passwords). @default nowhere */
  log?: (line: string) => void;
  /** The server's clock, in ms since the epoch. @default Date.now */
  clock?: () => number;
  /** Deliberate failures and latency, seeded. @default none */
  faults?: FaultPlan;
  /** RAM roles that STS AssumeRole and AssumeRoleWithOIDC hand out temporary credentials for. @default none */
  roles?: EmulatorRole[];
  /** OIDC identity providers registered in RAM, for AssumeRoleWithOIDC. @default none */
  oidcProviders?: EmulatorOidcProvider[];
  /**
   * A certificate and its key (PEM) for a second, HTTPS listener serving the same API. Alibaba's
   * credential chain calls STS over https only (@alicloud/credentials builds `https://<stsEndpoint>`),
   * so AssumeRole and OIDC against the emulator need it; the client trusts the certificate through
   * NODE_EXTRA_CA_CERTS. With it, the main port (`url`) speaks https too, as the API's host answers
   * both: the client sends an HTTPS-only operation (UpdateCasterResourceGroup) to its endpoint's
   * host and port over https. @default no HTTPS listener, and http only on the main port
   */
  tls?: { cert: string; key: string; port?: number };
}

/** One call the emulator answered, as tests and the control endpoint see it. */
export interface CallRecord {
  at: string;
  /** GET or POST, as the client sent it. */
  method: string;
  action: string;
  uid?: string;
  /**
   * The call's own parameters: the protocol's (Signature, AccessKeyId, SecurityToken, ...) are left
   * out; any other credential parameter (AccessKeySecret, ...) shows as ***, and URLs have their
   * signatures and passwords masked (common/redact.ts).
   */
  params: Record<string, string>;
  /** 0 when no reply was sent (a lost response). */
  httpStatus: number;
  code?: string;
  /** The fault injected into this call, if any. */
  fault?: Fault;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: the endpoint to give the client. */
  url: string;
  /**
   * `127.0.0.1:PORT` of the HTTPS listener (with `tls`), which serves STS and the Live API alike:
   * as it is, the STS endpoint to give Alibaba's credential chain (`connection.stsEndpoint`,
   * ALICLOUD_CASTER_STS_ENDPOINT, a CLI profile's sts_endpoint); `https://<it>`, a Live API endpoint.
   */
  httpsHost?: string;
  /** Where the state is kept, in words. */
  storeDescription: string;
  port: number;
  calls(): CallRecord[];
  clearCalls(): void;
  state(): EmulatorState;
  /** Replaces the fault plan (and restarts its random sequence from the plan's seed). */
  setFaults(plan: FaultPlan): void;
  close(): Promise<void>;
}

const PROTOCOL_PARAMETERS = new Set([
  "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
  "SignatureNonce", "Timestamp", "SecurityToken", "RegionId",
]);
const CONTROL_PREFIX = "/_emulator/";

interface Reply {
  status: number;
  body: object;
}
const MAX_BODY_BYTES = 1024 * 1024;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? Date.now;
  const store: StateStore = options.stateFile ? new FileStore(options.stateFile) : new MemoryStore();
  const backend = new LiveBackend(store);
  const sessions = new SessionStore();
  const gateway = new Gateway(
    options.accounts ?? [DEMO_ACCOUNT],
    (action) => (action in OPERATIONS ? API_VERSION : STS_ACTIONS.has(action) ? STS_VERSION : undefined),
    sessions,
    new Set([API_VERSION, STS_VERSION]),
  );
  const sts = new StsService(gateway, sessions, options.roles ?? [], options.oidcProviders ?? []);
  const throttle = new AccountThrottle();
  const casterDefaults: CasterDefaults = {
    ingestEndpoints: options.ingestEndpoints ?? POSITIONS,
    domainName: "live.example.com",
    callbackUrl: "http://callback.example.com/caster",
  };
  const calls: CallRecord[] = [];
  const sink = options.log;
  // Every line goes through the one masking rule, whatever it quotes.
  const log = (line: string) => sink?.(redactSignatures(line));
  const faults = new FaultInjector(options.faults);

  /** A reply, or undefined for a lost response: the change is saved but no answer goes back. */
  async function serveRpc(method: string, params: Record<string, string>, secure: boolean): Promise<Reply | undefined> {
    const requestId = newRequestId();
    const nowMs = clock();
    const record: CallRecord = {
      at: new Date(nowMs).toISOString(),
      method,
      action: redactSignatures(params.Action ?? ""),
      params: callParameters(params),
      httpStatus: 200,
    };
    calls.push(record);
    try {
      if (STS_ACTIONS.has(params.Action ?? "")) {
        // STS is another product on another host; the emulator serves it on its own listeners.
        if (params.Version !== STS_VERSION) throw params.Version ? errors.versionInvalid(params.Version) : errors.missingRequired("Version");
        const reply = sts.serve({ method, params }, nowMs);
        record.uid = reply.uid;
        log(`${record.at} ${record.action} 200`);
        return { status: 200, body: { RequestId: requestId, ...reply.body } };
      }
      // The gateway refuses an HTTPS-only API over http whoever calls it: before the signature is checked.
      if (!secure && operationSpec(params.Action ?? "")?.httpsOnly) throw errors.needSsl();
      const call = gateway.authenticate({ method, params }, nowMs);
      record.uid = call.key.uid;
      const operation = OPERATIONS[call.action];
      if (!throttle.admit(call.key.uid, call.action, operation.spec.qps, nowMs)) {
        throw errors.throttledByUser(call.action, operation.spec.qps);
      }
      const decision = faults.decide(call.action);
      if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      record.fault = decision.fault;
      if (decision.fault === "InternalError") throw errors.internalError();
      if (decision.fault === "ServiceUnavailable") throw errors.serviceUnavailable();
      if (decision.fault === "Throttling") throw errors.throttledByApi();
      const ownerId = params.OwnerId;
      if (ownerId !== undefined && ownerId !== call.key.uid) throw errors.invalidUserId(ownerId);
      const requestParams = new RequestParams(params);
      requestParams.checkRequired(operation.spec);
      const result = operation.handler({
        params: requestParams,
        uid: call.key.uid,
        regionId: call.regionId,
        backend,
        casterDefaults,
        nowMs,
      });
      if (decision.fault === "LostResponse") {
        record.httpStatus = 0;
        log(`${record.at} ${record.action} saved, reply dropped (injected)`);
        return undefined;
      }
      log(`${record.at} ${record.action} 200`);
      return { status: 200, body: { RequestId: requestId, ...result } };
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : internalFailure(caught, log);
      record.httpStatus = error.httpStatus;
      record.code = error.code;
      log(`${record.at} ${record.action || "-"} ${error.httpStatus} ${error.code}${record.fault ? " (injected)" : ""}`);
      return { status: error.httpStatus, body: errorBody(error, requestId) };
    }
  }

  function serveControl(path: string, method: string, body: string): Reply {
    if (path === "calls" && method === "GET") return { status: 200, body: { calls } };
    if (path === "faults" && method === "GET") return { status: 200, body: faults.getPlan() };
    if (path === "faults" && method === "PUT") {
      try {
        faults.setPlan(JSON.parse(body) as FaultPlan);
        return { status: 200, body: faults.getPlan() };
      } catch (error) {
        return { status: 400, body: { error: (error as Error).message } };
      }
    }
    if (path === "calls" && method === "DELETE") {
      calls.length = 0;
      return { status: 200, body: {} };
    }
    if (path === "state" && method === "GET") return { status: 200, body: backend.snapshot() };
    return { status: 404, body: { error: `no control endpoint ${method} ${CONTROL_PREFIX}${path}` } };
  }

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    readBody(req)
      .then(async (body) => {
        let reply: Reply | undefined;
        if (url.pathname.startsWith(CONTROL_PREFIX)) {
          reply = serveControl(url.pathname.slice(CONTROL_PREFIX.length), req.method ?? "GET", body);
        } else if (url.pathname !== "/") {
          reply = { status: 404, body: errorBody(errors.actionNotFound(url.pathname), newRequestId()) };
        } else {
          const params = Object.fromEntries(url.searchParams);
          if (req.method === "POST") Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
          reply = await serveRpc(req.method ?? "GET", params, (req.socket as TLSSocket).encrypted === true);
        }
        if (!reply) {
          res.socket?.destroy();
          return;
        }
        const text = JSON.stringify(reply.body);
        res.writeHead(reply.status, { "Content-Type": "application/json;charset=utf-8" });
        res.end(text);
      })
      .catch(() => {
        res.writeHead(400, { "Content-Type": "application/json;charset=utf-8" });
        res.end(JSON.stringify(errorBody(errors.invalidParameter("the request body could not be read"), newRequestId())));
      });
  };
  const server = http.createServer(handle);
  const secureServer = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handle) : undefined;
  const mainSockets = new Set<net.Socket>();
  // With a certificate, the main port serves http and https alike, each connection as its first byte says.
  const main: net.Server = secureServer
    ? net.createServer((socket) => {
      mainSockets.add(socket);
      socket.once("close", () => mainSockets.delete(socket));
      serveEitherProtocol(socket, server, secureServer);
    })
    : server;

  await new Promise<void>((resolve, reject) => {
    main.once("error", reject);
    main.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (main.address() as AddressInfo).port;
  const host = options.host ?? "127.0.0.1";
  if (secureServer) {
    await new Promise<void>((resolve, reject) => {
      secureServer.once("error", reject);
      secureServer.listen(options.tls?.port ?? 0, host, () => resolve());
    });
  }
  // A wildcard address is no address to call: the URL names this machine's loopback.
  const reachableHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${reachableHost}:${port}`,
    httpsHost: secureServer ? `${reachableHost}:${(secureServer.address() as AddressInfo).port}` : undefined,
    storeDescription: store.description,
    port,
    calls: () => calls.map((call) => ({ ...call, params: { ...call.params } })),
    clearCalls: () => void (calls.length = 0),
    state: () => backend.snapshot(),
    setFaults: (plan) => faults.setPlan(plan),
    close: async () => {
      const listening = [main, ...(secureServer ? [secureServer] : [])];
      await Promise.all(listening.map((listener) =>
        new Promise<void>((resolve, reject) => {
          listener.close((error) => (error ? reject(error) : resolve()));
          if (listener instanceof http.Server) listener.closeAllConnections();
          if (listener === main) for (const socket of mainSockets) socket.destroy();
        })));
    },
  };
}

/** The first byte of a TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16;

/** Hands a connection to the https server when it opens with a TLS handshake, else to the http one. */
function serveEitherProtocol(socket: net.Socket, plain: http.Server, secure: https.Server): void {
  socket.once("error", () => socket.destroy());
  socket.once("data", (first: Buffer) => {
    socket.pause();
    socket.unshift(first);
    (first[0] === TLS_HANDSHAKE ? secure : plain).emit("connection", socket);
    process.nextTick(() => socket.resume());
  });
}

/**
 * The call's own parameters, masked by the project's one rule: the record is for counting, not
 * for secrets. A credential parameter shows as ***, a URL without its signature and password.
 */
function callParameters(params: Record<string, string>): Record<string, string> {
  return redactParameters(Object.fromEntries(Object.entries(params).filter(([key]) => !PROTOCOL_PARAMETERS.has(key))));
}

function internalFailure(caught: unknown, log: (line: string) => void): ApiError {
  log(`internal error: ${caught instanceof Error ? caught.message : String(caught)}`);
  return errors.internalError();
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
