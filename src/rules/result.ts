import type { RuleKind, Source } from "../catalogue/schema.ts";
import type { IntervalJson } from "./interval.ts";

export type Verdict = "valid" | "invalid" | "unconfirmed";
/** holds: proven from stated or derived facts; fails: fails even in the most favourable reading; unknown: neither. */
export type RuleStatus = "holds" | "fails" | "unknown";

export interface RuleOutcome {
  ruleId: string;
  rule: RuleKind;
  status: RuleStatus;
  /** Plain English, with the numbers. */
  message: string;
  /** The rule's own wording, quoted from its source. */
  wording: string;
  source: Source;
  have?: IntervalJson;
  need?: number;
  shortBy?: IntervalJson;
  /** Units involved: the missing, the clashing or the counted ones. */
  units: string[];
  /** A concrete change that mends this rule. */
  fix?: string;
  /** The fix as data: units to add or drop; `covers` is false when the suggestion is only a start. */
  fixAction?: { add: string[]; drop: string[]; covers: boolean };
  /** Facts our sources lack that keep this rule from being confirmed. */
  missingFacts: string[];
  /** For levelCredits: the reading of "at Level X" used for `have`. */
  reading?: "at" | "atOrAbove";
}

export interface CheckWarning {
  code: "duplicate" | "notCounted";
  message: string;
  units: string[];
}

export interface CheckResult {
  qualificationId: string;
  title: string;
  verdict: Verdict;
  units: {
    unit: string;
    number: string | null;
    ref: string | null;
    title: string;
    group: string;
    credits: IntervalJson;
    level: number | null;
    counted: boolean;
    /** Given as already held (achieved before), rather than proposed. */
    held: boolean;
  }[];
  totals: {
    credits: IntervalJson;
    byGroup: Record<string, IntervalJson>;
    atLevel?: { level: number; reading: "at" | "atOrAbove"; credits: IntervalJson };
  };
  /** Every rule, in catalogue order. */
  rules: RuleOutcome[];
  /** Every rule that fails for certain. */
  violations: RuleOutcome[];
  /** Facts whose absence keeps the verdict from being `valid`. */
  missingFacts: string[];
  warnings: CheckWarning[];
  /** Facts from a centre's local override files that this result relies on. */
  localFacts: string[];
  levelReading?: { value: "at" | "atOrAbove"; proven: boolean; why?: string; local?: string };
}
