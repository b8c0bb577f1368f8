import { loadCatalogue } from "../src/catalogue/load.ts";
import type { Qualification } from "../src/catalogue/schema.ts";
import {
  checkSelection,
  compileQualification,
  type EngineQualification,
  resolveUnits,
} from "../src/rules/index.ts";

export const catalogue = loadCatalogue();

export function qualification(id: string): Qualification {
  const e = catalogue.entries.get(id);
  if (e?.type !== "qualification") throw new Error(`no qualification ${id}`);
  return e;
}

const compiled = new Map<string, EngineQualification>();
export function engine(id: string): EngineQualification {
  let q = compiled.get(id);
  if (!q) {
    q = compileQualification(qualification(id));
    compiled.set(id, q);
  }
  return q;
}

export function check(id: string, units: string[]) {
  const q = engine(id);
  return checkSelection(q, resolveUnits(q, units));
}

export const QUALIFICATIONS_WITH_UNITS = [...catalogue.entries.values()]
  .filter((e) => e.type === "qualification" && e.units)
  .map((e) => e.id);

export const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
