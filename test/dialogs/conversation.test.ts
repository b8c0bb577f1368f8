import { describe, expect, it } from "vitest";
import { MACHINE_VERSION } from "../../dialogs/machine.ts";
import { recordText } from "../../dialogs/messages/record.ts";
import { Conversation, NOW, turn } from "./conversation.ts";

describe("conversation: learners", () => {
  it("opens by saying what it does and asking who is speaking, with buttons", () => {
    const c = new Conversation();
    expect(c.text).toMatch(/contact-centre qualifications/);
    expect(c.choices).toEqual(["I'm a learner", "I work in a contact centre", "I'm a careers adviser"]);
    expect(c.last.stateName).toBe("greeting");
  });

  it("a first hello is answered by the welcome, once", () => {
    const c = new Conversation(false);
    c.say("hello");
    expect(c.text.match(/Who am I talking to/g)).toHaveLength(1);
  });

  it("takes several facts in one message, asks only what is missing, and recommends with reasons", () => {
    const c = new Conversation();
    c.say("I'm a team leader, been here 3 years, got my NVQ 2");
    expect(c.last.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      level: 2,
    });
    expect(c.text).toMatch(/Got it: Contact Centre Team Leader; 3 years; Level 2/);
    // Role, experience and level are known: the next question is not one of them.
    expect(c.last.stateName).not.toMatch(/gathering\.(role|experience|level)/);
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    expect(c.last.stateName).toBe("recommending");
    const recs = c.last.advice.recommendations ?? [];
    expect(recs[0]?.qualificationId).toBe("ocr-10268");
    expect(recs[0]?.reasons.some((r) => r.quote?.includes("Contact Centre Team Leader"))).toBe(true);
  });

  it("points someone not working in a contact centre to a knowledge certificate", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("I'm not working yet");
    c.say("none");
    c.say("GCSEs");
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    const recs = c.last.advice.recommendations ?? [];
    expect(recs[0]?.qualificationId).toMatch(/^(ocr-10266|cg-600-1137-3)$/);
    expect(recs.slice(0, 3).some((r) => r.qualificationId === "ocr-10265")).toBe(false);
  });

  it("asks nation and age only when they change the answer (an apprentice: Wales matters)", () => {
    const c = new Conversation();
    c.say("I'm a learner, contact centre agent for 6 months, GCSEs");
    expect(c.last.stateName).toBe("gathering.apprenticeship");
    c.say("yes");
    expect(c.last.stateName).toBe("gathering.nation");
    c.say("Wales");
    while (c.last.stateName.startsWith("gathering")) c.say("25");
    expect(c.last.advice.recommendations?.some((r) => r.qualificationId.startsWith("wales-cco"))).toBe(true);
  });
});

describe("conversation: corrections, back, restart, cancel", () => {
  it("a correction updates the fact, says what changed and re-derives the recommendation", () => {
    const c = new Conversation();
    c.say("contact centre agent, 2 years, level 2, no apprenticeship");
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    expect(c.last.advice.recommendations?.[0]?.qualificationId).toBe("ocr-10265");
    c.say("actually I'm a supervisor");
    expect(c.text).toMatch(/Updated: job role Contact Centre Agent → Supervisor/);
    expect(c.last.advice.profile.role).toBe("Supervisor");
    expect(c.last.advice.recommendations?.[0]?.qualificationId).toBe("ocr-10268");
  });

  it("a corrected age or nation is said once, not with its description twice ('age 19 → 17')", () => {
    const c = new Conversation();
    c.say("I'm a learner, 19, in England, team leader 2 years GCSEs");
    c.say("actually I'm 17");
    expect(c.text).toMatch(/Updated: age 19 → 17\./);
    c.say("I live in Wales");
    expect(c.text).toMatch(/Updated: where you live England → Wales\./);
    c.say("back");
    expect(c.text).toMatch(/Undone: where you live Wales → England\./);
  });

  it("back undoes the last answer and asks for it again", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("customer service advisor");
    expect(c.last.stateName).toBe("gathering.experience");
    c.say("back");
    expect(c.text).toMatch(/Undone/);
    expect(c.last.advice.profile.role).toBeNull();
    expect(c.last.stateName).toBe("gathering.role");
    c.say("back");
    c.say("back");
    expect(c.text).toMatch(/nothing to undo/i);
  });

  it("restart clears everything; cancel stops and keeps it", () => {
    const c = new Conversation();
    c.say("team leader, 3 years");
    c.say("cancel");
    expect(c.last.stateName).toBe("stopped");
    expect(c.last.advice.profile.role).toBe("Contact Centre Team Leader");
    c.say("level 3");
    expect(c.last.advice.profile.level).toBe(3);
    expect(c.last.stateName).not.toBe("stopped");
    c.say("start again");
    expect(c.text).toMatch(/cleared everything/);
    expect(c.last.advice.profile).toMatchObject({ role: null, experienceMonths: null, level: null });
    expect(c.last.stateName).toBe("greeting");
  });

  it("help and talk to a person answer, then return to the question", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("help");
    expect(c.text).toMatch(/back \(undo/);
    expect(c.text).toMatch(/job role/);
    c.say("can I talk to a real person");
    expect(c.text).toMatch(/National Careers Service/);
    expect(c.last.stateName).toBe("gathering.role");
  });

  it("delete my data asks to confirm, then deletes; no keeps it", () => {
    const c = new Conversation();
    c.say("team leader, 3 years");
    c.say("delete my data");
    expect(c.last.stateName).toBe("confirmDelete");
    c.say("no");
    expect(c.text).toMatch(/nothing deleted/);
    expect(c.last.advice.profile.role).toBe("Contact Centre Team Leader");
    c.say("forget me");
    c.say("yes");
    expect(c.last.deleteData).toBe(true);
    expect(c.last.state).toBeNull();
    expect(c.last.advice.profile.role).toBeNull();
  });
});

describe("conversation: unclear input escalates, never more than three times", () => {
  it("rephrases, then offers buttons, then offers skip or a person, then moves on", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    expect(c.last.stateName).toBe("gathering.role");
    c.say("blah blah");
    expect(c.text).toMatch(/couldn't match that to a job role/);
    expect(c.choices).toEqual([]);
    c.say("qwerty");
    expect(c.choices).toContain("team leader");
    c.say("zzz");
    expect(c.choices).toEqual(["skip", "talk to a person"]);
    c.say("???!!");
    expect(c.text).toMatch(/move on without your job role/);
    expect(c.last.stateName).toBe("gathering.experience");
  });

  it("skip leaves a question unanswered and it is not asked again", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("skip");
    expect(c.last.stateName).toBe("gathering.experience");
    c.say("2 years");
    expect(c.last.stateName).toBe("gathering.level");
  });
});

describe("conversation: units, checks and plans", () => {
  const toUnits = (c: Conversation) => {
    c.say("contact centre agent, 2 years, level 2");
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    c.say("plan 10265");
  };

  it("plans the chosen qualification (engine-checked), then checks the learner's own units with fixes", () => {
    const c = new Conversation();
    toUnits(c);
    expect(c.last.stateName).toBe("planning");
    const plan = c.card("plan");
    expect(plan?.units.map((u) => u.unit)).toEqual(["1", "2", "4", "5", "6", "9", "16"]);
    c.say("choose my own units");
    expect(c.card("unitPicker")?.groups.length).toBeGreaterThan(0);
    c.say("units 1, 2, 10 and 18");
    expect(c.last.stateName).toBe("checking");
    const check = c.last.advice.check;
    expect(check?.verdict).toBe("invalid");
    const barred = check?.violations.find((v) => v.rule === "barred");
    expect(barred?.wording).toMatch(/either, but not both/);
    expect(check?.violations.find((v) => v.rule === "totalCredits")?.shortBy).toBeDefined();
    expect(c.choices).toContain("apply the fix");
    c.say("looks good");
    expect(c.text).toMatch(/breaks the rules/);
    c.say("apply the fix");
    expect(c.last.advice.check?.verdict).toBe("unconfirmed");
    expect(c.last.advice.check?.units).toContain("1");
    c.say("looks good");
    expect(c.last.stateName).toBe("wrapUp");
  });

  it("units typed before a qualification: asks which, then checks", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("check units 1, 2, 4 and 9");
    expect(c.last.stateName).toBe("askQualification");
    c.say("10265");
    expect(c.last.stateName).toBe("checking");
    expect(c.last.advice.check?.units).toEqual(["1", "2", "4", "9"]);
  });

  it("a card submit (comma-separated units) is checked; a forged one gets a clear reply", () => {
    const c = new Conversation();
    toUnits(c);
    c.step({ value: { action: "checkUnits", qualificationId: "ocr-10265", units: "1,2,4,5,6,9,16" } });
    expect(c.last.advice.check?.verdict).toBe("unconfirmed");
    c.step({ value: { action: "dropTables", x: 1 } });
    expect(c.text).toMatch(/out of date or wasn't one of mine/);
    c.step({ value: { action: "checkUnits", qualificationId: "ocr-10265", units: "99" } });
    expect(c.text).toMatch(/couldn't use all of those units/);
  });

  it("refuses to plan a qualification with no unit list, and says why", () => {
    const c = new Conversation();
    toUnits(c);
    c.say("plan 600/1135/X");
    expect(c.text).toMatch(/unit list isn't in our sources/);
  });
});

describe("conversation: questions at any point", () => {
  it("answers what next, which units count, units in, unit, compare, together, definitions, and returns", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("I have the OCR Level 2 NVQ 10265, units 1, 2, 4 and 9. What next? Which of my units count?");
    expect(c.text).toMatch(/OCR Level 3 NVQ Diploma/);
    // The OCR Level 3 NVQ's references are derived by title (domain-facts §4): the title is the basis.
    expect(c.text).toMatch(
      /unit 2 \(Comply with health and safety[^)]*\) → unit 1 \(same title in the suite\)/,
    );
    c.say("which units are in 10267");
    expect(c.text).toMatch(/OCR Level 3 Certificate in Principles of Contact Centre Operations has 14 units/);
    c.say("what is unit K/503/0385");
    expect(c.text).toMatch(/Deliver customer service through a contact centre/);
    c.say("compare 10266 and 10267");
    expect(c.text).toMatch(/compared with/);
    c.say("can I take units 10 and 18 together in 10265?");
    expect(c.text).toMatch(/No: .* barred/);
    c.say("what does GLH mean");
    expect(c.text).toMatch(/guided learning hours/);
    expect(c.last.replies.length).toBeGreaterThan(1);
  });

  it("I have the Level 2 NVQ, what next?: asks which NVQ, records it as held, and answers", () => {
    const c = new Conversation();
    c.say("I have the Level 2 NVQ, what next? Which of my units count?");
    expect(c.text).toMatch(/could be 3 qualifications/);
    // The buttons say the qualification's name; choosing one answers the question asked about it.
    expect(c.choices).toContain("OCR Level 2 NVQ Certificate");
    c.say("OCR Level 2 NVQ Certificate");
    expect(c.last.advice.profile.qualificationsHeld).toEqual(["ocr-10265"]);
    expect(c.text).toMatch(/OCR Level 3 NVQ Diploma/);
    expect(c.text).toMatch(/counted only the mandatory ones/);
  });

  it("asks which one when a description fits several qualifications", () => {
    const c = new Conversation();
    c.say("what comes after the level 2 NVQ?");
    expect(c.text).toMatch(/could be 3 qualifications/);
    expect(c.choices).toContain("OCR Level 2 NVQ Certificate");
    c.say("OCR Level 2 NVQ Certificate");
    expect(c.text).toMatch(/OCR Level 3 NVQ Diploma/);
  });
});

describe("conversation: advisers", () => {
  it("runs a session for a named learner and ends with the session record", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    expect(c.last.stateName).toBe("learnerName");
    c.say("It's Priya Shah");
    expect(c.text).toMatch(/Priya Shah/);
    expect(c.text).toMatch(/Priya's job role/);
    c.say("customer service advisor for 18 months, GCSEs");
    while (c.last.stateName.startsWith("gathering")) c.say("no");
    c.say("plan ocr-10265");
    c.say("looks good");
    const record = c.card("sessionRecord");
    expect(record?.title).toBe("Session record: Priya Shah");
    const text = record ? recordText(record) : "";
    expect(text).toMatch(/^Job role: Customer Service Advisor$/m);
    expect(text).toMatch(/Recommendations\n─+\n1\. OCR Level 2 NVQ Certificate/);
    expect(text).toMatch(/Rules engine verdict: nothing broken, but not confirmed/);
    expect(text).toMatch(/Next steps\n─+\n→ Ask a centre approved by OCR/);
  });
});

describe("conversation: stored state", () => {
  it("resumes from a persisted snapshot in a new process's turn function", async () => {
    const c = new Conversation();
    c.say("team leader, 3 years");
    const { createTurn } = await import("../../dialogs/turn.ts");
    const { services } = await import("./conversation.ts");
    const other = createTurn(services);
    const r = other(JSON.parse(JSON.stringify(c.stored)), { text: "NVQ 2" }, NOW);
    expect(r.advice.profile).toMatchObject({
      role: "Contact Centre Team Leader",
      experienceMonths: 36,
      level: 2,
    });
    expect(r.startedOver).toBeNull();
  });

  it("a snapshot of another version, or a corrupt one, starts over with a short apology", () => {
    const c = new Conversation();
    c.say("team leader");
    const stored = JSON.parse(JSON.stringify(c.stored));
    const old = turn({ ...stored, version: MACHINE_VERSION + 1 }, { text: "hello" }, NOW);
    expect(old.startedOver).toBe("version");
    expect(old.replies[0]?.text).toMatch(/updated since we last spoke/);
    for (const bad of [
      { version: MACHINE_VERSION, snapshot: { ...stored.snapshot, value: "noSuchState" } },
      {
        version: MACHINE_VERSION,
        snapshot: { ...stored.snapshot, context: { ...stored.snapshot.context, history: 5 } },
      },
      { version: MACHINE_VERSION },
      "garbage",
    ]) {
      const r = turn(bad as never, { text: "hello" }, NOW);
      expect(r.startedOver).toBe("corrupt");
      expect(r.replies[0]?.text).toMatch(/couldn't read where we left off/);
      expect(r.state).not.toBeNull();
    }
  });
});

describe("conversation: found in review", () => {
  it("'plan it for me' after a check shows a plan; 'yes' to the fix applies it; a first message with units is checked at once", () => {
    const c = new Conversation();
    c.say("check ocr-10265 units 1 2 4 10 18");
    expect(c.last.stateName).toBe("checking");
    expect(c.last.advice.check?.verdict).toBe("invalid");
    c.say("looks good");
    expect(c.text).toMatch(/Shall I apply the smallest fix/);
    c.say("yes");
    expect(c.last.advice.check?.verdict).toBe("unconfirmed");
    c.say("plan it for me");
    expect(c.last.stateName).toBe("planning");
    expect(c.card("plan")?.qualificationId).toBe("ocr-10265");
  });

  it("skip where there is no question does not loop; units not in the chosen qualification are named, then a plan", () => {
    const c = new Conversation();
    c.say("contact centre agent, 2 years, level 2, no apprenticeship");
    expect(c.last.stateName).toBe("recommending");
    c.say("skip");
    expect(c.text).toMatch(/no question to skip/);
    c.say("units 1, 2, 45");
    expect(c.last.stateName).toBe("askQualification");
    c.say("ocr-10266");
    expect(c.text).toMatch(/couldn't use all of those units/);
    expect(c.last.stateName).toBe("planning");
  });

  it("a plan for the next qualification counts the units carried from the one held", () => {
    const c = new Conversation();
    c.say(
      "I'm a team leader, 3 years, I have the OCR level 2 NVQ 10265 with units 1, 2, 4 and 9. what comes next?",
    );
    c.say("plan ocr-10268");
    // Most Level 3 credit values are in no source: no plan, but what is known, carried units included.
    expect(c.card("plan")).toBeUndefined();
    expect(c.text).toMatch(/can't work out a plan for it from our sources/);
    expect(c.text).toMatch(/The units you hold count towards it as its units 1 and 13\./);
  });

  it("a plan for a qualification closed to new registrations says so", () => {
    const c = new Conversation();
    c.say("plan iq-600-5106-1");
    expect(c.text).toMatch(/closed to new registrations on 2013-12-31/);
  });

  it("the adviser's record shows the plan finally taken, and its next step", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("skip");
    c.say("check ocr-10265 units 1 2 4 10 18");
    c.say("plan ocr-10265");
    c.say("yes");
    const record = c.card("sessionRecord");
    const text = record ? recordText(record) : "";
    expect(text).toMatch(
      /Unit plan\n─+\nOCR Level 2 NVQ Certificate in Contact Centre Operations\n {3}Units 1, 2, 4, 5, 6, 9, 16 /,
    );
    expect(text).not.toMatch(/Decide on a qualification/);
  });
});
