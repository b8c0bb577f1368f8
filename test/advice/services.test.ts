import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CACHE_SIZES, createServices } from "../../src/advice/services.ts";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { loadSolver, type MilpSolver } from "../../src/planner/solver.ts";
import { catalogue } from "../helpers.ts";

let solver: MilpSolver;
beforeAll(async () => {
  solver = await loadSolver();
});

const plain = { have: [], keep: [], avoid: [], objective: "glh" as const, relevant: new Set<number>() };

describe("services: the domain's caches belong to one catalogue", () => {
  it("never hands one catalogue's plan to another (shipped vs a centre's local overrides, same process)", () => {
    const shipped = createServices(catalogue, solver);
    const local = createServices(
      loadCatalogue({ overridesDir: join(import.meta.dirname, "..", "fixtures", "overrides") }),
      solver,
    );
    const a = shipped.engine("ocr-10266");
    const b = local.engine("ocr-10266");
    if (!a || !b) throw new Error("no unit list");
    // Shipped: the credit values are in no source, so no plan. With the handbook's values: a plan.
    expect(shipped.plan(a, plain).status).toBe("undetermined");
    expect(local.plan(b, plain).status).toBe("planned");
    // Asked again, in either order, each answers from its own catalogue.
    expect(shipped.plan(a, plain).status).toBe("undetermined");
    expect(local.plan(b, plain).plan?.check.localFacts.length).toBeGreaterThan(0);
  });

  it("keeps each cache within its documented size", () => {
    const s = createServices(catalogue, solver);
    for (let age = 0; age < CACHE_SIZES.recommendations + 50; age++)
      s.recommend({ qualificationsHeld: [], experienceMonths: age }, "2026-11-27");
    expect(s.cached().recommendations).toBe(CACHE_SIZES.recommendations);
  });
});
