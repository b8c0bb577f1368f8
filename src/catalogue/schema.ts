import { z } from "zod";

/**
 * Where a fact comes from: a document and the phrase in it. For shipped data `doc` is one of the
 * files in data/sources (a test checks that the quote really occurs there); for a centre's local
 * override it names the centre's own document.
 */
export const Source = z.strictObject({
  doc: z.string().min(1),
  section: z.string().min(1).optional(),
  quote: z.string().min(1),
  /** Set by the loader on facts that come from a centre's local override file (never in shipped data). */
  local: z.string().min(1).optional(),
});
export type Source = z.infer<typeof Source>;

/** stated: read in the source; derived: arithmetic on / identity with stated facts; inferred: reasoning only. */
export const FactKind = z.enum(["stated", "derived", "inferred"]);
export type FactKind = z.infer<typeof FactKind>;

const provenanceShape = {
  kind: FactKind,
  source: Source,
  /** For derived and inferred facts: what they come from. */
  from: z.string().min(1).optional(),
};

function requireFromUnlessStated(v: { kind: FactKind; from?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.kind !== "stated" && !v.from) {
    ctx.addIssue({ code: "custom", path: ["from"], message: `a ${v.kind} fact must say what it comes from` });
  }
}

export const TextFact = z
  .strictObject({ ...provenanceShape, value: z.string().min(1) })
  .superRefine(requireFromUnlessStated);
export type TextFact = z.infer<typeof TextFact>;

/** A date as YYYY-MM-DD (the sources print DD/MM/YYYY; the quote keeps their form). */
export const DateFact = z
  .strictObject({ ...provenanceShape, value: z.iso.date() })
  .superRefine(requireFromUnlessStated);
export type DateFact = z.infer<typeof DateFact>;

/**
 * A number that is known exactly (`value`) or only within bounds (`min`..`max`), e.g. a unit that is
 * one of two units worth 2 or 3 credits.
 */
export const NumberFact = z
  .strictObject({
    ...provenanceShape,
    value: z.number().nonnegative().optional(),
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
  })
  .superRefine((v, ctx) => {
    requireFromUnlessStated(v, ctx);
    const exact = v.value !== undefined;
    const bounded = v.min !== undefined && v.max !== undefined;
    if (exact === bounded) {
      ctx.addIssue({ code: "custom", message: "give either `value` or both `min` and `max`" });
    }
    if (bounded && (v.min ?? 0) > (v.max ?? 0)) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "`min` is greater than `max`" });
    }
  });
export type NumberFact = z.infer<typeof NumberFact>;

const QCF_REF = /^[A-Z]\/\d{3}\/\d{4}$/;
export const QcfRef = z.string().regex(QCF_REF, "a QCF unit reference looks like K/503/0385");

/** A unit reference known exactly, or known to be one of several (the source does not say which). */
export const RefFact = z
  .strictObject({
    ...provenanceShape,
    value: QcfRef.optional(),
    oneOf: z.array(QcfRef).min(2).optional(),
  })
  .superRefine((v, ctx) => {
    requireFromUnlessStated(v, ctx);
    if ((v.value === undefined) === (v.oneOf === undefined)) {
      ctx.addIssue({ code: "custom", message: "give either `value` or `oneOf`" });
    }
  });
export type RefFact = z.infer<typeof RefFact>;

export const Unit = z.strictObject({
  /** The qualification's own unit number as printed; absent where the source prints none (IQ). */
  number: z.string().regex(/^\d+$/).optional(),
  title: z.string().min(1),
  group: z.string().min(1),
  /** Where number, title and group are printed. */
  source: Source,
  ref: RefFact.optional(),
  level: NumberFact.optional(),
  credits: NumberFact.optional(),
  glh: NumberFact.optional(),
  /** The source's own label for the barred set the unit belongs to (IQ: "C1"...). */
  barredSet: z.string().optional(),
});
export type Unit = z.infer<typeof Unit>;

export const Group = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  mandatory: z.boolean(),
  source: Source,
  /** Total credits of the whole group when the source states it (e.g. "Group A (7 credits)"). */
  creditTotal: NumberFact.optional(),
});
export type Group = z.infer<typeof Group>;

const ruleShape = {
  id: z.string().min(1),
  /** The rule's wording, quoted from its source. */
  source: Source,
  kind: FactKind,
  from: z.string().min(1).optional(),
};

export const LevelReading = z.enum(["at", "atOrAbove"]);
export type LevelReading = z.infer<typeof LevelReading>;

export const Rule = z.discriminatedUnion("rule", [
  z.strictObject({ ...ruleShape, rule: z.literal("mandatory"), units: z.array(z.string()).min(1) }),
  z.strictObject({ ...ruleShape, rule: z.literal("totalCredits"), min: z.number().positive() }),
  z.strictObject({
    ...ruleShape,
    rule: z.literal("levelCredits"),
    min: z.number().positive(),
    level: z.number().int().min(1).max(8),
  }),
  z.strictObject({
    ...ruleShape,
    rule: z.literal("groupCredits"),
    groups: z.array(z.string()).min(1),
    min: z.number().positive(),
    /**
     * "10 more from B, C or D": credit already needed by another groupCredits rule (its minimum) does
     * not count again here.
     */
    beyond: z.string().optional(),
  }),
  z.strictObject({
    ...ruleShape,
    rule: z.literal("barred"),
    units: z.array(z.string()).min(2),
    /**
     * exclusive: "either, but not both" (choosing both breaks the rule); countOne: only one of them
     * counts; exclusiveCountOne: no more than one may be taken (choosing two breaks the rule), and where
     * a learner already holds two, only one counts (IQ: "not allowed to take more than one unit of a
     * barred set" and "only one unit from each pair/set can count").
     */
    effect: z.enum(["exclusive", "countOne", "exclusiveCountOne"]),
    label: z.string().optional(),
    /** Where the source also says that only one of the set counts (a second sentence to quote). */
    countSource: Source.optional(),
  }),
  z.strictObject({
    ...ruleShape,
    rule: z.literal("groupUnits"),
    group: z.string(),
    max: z.number().int().positive(),
    /** stopCounting: extra units are allowed but their credit does not count; exclusive: extra units break the rule. */
    effect: z.enum(["stopCounting", "exclusive"]),
  }),
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule["rule"];
export const RULE_KINDS = [
  "mandatory",
  "totalCredits",
  "levelCredits",
  "groupCredits",
  "barred",
  "groupUnits",
] as const satisfies readonly RuleKind[];

export const ReadingSetting = z
  .strictObject({ ...provenanceShape, value: LevelReading })
  .superRefine(requireFromUnlessStated);

export const ProgressionRoute = z
  .strictObject({
    ...provenanceShape,
    /** Catalogue id of the qualification or pathway this leads to, when it is in the catalogue. */
    to: z.string().optional(),
    value: z.string().min(1),
  })
  .superRefine(requireFromUnlessStated);

const commonShape = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: TextFact,
  level: NumberFact,
  /** Who the qualification or pathway suits, as the sources say it. */
  suits: z.array(TextFact).default([]),
  jobRoles: z.array(TextFact).default([]),
  entryRequirements: z.array(TextFact).default([]),
  progression: z.array(ProgressionRoute).default([]),
  minimumAge: NumberFact.optional(),
  /** What the sources do not tell us, in plain words. */
  unknowns: z.array(z.string()).default([]),
};

export const Qualification = z.strictObject({
  ...commonShape,
  type: z.literal("qualification"),
  awardingBody: TextFact,
  /** Numbers by scheme: ofqual (QCF/RQF number), ocr, cityAndGuilds, welsh. */
  numbers: z.partialRecord(z.enum(["ofqual", "ocr", "cityAndGuilds", "welsh"]), TextFact).default({}),
  qualificationKind: z.strictObject({ ...provenanceShape, value: z.enum(["knowledge", "competence"]) }),
  creditValue: NumberFact.optional(),
  glh: NumberFact.optional(),
  tqt: NumberFact.optional(),
  /** The part of an apprenticeship the awarding body says it forms, as the source words it. */
  apprenticeshipComponent: z
    .strictObject({
      ...provenanceShape,
      value: z.string().min(1),
      component: z.enum(["knowledge", "competence"]),
    })
    .superRefine(requireFromUnlessStated)
    .optional(),
  /** Languages it can be assessed in, as the source words them ("English Only"). */
  assessmentLanguages: TextFact.optional(),
  /** How it is assessed, as the source words it ("evidence checklists ... assessed by the centre"). */
  assessmentMethod: TextFact.optional(),
  /** How many units the source says the qualification has (checked against the unit list). */
  unitCount: NumberFact.optional(),
  operationalStart: DateFact.optional(),
  operationalEnd: DateFact.optional(),
  certificationEnd: DateFact.optional(),
  /** The document (and version) the rules of combination were taken from. */
  rulesDocument: z.string().min(1),
  /** How "N credits must be at Level X" is read; see domain-facts §5. */
  levelReading: ReadingSetting.optional(),
  groups: z.array(Group).default([]),
  /** Absent when no source we hold lists the units. */
  units: z.array(Unit).optional(),
  rules: z.array(Rule).default([]),
});
export type Qualification = z.infer<typeof Qualification>;

export const PathwayComponent = z.discriminatedUnion("component", [
  z.strictObject({
    component: z.literal("qualification"),
    name: z.string().min(1),
    /** One of these qualifications must be achieved. */
    oneOf: z.array(z.string()).min(1),
    credits: NumberFact,
    source: Source,
  }),
  z.strictObject({
    component: z.literal("essentialSkill"),
    name: z.string().min(1),
    level: NumberFact,
    credits: NumberFact,
    glh: NumberFact,
    /** Languages it can be assessed in, as the source words them. */
    assessmentLanguages: TextFact.optional(),
    source: Source,
  }),
]);
export type PathwayComponent = z.infer<typeof PathwayComponent>;

export const Pathway = z.strictObject({
  ...commonShape,
  type: z.literal("pathway"),
  nation: z.string().min(1),
  sourceDocument: z.string().min(1),
  totalCredits: NumberFact,
  components: z.array(PathwayComponent).min(1),
  onTheJobHours: NumberFact,
  offTheJobHours: NumberFact,
  totalHours: NumberFact,
});
export type Pathway = z.infer<typeof Pathway>;

export const CatalogueEntry = z.discriminatedUnion("type", [Qualification, Pathway]);
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

export const TOPICS = [
  "sales",
  "customerService",
  "leadership",
  "performance",
  "resourcePlanning",
  "technology",
  "incidents",
] as const;
export const Topic = z.enum(TOPICS);
export type Topic = z.infer<typeof Topic>;

export const Role = z.strictObject({
  /** The canonical title, as the sources print it. */
  title: z.string().min(1),
  /** Other ways people name the role (our vocabulary, for understanding free text). */
  synonyms: z.array(z.string()).default([]),
  /** Levels of the NVQs the OCR datasheet names this role for (stated). */
  nvqLevels: z.array(z.number().int()).default([]),
  /** The Welsh pathway says apprentices at this level may progress into the role (stated). */
  reachedAfterLevel: z.number().int().optional(),
  /** Unit topics relevant to the role (our inference from titles, used only to rank units). */
  topics: z.array(Topic).default([]),
  sources: z.array(Source).min(1),
});
export type Role = z.infer<typeof Role>;

export const RoleList = z.strictObject({
  about: z.string(),
  /** Words in a unit's title that place it under a topic. */
  topicKeywords: z.record(Topic, z.array(z.string().min(1))),
  roles: z.array(Role).min(1),
});
export type RoleList = z.infer<typeof RoleList>;
