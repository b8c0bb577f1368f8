// The machine's actions, by responsibility. Each is a pure function (context, event, services) →
// what changes; dialogs/machine.ts wires them in by name.
export * from "./actions/common.ts";
export * from "./actions/conversation.ts";
export * from "./actions/facts.ts";
export * from "./actions/questions.ts";
export * from "./actions/units.ts";
