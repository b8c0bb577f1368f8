import { enqueueActions, raise, setup } from "xstate";
import * as A from "./actions.ts";
import type { AdvisorServices } from "./advice.ts";
import { checkFor, engineQualification, heldNeedsQualification, slotMatters } from "./advice.ts";
import { hasProfileFacts } from "./events.ts";
import {
  type AdvisorContext,
  type AdvisorEmitted,
  type AdvisorEvent,
  type Locale,
  SLOTS,
  type Slot,
} from "./types.ts";

/** Bump when states or context change shape: older snapshots then start a fresh conversation. */
export const MACHINE_VERSION = 3;

const CORE: readonly Slot[] = ["role", "experience", "level"];
/** Questions a bare "no" answers (or fails to): a "no" anywhere else declines an offer. */
const ANSWERED_BY_NO = new Set<string>(["userKind", "learnerName", "confirm", ...SLOTS]);

/**
 * The advisor conversation. Every decision lives in a named guard and every change in a named action
 * (dialogs/actions.ts); the config below only says which happens when.
 */
export function createAdvisorMachine(services: AdvisorServices) {
  // An action decides (a pure function, dialogs/actions/); the machine applies what it decided: the
  // context changes are assigned, the replies and the advice emitted, in order, for the turn to collect.
  const act = (f: A.Act) =>
    enqueueActions<
      AdvisorContext,
      AdvisorEvent,
      undefined,
      AdvisorEvent,
      never,
      never,
      never,
      never,
      AdvisorEmitted
    >(({ context, event, enqueue }) => {
      const { said, facts, dataDeleted, ...changes } = f(context, event, services);
      if (Object.keys(changes).length) enqueue.assign(changes);
      for (const reply of said ?? []) enqueue.emit({ type: "reply", reply });
      if (facts) enqueue.emit({ type: "advice", facts });
      if (dataDeleted) enqueue.emit({ type: "dataDeleted" });
    });
  return setup({
    types: {
      context: {} as AdvisorContext,
      events: {} as AdvisorEvent,
      emitted: {} as AdvisorEmitted,
      input: {} as { locale?: Locale; today: string },
    },
    actions: {
      clock: act(A.clock),
      remember: act(A.remember),
      undo: act(A.undo),
      reset: act(A.reset),
      deleteEverything: act(A.deleteEverything),
      sayWelcome: act(A.sayWelcome),
      awaitUserKind: act(A.awaitUserKind),
      sayStartedOver: act(A.sayStartedOver),
      sayBadSubmit: act(A.sayBadSubmit),
      /** The first message, handled again once the greeting is entered (its welcome left unsaid). */
      replay: raise(({ event }) => event),
      askLearnerName: act(A.ask("learnerName")),
      askRole: act(A.ask("role")),
      askExperience: act(A.ask("experience")),
      askLevel: act(A.ask("level")),
      askWorking: act(A.ask("working")),
      askApprenticeship: act(A.ask("apprenticeship")),
      askNation: act(A.ask("nation")),
      askAge: act(A.ask("age")),
      escalate: act(A.escalate),
      autoSkip: act(A.autoSkip),
      skipSlot: act(A.skipSlot),
      skipLearnerName: act(A.skipLearnerName),
      inferUserKind: act(A.inferUserKind),
      sayNothingToSkip: act(A.sayNothingToSkip),
      clearPendingUnits: act(A.clearPendingUnits),
      repeatPrompt: act(A.repeatPrompt),
      sayPrompt: act(A.sayPrompt),
      sayHelp: act(A.sayHelp),
      sayHandover: act(A.sayHandover),
      sayHelloAgain: act(A.sayHelloAgain),
      sayCancelled: act(A.sayCancelled),
      sayNothingToUndo: act(A.sayNothingToUndo),
      sayNoFix: act(A.sayNoFix),
      sayKeptData: act(A.sayKeptData),
      askDeleteConfirm: act(A.askDeleteConfirm),
      applyFacts: act(A.applyFacts),
      clearQualification: act(A.clearQualification),
      chooseQualification: act(A.chooseQualification),
      planTarget: act(A.planTarget),
      holdUnits: act(A.holdUnits),
      setUnits: act(A.setUnits),
      sayUnitProblems: act(A.sayUnitProblems),
      sayChoiceUnusable: act(A.sayChoiceUnusable),
      askQualificationForUnits: act(A.askQualificationForUnits),
      askWhichQualification: act(A.askWhichQualification),
      showRecommendations: act(A.showRecommendations),
      showPlan: act(A.showPlan),
      acceptPlan: act(A.acceptPlan),
      showUnitPicker: act(A.showUnitPicker),
      showCheck: act(A.showCheck),
      applyFix: act(A.applyFix),
      unholdUnits: act(A.unholdUnits),
      skipMissing: act(A.skipMissing),
      sayCannotAcceptInvalid: act(A.sayCannotAcceptInvalid),
      acceptUnits: act(A.acceptUnits),
      showSummary: act(A.showSummary),
      saySessionRecord: act(A.saySessionRecord),
      answerQuestion: act(A.answerQuestion),
      answerHeldUnits: act(A.answerHeldUnits),
      sayPoliteClose: act(A.sayPoliteClose),
      closeClarify: act(A.closeClarify),
      settleClarify: act(A.settleClarify),
      sayDismissed: act(A.sayDismissed),
      editUnits: act(A.editUnits),
      sayEditProblems: act(A.sayEditProblems),
    },
    guards: {
      noUserKind: ({ context }) => context.userKind === null,
      needsLearnerName: ({ context }) => context.userKind === "adviser" && !context.learnerNameAsked,
      /** A slot is asked while unknown and not skipped; optional slots only when the answer would change the advice. */
      needs: ({ context }, params: { slot: Slot }) =>
        A.slotValue(context, params.slot) === undefined &&
        !context.skipped.includes(params.slot) &&
        (CORE.includes(params.slot) || slotMatters(services, context, params.slot, context.today)),
      hasUnits: ({ context }) =>
        context.qualificationId !== null && context.units !== null && context.units.length > 0,
      hasQualification: ({ context }) => context.qualificationId !== null,
      hasPrompt: ({ context }) => context.prompt.length > 0,
      /** Units held were given as numbers before their qualification was known. */
      pendingHeldUnits: ({ context }) => !!context.pendingHeld && !!context.pendingUnits?.length,
      heldNeedsQualification: ({ event }) =>
        event.type === "HOLD_UNITS" && heldNeedsQualification(event.held),
      /** Every unit an edit names is a unit of the qualification under discussion. */
      editResolves: ({ context, event }) =>
        event.type === "EDIT_UNITS" &&
        context.qualificationId !== null &&
        checkFor(services, context.qualificationId, [...event.add, ...event.remove]).kind === "checked",
      canUndo: ({ context }) => context.history.length > 0,
      missesExhausted: ({ context }) =>
        context.misses >= 3 &&
        context.expecting !== null &&
        [
          "userKind",
          "learnerName",
          "role",
          "experience",
          "level",
          "working",
          "apprenticeship",
          "nation",
          "age",
        ].includes(context.expecting),
      /** The units can be read for the qualification they are for (else the bot says what is wrong). */
      unitsResolve: ({ context, event }) => {
        if (event.type !== "UNITS") return false;
        const id = event.qualificationId ?? context.qualificationId;
        return id !== null && checkFor(services, id, event.units).kind === "checked";
      },
      noQualificationForUnits: ({ context, event }) =>
        event.type === "UNITS" && !event.qualificationId && context.qualificationId === null,
      choiceUsable: ({ event }) =>
        event.type === "CHOOSE" && engineQualification(services, event.qualificationId) !== undefined,
      planUsable: ({ context, event }) => {
        if (event.type !== "PLAN") return false;
        const id = event.qualificationId ?? context.qualificationId;
        return id === null || engineQualification(services, id) !== undefined;
      },
      /** The message states facts about the learner besides what it asks. */
      statesFacts: ({ event }) => "u" in event && !!event.u && hasProfileFacts(event.u),
      planKeepsUnits: ({ context, event }) => {
        if (event.type !== "PLAN" || !A.wantedUnits(event)) return false;
        const id = event.qualificationId ?? context.qualificationId;
        return id !== null && checkFor(services, id, A.wantedUnits(event) ?? []).kind === "checked";
      },
      hasPlannableQualification: ({ context }) =>
        context.qualificationId !== null &&
        engineQualification(services, context.qualificationId) !== undefined,
      /** A "no" when no question of the profile is pending declines what was offered. */
      declinesOffer: ({ context }) =>
        context.clarify === null && (context.expecting === null || !ANSWERED_BY_NO.has(context.expecting)),
      checkNotInvalid: ({ context }) => !!context.shown.check && context.shown.check.verdict !== "invalid",
      /** A question that also stated facts about the learner moves the conversation on. */
      askChangedProfile: ({ context, event }) => {
        if (event.type !== "ASK") return false;
        const u = event.u;
        return (
          (u.role !== undefined && u.role !== context.role) ||
          (u.experienceMonths !== undefined && u.experienceMonths !== context.experienceMonths) ||
          (u.level !== undefined && u.level !== context.level) ||
          (u.age !== undefined && u.age !== context.age) ||
          (u.working !== undefined && u.working !== context.working) ||
          (u.nation !== undefined && u.nation !== context.nation) ||
          (u.apprenticeship !== undefined && u.apprenticeship !== context.apprenticeship) ||
          (u.userKind !== undefined && u.userKind !== context.userKind) ||
          (u.qualificationsHeld ?? []).some((q) => !context.qualificationsHeld.includes(q)) ||
          event.held !== undefined
        );
      },
    },
  }).createMachine({
    id: "advisor",
    initial: "opening",
    context: ({ input }) => A.initialContext(input.locale ?? "en", input.today),
    on: {
      CLOCK: { actions: "clock" },
      BAD_SUBMIT: { actions: "sayBadSubmit" },
      HELP: { actions: ["sayHelp", "repeatPrompt"] },
      HANDOVER: { actions: ["sayHandover", "repeatPrompt"] },
      ASK: [
        {
          guard: "askChangedProfile",
          target: ".router",
          actions: ["remember", "applyFacts", "answerQuestion"],
        },
        { actions: ["settleClarify", "answerQuestion", "repeatPrompt"] },
      ],
      HOLD_UNITS: [
        // Their qualification is asked first; with a plan or check on screen, it is worked out again.
        {
          guard: "heldNeedsQualification",
          target: ".router",
          actions: ["remember", "inferUserKind", "applyFacts"],
        },
        {
          guard: "hasQualification",
          target: ".router",
          actions: ["remember", "inferUserKind", "applyFacts"],
        },
        { actions: ["remember", "inferUserKind", "applyFacts", "answerHeldUnits", "repeatPrompt"] },
      ],
      UNHOLD_UNITS: [
        { guard: "pendingHeldUnits", target: ".askQualification", actions: ["remember", "unholdUnits"] },
        { target: ".router", actions: ["remember", "unholdUnits"] },
      ],
      EDIT_UNITS: [
        { guard: "editResolves", target: ".router", actions: ["remember", "editUnits"] },
        { actions: "sayEditProblems" },
      ],
      DISMISS: { actions: ["settleClarify", "sayDismissed", "repeatPrompt"] },
      AMBIGUOUS: { actions: ["remember", "applyFacts", "askWhichQualification"] },
      RECORD: { actions: "saySessionRecord" },
      BACK: [
        { guard: "canUndo", target: ".router", actions: "undo" },
        { actions: ["sayNothingToUndo", "repeatPrompt"] },
      ],
      RESTART: { target: ".greeting", actions: ["reset", "sayWelcome"] },
      CANCEL: { target: ".stopped" },
      DELETE_DATA: { target: ".confirmDelete" },
      FACTS: { target: ".router", actions: ["remember", "applyFacts"] },
      RECOMMEND: {
        target: ".router",
        actions: ["remember", "applyFacts", "clearQualification", "skipMissing"],
      },
      PLAN: [
        // With units wanted in it: the cheapest valid completion of them, checked.
        {
          guard: "planKeepsUnits",
          target: ".router",
          actions: ["remember", "applyFacts", "inferUserKind", "planTarget", "applyFix"],
        },
        {
          guard: "planUsable",
          target: ".router",
          actions: ["remember", "applyFacts", "inferUserKind", "planTarget"],
        },
        // One that cannot be planned (its units are not in our sources): said so, with the facts the
        // message gave kept (persona review 5, T8), and the conversation goes on from them.
        {
          guard: "statesFacts",
          target: ".router",
          actions: ["remember", "applyFacts", "inferUserKind", "sayChoiceUnusable"],
        },
        { actions: ["sayChoiceUnusable", "repeatPrompt"] },
      ],
      CHOOSE: [
        {
          guard: "choiceUsable",
          target: ".router",
          actions: ["remember", "inferUserKind", "chooseQualification"],
        },
        { actions: ["sayChoiceUnusable", "repeatPrompt"] },
      ],
      UNITS: [
        {
          guard: "noQualificationForUnits",
          target: ".askQualification",
          actions: ["remember", "inferUserKind", "holdUnits"],
        },
        {
          guard: "unitsResolve",
          target: ".router",
          actions: ["remember", "inferUserKind", "applyFacts", "setUnits"],
        },
        { actions: "sayUnitProblems" },
      ],
      OWN_UNITS: [
        { guard: "hasPlannableQualification", target: ".picking" },
        { target: ".askQualification" },
      ],
      APPLY_FIX: [
        { guard: "hasUnits", target: ".router", actions: ["remember", "applyFix"] },
        { guard: "hasPrompt", actions: "repeatPrompt" },
        // Nothing to fix and no question pending (after "cancel"): said, never silence.
        { actions: "sayNoFix" },
      ],
      UNCLEAR: [
        { guard: "missesExhausted", target: ".router", actions: ["remember", "autoSkip"] },
        { actions: "escalate" },
      ],
      SKIP: { actions: ["sayNothingToSkip", "repeatPrompt"] },
      YES: { actions: "escalate" },
      NO: [{ guard: "declinesOffer", actions: "sayPoliteClose" }, { actions: "escalate" }],
      ACCEPT: { actions: "escalate" },
      GREET: { actions: ["sayHelloAgain", "repeatPrompt"] },
    },
    states: {
      // A new conversation, before its first event: the bot speaks first (START), a first "hello" is
      // answered by the welcome itself, and a first message that says something real gets an answer,
      // not the welcome question.
      opening: {
        on: {
          CLOCK: { actions: "clock" },
          STARTED_OVER: { actions: "sayStartedOver" },
          START: { target: "greeting", actions: "sayWelcome" },
          GREET: { target: "greeting", actions: "sayWelcome" },
          UNCLEAR: { target: "greeting", actions: ["sayWelcome", "replay"] },
          "*": { target: "greeting", actions: "replay" },
        },
      },
      greeting: {
        entry: "awaitUserKind",
        on: { GREET: { actions: "sayPrompt" } },
      },
      learnerName: {
        entry: "askLearnerName",
        on: { SKIP: { target: "router", actions: ["remember", "skipLearnerName"] } },
      },
      gathering: {
        initial: "role",
        on: { SKIP: { target: "router", actions: ["remember", "skipSlot"] } },
        states: {
          role: { entry: "askRole" },
          experience: { entry: "askExperience" },
          level: { entry: "askLevel" },
          working: { entry: "askWorking" },
          apprenticeship: { entry: "askApprenticeship" },
          nation: { entry: "askNation" },
          age: { entry: "askAge" },
        },
      },
      router: {
        entry: "closeClarify",
        always: [
          { guard: "noUserKind", target: "greeting", actions: "sayWelcome" },
          { guard: "needsLearnerName", target: "learnerName" },
          { guard: "pendingHeldUnits", target: "askQualification" },
          // Someone who brings units or a qualification gets them checked or planned first: the
          // profile questions are for recommendations, and never stand in the way.
          { guard: "hasUnits", target: "checking" },
          { guard: "hasQualification", target: "planning" },
          { guard: { type: "needs", params: { slot: "role" } }, target: "gathering.role" },
          { guard: { type: "needs", params: { slot: "experience" } }, target: "gathering.experience" },
          { guard: { type: "needs", params: { slot: "level" } }, target: "gathering.level" },
          { guard: { type: "needs", params: { slot: "working" } }, target: "gathering.working" },
          {
            guard: { type: "needs", params: { slot: "apprenticeship" } },
            target: "gathering.apprenticeship",
          },
          { guard: { type: "needs", params: { slot: "nation" } }, target: "gathering.nation" },
          { guard: { type: "needs", params: { slot: "age" } }, target: "gathering.age" },
          { target: "recommending" },
        ],
      },
      recommending: {
        entry: "showRecommendations",
        on: { ACCEPT: "wrapUp", YES: "wrapUp" },
      },
      planning: {
        entry: "showPlan",
        on: {
          ACCEPT: { target: "wrapUp", actions: "acceptPlan" },
          YES: { target: "wrapUp", actions: "acceptPlan" },
        },
      },
      picking: { entry: "showUnitPicker" },
      checking: {
        entry: "showCheck",
        on: {
          ACCEPT: [
            { guard: "checkNotInvalid", target: "wrapUp", actions: "acceptUnits" },
            { actions: "sayCannotAcceptInvalid" },
          ],
          // "Shall I apply the smallest fix?" — yes applies it.
          YES: [
            { guard: "checkNotInvalid", target: "wrapUp", actions: "acceptUnits" },
            { target: "router", actions: ["remember", "applyFix"] },
          ],
        },
      },
      askQualification: {
        entry: "askQualificationForUnits",
        on: {
          SKIP: { target: "router", actions: "clearPendingUnits" },
          DISMISS: { target: "router", actions: ["clearPendingUnits", "sayDismissed"] },
          NO: { target: "router", actions: ["clearPendingUnits", "sayDismissed"] },
        },
      },
      wrapUp: {
        entry: "showSummary",
        on: { ACCEPT: { actions: "repeatPrompt" }, YES: { actions: "repeatPrompt" } },
      },
      stopped: {
        entry: "sayCancelled",
        on: { GREET: "router", ACCEPT: "router", YES: "router", UNCLEAR: "router" },
      },
      confirmDelete: {
        entry: "askDeleteConfirm",
        on: {
          YES: { target: "deleted", actions: "deleteEverything" },
          ACCEPT: { target: "deleted", actions: "deleteEverything" },
          NO: { target: "router", actions: "sayKeptData" },
          UNCLEAR: { target: "router", actions: "sayKeptData" },
          CANCEL: { target: "router", actions: "sayKeptData" },
        },
      },
      deleted: { type: "final" },
    },
  });
}

export type AdvisorMachine = ReturnType<typeof createAdvisorMachine>;
