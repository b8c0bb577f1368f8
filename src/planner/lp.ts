/** A small builder for 0/1 programmes in CPLEX LP text, the format HiGHS reads. */
export type Terms = Map<string, number>;

export interface Row {
  name: string;
  terms: Terms;
  op: ">=" | "<=" | "=";
  rhs: number;
}

export class LinearProgram {
  private readonly objective: Terms = new Map();
  private readonly rows: Row[] = [];
  private readonly binaries = new Set<string>();
  private readonly continuous = new Set<string>();

  binary(name: string): string {
    this.binaries.add(name);
    return name;
  }

  /** A continuous variable ≥ 0 (slack). */
  nonNegative(name: string): string {
    this.continuous.add(name);
    return name;
  }

  cost(name: string, c: number): void {
    if (c !== 0) this.objective.set(name, (this.objective.get(name) ?? 0) + c);
  }

  constrain(name: string, terms: Terms, op: Row["op"], rhs: number): void {
    this.rows.push({ name, terms, op, rhs });
  }

  /** The programme as LP text; another objective and extra rows may be given for one solve. */
  toString(objective: Terms = this.objective, extra: readonly Row[] = []): string {
    const expr = (t: Terms) => {
      const parts = [...t]
        .filter(([, c]) => c !== 0)
        .map(([v, c]) => `${c < 0 ? "-" : "+"} ${Math.abs(c)} ${v}`);
      return parts.length ? parts.join(" ") : "0 zero";
    };
    const lines = ["Minimize", ` obj: ${expr(objective)}`, "Subject To"];
    for (const r of [...this.rows, ...extra]) lines.push(` ${r.name}: ${expr(r.terms)} ${r.op} ${r.rhs}`);
    lines.push(" zerofix: zero = 0");
    lines.push("Bounds");
    for (const v of this.continuous) lines.push(` ${v} >= 0`);
    lines.push("Binary", ` ${[...this.binaries, "zero"].join(" ")}`, "End");
    return lines.join("\n");
  }
}
