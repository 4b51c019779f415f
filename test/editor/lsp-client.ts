import { ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Just enough of a Language Server Protocol client to drive yaml-language-server as an editor
 * does: JSON-RPC messages framed by `Content-Length` headers over the server's stdin and stdout.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
}

export interface CompletionItem {
  label: string;
  documentation?: string | { kind: string; value: string };
  insertText?: string;
}

export interface Hover {
  contents: { kind: string; value: string };
}

interface Message {
  jsonrpc: "2.0";
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** What the server is told: diagnostics, hover and completion on, and no schema fetched from the network. */
const SETTINGS = {
  yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, schemas: {} },
};

export class YamlLanguageServer {
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (message: Message) => void; method: string }>();
  private readonly waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  private readonly log: string[] = [];

  private constructor(private readonly server: ChildProcessWithoutNullStreams) {
    server.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    server.stderr.on("data", (chunk: Buffer) => this.log.push(chunk.toString()));
  }

  /** Starts the server the package depends on (`yaml-language-server --stdio`) and initializes it for `root`. */
  static async start(root: string): Promise<YamlLanguageServer> {
    const bin = join(dirname(require.resolve("yaml-language-server/package.json", { paths: [root] })), "bin", "yaml-language-server");
    const server = new YamlLanguageServer(spawn(process.execPath, [bin, "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] }));
    await server.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: "repo" }],
      capabilities: {
        textDocument: {
          completion: { completionItem: { documentationFormat: ["markdown", "plaintext"], snippetSupport: true } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: {},
        },
      },
    });
    server.notify("initialized", {});
    server.notify("workspace/didChangeConfiguration", { settings: SETTINGS });
    return server;
  }

  /** Opens a document (nothing is written to disk) and waits for the diagnostics the server publishes for it. */
  async open(path: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = pathToFileURL(path).href;
    const diagnostics = this.nextDiagnostics(uri);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return { uri, diagnostics: await diagnostics };
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.request("textDocument/completion", { textDocument: { uri }, position })) as CompletionItem[] | { items: CompletionItem[] } | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return (await this.request("textDocument/hover", { textDocument: { uri }, position })) as Hover | null;
  }

  async stop(): Promise<void> {
    if (this.server.exitCode !== null) return;
    const exited = new Promise((resolve) => this.server.once("exit", resolve));
    // A server that does not answer or leave within 2 s is ended.
    const killer = setTimeout(() => this.server.kill(), 2000);
    await Promise.race([this.request("shutdown", null), exited]);
    this.notify("exit", null);
    await exited;
    clearTimeout(killer);
  }

  /** What the server wrote to stderr, for a failing test's message. */
  get stderr(): string {
    return this.log.join("");
  }

  private nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in 10 s; the server said: ${this.stderr}`)), 10_000);
      this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), (diagnostics) => {
        clearTimeout(timer);
        resolve(diagnostics);
      }]);
    });
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        method,
        resolve: (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)),
      });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.server.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("ascii"))?.[1]);
      if (!Number.isFinite(length)) throw new Error(`a message without Content-Length: ${this.buffer.subarray(0, headerEnd).toString()}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.pending.get(message.id)?.resolve(message);
      this.pending.delete(message.id);
    } else if (message.id !== undefined && message.method !== undefined) {
      // The server's own requests (client/registerCapability, workspace/configuration): answered plainly.
      const items = (message.params as { items?: { section?: string }[] } | undefined)?.items ?? [];
      const result = message.method === "workspace/configuration" ? items.map((item) => (item.section === "yaml" ? SETTINGS.yaml : null)) : null;
      this.send({ jsonrpc: "2.0", id: message.id, result });
    } else if (message.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      const [next, ...rest] = this.waiting.get(uri) ?? [];
      this.waiting.set(uri, rest);
      next?.(diagnostics);
    }
  }
}
