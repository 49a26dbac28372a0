import { describe, expect, it } from "vitest";
import { fileNamePart } from "./format";

describe("a name in a file name", () => {
  it("keeps the letters of any script, in lower case, words joined by hyphens", () => {
    expect(fileNamePart("Jordan Lee")).toBe("jordan-lee");
    expect(fileNamePart("Zoë Łukasz-Nowak")).toBe("zoë-łukasz-nowak");
    expect(fileNamePart("  O'Brien / \"Sam\"  ")).toBe("o-brien-sam");
    expect(fileNamePart("../../etc")).toBe("etc");
    expect(fileNamePart("***")).toBe("person");
  });
});
