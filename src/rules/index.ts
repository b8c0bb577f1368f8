export { checkSelection } from "./check.ts";
export { type EngineQualification, compileQualification } from "./model.ts";
export { NoUnitListError, resolveUnits, UnitInputError } from "./resolve.ts";
export type { CheckResult, RuleOutcome, Verdict } from "./result.ts";
