import highsModule from "highs";

// highs' types.d.ts is CommonJS-typed, so TypeScript sees the module namespace here, while Node's ESM
// build hands us the loader function itself. Accept either.
type Loader = typeof highsModule.default;
const loadHighs: Loader =
  typeof highsModule === "function" ? (highsModule as unknown as Loader) : highsModule.default;

/** A 0/1 integer programme in CPLEX LP form, solved exactly. */
export interface MilpSolution {
  status: "optimal" | "infeasible" | "error";
  objective: number;
  value: (name: string) => number;
  detail: string;
}

export interface MilpSolver {
  solve(lp: string): MilpSolution;
}

// HiGHS (MIT) compiled to WebAssembly: an exact branch-and-cut MILP solver, loaded once (~35 ms).
let loading: Promise<MilpSolver> | undefined;

export function loadSolver(): Promise<MilpSolver> {
  loading ??= loadHighs().then(
    (highs): MilpSolver => ({
      solve(lp: string): MilpSolution {
        // Gap 0: prove optimality rather than stop within the default 0.01% of it. Symmetry detection costs
        // more than it saves on models this small (measured: 31 ms -> 10 ms per solve on OCR 10265).
        // Presolve, too, costs more than it saves on the catalogue's models (measured on IQ 600/5106/1's
        // fewest-GLH programme: median 58 -> 9 ms); large synthetic models keep it. Every objective we
        // solve is integral at its optimum (integer costs; slacks against integer credits), so an
        // absolute gap below 1 still proves the optimum exactly.
        const small = lp.length < 40_000;
        const r = highs.solve(lp, {
          output_flag: false,
          mip_rel_gap: 0,
          mip_abs_gap: 0.99,
          mip_detect_symmetry: false,
          ...(small ? { presolve: "off" as const } : {}),
        });
        const columns = r.Columns as Record<string, { Primal?: number }>;
        const status =
          r.Status === "Optimal" ? "optimal" : r.Status === "Infeasible" ? "infeasible" : "error";
        return {
          status,
          objective: status === "optimal" ? (r.ObjectiveValue ?? 0) : Number.NaN,
          value: (name) => Math.round(columns[name]?.Primal ?? 0),
          detail: String(r.Status),
        };
      },
    }),
  );
  return loading as Promise<MilpSolver>;
}
