import { describe, expect, it } from "vitest";
import { normalise } from "../../src/nlu/text.ts";

describe("normalise", () => {
  it("spells out text-speak, and leaves words that are not its own keys as they are", () => {
    expect(normalise("u r  gr8, ta")).toBe("you are gr8 thanks");
    // (TEXT_SPEAK is a plain object: "constructor" once read as its Object constructor.)
    expect(normalise("I'm a constructor")).toBe("im a constructor");
    expect(normalise("toString hasOwnProperty")).toBe("tostring hasownproperty");
  });
});
