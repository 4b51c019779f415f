import * as fs from "node:fs";
import * as path from "node:path";
import { EmulatorState, STATE_FORMAT } from "../models/state";
import { StateStore } from "./store";

/**
 * Persists the state as one JSON file, replaced atomically: the new text goes to a temporary
 * file beside it, is flushed to disk, and is renamed over the old one. A kill at any moment
 * leaves either the previous state or the new one, never a mix.
 */
export class FileStore implements StateStore {
  readonly description: string;

  constructor(private readonly file: string) {
    this.description = `file ${file}`;
  }

  load(): EmulatorState | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const state = JSON.parse(text) as EmulatorState;
    if (state.format !== STATE_FORMAT) {
      throw new Error(`${this.file} holds emulator state format ${String(state.format)}; this emulator reads format ${STATE_FORMAT}.`);
    }
    return state;
  }

  save(state: EmulatorState): void {
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true });
    const temporary = path.join(dir, `.${path.basename(this.file)}.${process.pid}.tmp`);
    const fd = fs.openSync(temporary, "w", 0o600);
    try {
      fs.writeSync(fd, JSON.stringify(state));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, this.file);
    syncDirectory(dir);
  }
}

/** Makes the rename itself durable. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Some filesystems refuse to open or sync a directory; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
