import { distance } from "fastest-levenshtein";
import type { Role, RoleList, Topic } from "../catalogue/schema.ts";
import type { EngineQualification } from "../rules/model.ts";

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The catalogue role a title or synonym names (exact, any case, or one typo per 6 letters). */
export function findRole(roles: RoleList, text: string): Role | undefined {
  const t = norm(text);
  if (!t) return undefined;
  const exact = roles.roles.find((r) => norm(r.title) === t || r.synonyms.some((s) => norm(s) === t));
  if (exact) return exact;
  let best: { role: Role; d: number } | undefined;
  for (const role of roles.roles) {
    for (const name of [role.title, ...role.synonyms]) {
      const n = norm(name);
      const d = distance(t, n);
      if (d <= Math.floor(n.length / 6) && (!best || d < best.d)) best = { role, d };
    }
  }
  return best?.role;
}

export function unitTopics(roles: RoleList, title: string): Topic[] {
  const t = title.toLowerCase();
  return (Object.entries(roles.topicKeywords) as [Topic, string[]][])
    .filter(([, words]) => words.some((w) => t.includes(w)))
    .map(([topic]) => topic);
}

/** Units of a qualification whose titles fall under one of the role's topics. */
export function relevantUnits(q: EngineQualification, roles: RoleList, role: Role | undefined): Set<number> {
  if (!role) return new Set();
  const wanted = new Set(role.topics);
  return new Set(
    q.units.filter((u) => unitTopics(roles, u.title).some((t) => wanted.has(t))).map((u) => u.index),
  );
}
