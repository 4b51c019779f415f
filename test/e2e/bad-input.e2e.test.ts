import type * as dynamic from "@pulumi/pulumi/dynamic";
import { EmulatorFixture, startEmulatorFixture } from "../helpers/emulator-fixture";
import { PulumiStack } from "../helpers/pulumi-stack";
import { KINDS } from "../../model/kinds";
import { run, ProviderKind } from "../../provider";
import { BAD_INPUTS } from "../bad-input/catalogue";

/**
 * The bad-input catalogue (test/bad-input/catalogue.ts) is checked case by case in-process, through
 * the provider's own check (test/bad-input/bad-input.test.ts). Here the first case of every kind
 * goes through a real `pulumi preview` (the e2e program's `resources` config declares it with the
 * kind's class): the engine prints that very reason, once, and nothing reaches the API.
 */
describe("bad input is refused in preview, before any call, through the engine", () => {
  let live: EmulatorFixture;
  let stack: PulumiStack;

  beforeAll(async () => {
    live = await startEmulatorFixture();
    stack = await PulumiStack.create("bad-input", { env: live.env });
  });
  afterAll(async () => {
    await stack?.remove();
    await live?.close();
  });

  test.each(KINDS.map((kind) => [kind.type, kind] as const))("%s: the provider's reason, said once", async (_type, kind) => {
    const { description, args } = BAD_INPUTS[kind.type][0];
    await stack.setConfigObject("resources", { bad: { type: kind.type, args } });
    live.emulator.clearCalls();
    const preview = await stack.preview();
    expect(preview.code).not.toBe(0);
    const checked = (await run(kind.provider as ProviderKind, "check", [{}, args])) as dynamic.CheckResult;
    const reason = checked.failures![0].reason;
    expect(`${description}: ${preview.output}`).toContain(reason);
    expect(preview.output.split(reason).length - 1).toBe(1);
    expect(preview.output).not.toMatch(/\n\s+at /);
    expect(live.emulator.calls()).toEqual([]);
  });
});
