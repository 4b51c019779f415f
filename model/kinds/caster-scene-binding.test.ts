import { checkInputs } from "../../common/check";
import { UNKNOWN } from "../../common/unknowns";
import { casterSceneBinding } from "./caster-scene-binding";
import { inputSchemas } from "./kind";

const sceneBindingSpec = { fields: inputSchemas(casterSceneBinding), rules: casterSceneBinding.rules };

const valid = {
  casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
  scene: "PGM",
  layoutId: "21926b36-7dd2-4fde-ae25-51b5bc8e1234",
  componentIds: ["a2b8e671-2fe5-4642-a2ec-bf93880e1234", "b3c9f782-3af6-4753-b3fd-ca04991f1234"],
};
const check = (inputs: Record<string, unknown>) => checkInputs(sceneBindingSpec, inputs);

describe("scene binding inputs", () => {
  test("distinct components, none, or components not known yet are valid", () => {
    expect(check(valid)).toEqual([]);
    expect(check({ ...valid, componentIds: undefined })).toEqual([]);
    expect(check({ ...valid, componentIds: [] })).toEqual([]);
    // During preview, components still to be made are all the same unknown value: not a repeat.
    expect(check({ ...valid, componentIds: [UNKNOWN, UNKNOWN] })).toEqual([]);
  });

  test("a component listed twice fails the check, naming the component, both places and the fix", () => {
    const [logo, lowerThird] = valid.componentIds;
    expect(check({ ...valid, componentIds: [logo, lowerThird, logo] })).toEqual([{
      property: "componentIds",
      path: ["componentIds", 2],
      reason: `componentIds[2] "${logo}" is listed twice (first as componentIds[0]): a scene shows a component once; remove one.`,
    }]);
  });
});
