import { checkInputs } from "../../common/check";
import { MAX_FONT_NAME_LENGTH } from "../api-facts";
import { casterComponent } from "./caster-component";
import { inputSchemas } from "./kind";

const componentSpec = { fields: inputSchemas(casterComponent), rules: casterComponent.rules };
const textComponent = (fontName: string) => ({
  casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
  locationId: "RC01",
  componentType: "text",
  geometry: { position: [0.1, 0.1] },
  text: { text: "Live", fontName },
});

// The emulator refuses a longer FontName with the same limit (emulator/models/components.ts): the check says so first.
describe("a text's font name", () => {
  test(`of ${MAX_FONT_NAME_LENGTH} characters is valid`, () => {
    expect(checkInputs(componentSpec, textComponent("F".repeat(MAX_FONT_NAME_LENGTH)))).toEqual([]);
  });

  test(`of ${MAX_FONT_NAME_LENGTH + 1} characters is refused before any call`, () => {
    const failures = checkInputs(componentSpec, textComponent("F".repeat(MAX_FONT_NAME_LENGTH + 1)));
    expect(failures.map((failure) => failure.property)).toEqual(["text"]);
    expect(failures[0].reason).toMatch(/at most 64 characters/);
  });
});
