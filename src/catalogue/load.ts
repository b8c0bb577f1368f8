import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { OverrideFile } from "./overrides.ts";
import { CatalogueEntry, type Qualification, RoleList, type Unit } from "./schema.ts";

/** The shipped data/ folder: beside src/ when run from the sources, two levels up when compiled to dist/. */
export const DEFAULT_DATA_DIR = [
  resolve(fileURLToPath(new URL("../../data", import.meta.url))),
  resolve(fileURLToPath(new URL("../../../data", import.meta.url))),
].find((d) => existsSync(resolve(d, "qualifications"))) as string;

/** A catalogue or override file that cannot be used; the message names the file, the JSON path and the problem. */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path || "(top level)"}: ${problem}`);
    this.name = "CatalogueError";
  }
}

export interface Catalogue {
  entries: ReadonlyMap<string, CatalogueEntry>;
  /** Every job role named in the sources (data/roles.json). */
  roles: RoleList;
  /** Override files merged in, by file name. */
  overrideFiles: readonly string[];
}

/** JSON path in the familiar `$.units[3].credits.value` form. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    "$",
  );
}

function readJson(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CatalogueError(file, "$", `not valid JSON (${(error as Error).message})`);
  }
}

function parseWith<T extends z.ZodType>(schema: T, file: string, data: unknown): z.infer<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const more =
      result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : "";
    throw new CatalogueError(file, jsonPath(issue?.path ?? []), `${issue?.message ?? "invalid"}${more}`);
  }
  return result.data;
}

export function unitKey(unit: Pick<Unit, "number" | "ref">): string {
  return unit.number ?? unit.ref?.value ?? "";
}

/** Checks that everything a file refers to exists: units named by rules, groups, other entries. */
function checkReferences(file: string, entry: CatalogueEntry, ids: ReadonlySet<string>): void {
  entry.progression.forEach((route, i) => {
    if (route.to && !ids.has(route.to)) {
      throw new CatalogueError(file, `$.progression[${i}].to`, `no catalogue entry has id "${route.to}"`);
    }
  });
  if (entry.type === "pathway") {
    entry.components.forEach((c, i) => {
      if (c.component !== "qualification") return;
      c.oneOf.forEach((id, j) => {
        if (!ids.has(id))
          throw new CatalogueError(
            file,
            `$.components[${i}].oneOf[${j}]`,
            `no catalogue entry has id "${id}"`,
          );
      });
    });
    return;
  }
  const groups = new Set(entry.groups.map((g) => g.id));
  const keys = new Set<string>();
  entry.units?.forEach((unit, i) => {
    const key = unitKey(unit);
    if (!key)
      throw new CatalogueError(file, `$.units[${i}]`, "a unit needs a number or a definite reference");
    if (keys.has(key)) throw new CatalogueError(file, `$.units[${i}]`, `unit "${key}" appears twice`);
    keys.add(key);
    if (!groups.has(unit.group))
      throw new CatalogueError(file, `$.units[${i}].group`, `no group "${unit.group}"`);
  });
  const stated = entry.unitCount?.value;
  if (stated !== undefined && entry.units && entry.units.length !== stated)
    throw new CatalogueError(
      file,
      "$.units",
      `the source says ${stated} units, the list has ${entry.units.length}`,
    );
  const ruleIds = new Set(entry.rules.map((r) => r.id));
  entry.rules.forEach((rule, i) => {
    const at = `$.rules[${i}]`;
    const unitsNamed = rule.rule === "mandatory" || rule.rule === "barred" ? rule.units : [];
    unitsNamed.forEach((key, j) => {
      if (entry.units && !keys.has(key))
        throw new CatalogueError(file, `${at}.units[${j}]`, `no unit "${key}"`);
    });
    const groupsNamed =
      rule.rule === "groupCredits" ? rule.groups : rule.rule === "groupUnits" ? [rule.group] : [];
    for (const g of groupsNamed) {
      if (!groups.has(g)) throw new CatalogueError(file, at, `no group "${g}"`);
    }
    if (rule.rule === "groupCredits" && rule.beyond && !ruleIds.has(rule.beyond)) {
      throw new CatalogueError(file, `${at}.beyond`, `no rule "${rule.beyond}"`);
    }
  });
}

function markLocal<T extends { source: { local?: string } }>(
  fact: T | undefined,
  file: string,
): T | undefined {
  return fact ? { ...fact, source: { ...fact.source, local: file } } : undefined;
}

function applyOverride(file: string, entry: Qualification, o: OverrideFile): Qualification {
  const name = basename(file);
  const units = entry.units?.map((u) => ({ ...u }));
  o.units.forEach((ou, i) => {
    const unit = units?.find((u) => unitKey(u) === ou.unit);
    if (!unit) throw new CatalogueError(file, `$.units[${i}].unit`, `${entry.id} has no unit "${ou.unit}"`);
    for (const field of ["ref", "level", "credits", "glh"] as const) {
      const fact = ou[field];
      if (fact) Object.assign(unit, { [field]: markLocal(fact, name) });
    }
  });
  const groups = entry.groups.map((g) => ({ ...g }));
  o.groups.forEach((og, i) => {
    const group = groups.find((g) => g.id === og.id);
    if (!group) throw new CatalogueError(file, `$.groups[${i}].id`, `${entry.id} has no group "${og.id}"`);
    group.creditTotal = markLocal(og.creditTotal, name);
  });
  return {
    ...entry,
    groups,
    ...(units ? { units } : {}),
    ...(o.levelReading ? { levelReading: markLocal(o.levelReading, name) } : {}),
  };
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => join(dir, f));
}

export interface LoadOptions {
  /** Folder holding qualifications/ (default: the shipped data/). */
  dataDir?: string;
  /** Folder of a centre's override files (CATALOGUE_OVERRIDES). */
  overridesDir?: string | undefined;
}

/** Loads and validates the whole catalogue; throws CatalogueError naming the file and JSON path on any problem. */
export function loadCatalogue(options: LoadOptions = {}): Catalogue {
  const dir = join(options.dataDir ?? DEFAULT_DATA_DIR, "qualifications");
  const parsed = jsonFiles(dir).map((file) => ({
    file,
    entry: parseWith(CatalogueEntry, file, readJson(file)),
  }));
  const entries = new Map<string, CatalogueEntry>();
  for (const { file, entry } of parsed) {
    if (entries.has(entry.id))
      throw new CatalogueError(file, "$.id", `id "${entry.id}" is used by another file`);
    if (basename(file, ".json") !== entry.id) {
      throw new CatalogueError(file, "$.id", `id "${entry.id}" does not match the file name`);
    }
    entries.set(entry.id, entry);
  }
  const ids = new Set(entries.keys());
  for (const { file, entry } of parsed) checkReferences(file, entry, ids);
  const rolesFile = join(options.dataDir ?? DEFAULT_DATA_DIR, "roles.json");
  const roles = parseWith(RoleList, rolesFile, readJson(rolesFile));

  const overrideFiles: string[] = [];
  if (options.overridesDir) {
    for (const file of jsonFiles(options.overridesDir)) {
      const o = parseWith(OverrideFile, file, readJson(file));
      const entry = entries.get(o.id);
      if (!entry) throw new CatalogueError(file, "$.id", `no catalogue entry has id "${o.id}"`);
      if (entry.type !== "qualification")
        throw new CatalogueError(file, "$.id", `"${o.id}" is a pathway, not a qualification`);
      const merged = applyOverride(file, entry, o);
      checkReferences(file, merged, ids);
      entries.set(o.id, merged);
      overrideFiles.push(basename(file));
    }
  }
  return { entries, roles, overrideFiles };
}
