export { checkSelection } from "./check.ts";
export { compileQualification, type EngineQualification } from "./model.ts";
export { NoUnitListError, resolveUnits, UnitInputError } from "./resolve.ts";
export type { CheckResult, RuleOutcome, Verdict } from "./result.ts";
