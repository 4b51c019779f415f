import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { DEMO_ACCOUNT } from "../../emulator";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { exportAndAdopt } from "../helpers/export-adopt";
import { PulumiStack } from "../helpers/pulumi-stack";

const EXAMPLE = path.resolve(__dirname, "..", "..", "docs", "examples", "caster-playlist.studio.yaml");

/**
 * A lightweight carousel studio's playlist through the real engine, from the example studio file:
 * up from nothing, no drift, a change (an item taken out, one added, a reorder, the repeat),
 * `caster-studio export` adopted by another stack with no mutating call, and destroy with nothing left.
 */
describe("CasterPlaylist through pulumi up", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;
  let file: string;
  const stacks: PulumiStack[] = [];

  const account = () => live.emulator.state().accounts[DEMO_ACCOUNT.uid];
  const playlists = () => Object.values(account().playlists ?? {});
  const names = () => playlists()[0].items.map((item) => item.itemName);

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("playlist", { env: live.env });
    stacks.push(stack);
    file = path.join(stack.workDir, "studio.yaml");
    fs.copyFileSync(EXAMPLE, file);
    await stack.setConfig("layoutFile", file);
  });

  afterAll(async () => {
    for (const each of stacks) await each.remove();
    await live?.close();
  });

  test("up makes the studio and its playlist from nothing, the playlist in one AddPlaylistItems", async () => {
    live.emulator.clearCalls();
    const up = await stack.up();
    expect({ code: up.code, output: up.code === 0 ? "" : up.output }).toEqual({ code: 0, output: "" });
    expect(live.mutatingCalls().filter((action) => /Playlist/.test(action))).toEqual(["AddPlaylistItems"]);
    expect(playlists()).toHaveLength(1);
    expect(names()).toEqual(["Opening", "Feature", "Credits"]);
    expect(playlists()[0]).toMatchObject({ programName: "Night loop", repeatNumber: -1 });
  });

  test("refresh and preview then find no difference", async () => {
    live.emulator.clearCalls();
    expect((await stack.refresh(["--expect-no-changes"])).code).toBe(0);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
    expect(live.mutatingCalls()).toEqual([]);
  });

  test("an item taken out and one added with a reorder and a new repeat is one EditPlaylist", async () => {
    const changed = parse(fs.readFileSync(file, "utf8"));
    changed.playlist.repeatNumber = 2;
    changed.playlist.items = [changed.playlist.items[2], changed.playlist.items[0], { itemName: "Trailer", mediaId: "d1c2b3a4-0000-4000-8000-000000001234" }];
    fs.writeFileSync(file, stringify(changed));
    live.emulator.clearCalls();
    expect((await stack.up()).code).toBe(0);
    expect(live.mutatingCalls()).toEqual(["EditPlaylist"]);
    expect(names()).toEqual(["Credits", "Opening", "Trailer"]);
    expect(playlists()[0].repeatNumber).toBe(2);
    expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
  });

  test("caster-studio export is adopted by another stack with no mutating call", async () => {
    const casterId = playlists()[0].casterId;
    const adopter = await PulumiStack.create("playlist-adopt", { env: live.env });
    stacks.push(adopter);
    const text = await exportAndAdopt(live, adopter, casterId);
    expect(text.playlist).toEqual({ programName: "Night loop", repeatNumber: 2, items: [
      { itemName: "Credits", mediaId: "a2b8e671-2fe5-4642-a2ec-bf93880e1234" },
      { itemName: "Opening", mediaId: "5f8809f2-3352-4d1f-a8f7-86f9429f1234" },
      { itemName: "Trailer", mediaId: "d1c2b3a4-0000-4000-8000-000000001234" },
    ] });
    expect(text.adopt.playlist).toBe(playlists()[0].programId);
    // The adopter lets go of the studio without deleting it: the first stack destroys it.
    expect((await adopter.run(["state", "delete", "--all", "--yes", "--force"])).code).toBe(0);
  });

  test("destroy deletes the playlist and the studio", async () => {
    expect((await stack.destroy()).code).toBe(0);
    expect(playlists()).toEqual([]);
    expect(Object.keys(account().casters)).toEqual([]);
  });
});
