import { describe, expect, it } from "vitest";
import { intentOf } from "../../src/nlu/intents.ts";
import { understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const today = new Date("2026-11-27T00:00:00Z");
const read = (text: string) => understand(text, { catalogue, today });

// The causes of blind corpora F's and G's misses (test/nlu/blind-f.first-measure.txt,
// blind-g.first-measure.txt), each as a general rule read in wordings other than the corpora's own.
describe("understanding: the causes found by blind corpora F and G", () => {
  it("people the writer mentions in passing (their manager, their family) are not the learner", () => {
    const u = read(
      "my dad works on the phones at a call centre and has his level 3 NVQ. I'm 17 and at college in Derby. what should I do?",
    );
    expect(u.userKind).toBe("learner");
    expect(u.working).toBe(false);
    expect(u.level).toBeUndefined();
    const v = read(
      "My team leader has the level 3 NVQ and reckons it's pointless. I'm a customer service advisor in a call centre, 2 years in, got the level 2 NVQ. Should I bother?",
    );
    expect(v.userKind).toBe("staff");
    expect(v.working).toBe(true);
    expect(v.level).toBe(2);
    // Asking for them is writing for them.
    expect(read("My manager has the level 3 NVQ. I'm an agent there. What could she do next?").userKind).toBe(
      "adviser",
    );
    expect(read("My son is 17 and at college. I'm a nurse. What could he do?").userKind).toBe("adviser");
  });

  it("a careers adviser or work coach the writer names as their own does not make the writer one", () => {
    expect(read("my careers adviser told me to try this. im 17 and at college").userKind).toBe("learner");
    expect(read("My work coach sent me here, I'm 22 and unemployed").userKind).toBe("learner");
    expect(read("I'm a careers adviser at a school in Hull, my student is 16").userKind).toBe("adviser");
    expect(read("I'm the HR manager at a call centre in Leeds").userKind).toBe("adviser");
  });

  it("a parent saying how many children they have writes about themselves", () => {
    const u = read(
      "dad of three from Leeds, 41, used to work on the phones at Sky for 5 years. any courses?",
    );
    expect(u.userKind).toBe("learner");
    expect(u.experienceMonths).toBe(60);
    expect(read("Mum of 2 here, my son is 16 and wants to work in a call centre").userKind).toBe("adviser");
  });

  it("a fast-food job is a job outside contact centres", () => {
    for (const text of [
      "I'm 20 and work at McDonald's, want a call centre job",
      "got a part time job at Maccies, I'm 18",
    ]) {
      const u = read(text);
      expect(u.working).toBe(false);
      expect(u.role).toBeNull();
      expect(u.userKind).toBe("learner");
    }
  });

  it("a level an employer asks of applicants is not a level held", () => {
    expect(
      read("the job advert wants people with level 3, I'm 19 and looking for work").level,
    ).toBeUndefined();
    expect(read("I'm 19, got level 2 maths and english").level).toBe(2);
  });

  it("two of the bot's words compared ask what they mean", () => {
    expect(intentOf("whats the difference between barred and optional units?")).toEqual({
      intent: "define",
      term: "barred",
    });
    expect(intentOf("difference between credits and glh")?.intent).toBe("define");
    expect(intentOf("what's the difference between the NVQ and the certificate?")?.intent).toBe("compare");
  });

  it("the rules of a group of units are details of the qualification", () => {
    expect(intentOf("how many units from group C am I allowed on the level 3?")?.intent).toBe("details");
    expect(intentOf("max number of units I can take from group B?")?.intent).toBe("details");
    expect(intentOf("how many optional units can count on the L2 NVQ?")?.intent).toBe("details");
  });

  it("units done, then what else is needed, ask for a plan", () => {
    expect(
      intentOf("I've finished units 1, 2 and 5 for the OCR level 2. What else does she need?")?.intent,
    ).toBe("plan");
    expect(intentOf("units 3 4 and 9 done, how many more credits do I need?")?.intent).toBe("plan");
    // Without units, what else is needed asks what comes next or what to do.
    expect(intentOf("I've got the level 2 NVQ, what else do I need")?.intent).not.toBe("plan");
  });

  it("what a qualification is made up of asks for its units", () => {
    expect(intentOf("what is the OCR level 3 NVQ made up of?")?.intent).toBe("unitsIn");
  });

  it("two units by number asked as a combination are checked together", () => {
    expect(intentOf("do 12 & 20 clash?")?.intent).toBe("together");
    expect(intentOf("is 5 and 9 an ok combination")?.intent).toBe("together");
  });

  it("units or credits used towards another qualification ask what carries over", () => {
    expect(intentOf("could she use her old NVQ units towards the level 3 diploma?")?.intent).toBe("whatNext");
    expect(
      intentOf("can he count his retail customer service units from college towards the L2 NVQ")?.intent,
    ).toBe("whatNext");
    expect(
      intentOf("I did units 1, 4 and 6 with OCR. Will they still count with City & Guilds?")?.intent,
    ).toBe("whatNext");
    // Whether work counts is still a question of eligibility.
    expect(intentOf("I do webchat from home, does that count as contact centre work?")?.intent).toBe(
      "eligibility",
    );
  });

  it("the same qualification from two awarding bodies, one or the other, is a comparison", () => {
    expect(intentOf("is the IQ level 3 NVQ or the City & Guilds one better for me?")?.intent).toBe("compare");
    expect(intentOf("OCR or C&G for the level 2 NVQ?")?.intent).toBe("compare");
  });

  it("a qualification being taken, failed or not finished gives no level held", () => {
    for (const text of [
      "Agent in Leeds, halfway through the OCR level 3 NVQ, 20 credits so far",
      "She's on the IQ level 2 NVQ at work",
      "I failed my level 3 NVQ in 2023",
      "He did the NVQ at level 3 but never finished it",
      "Our new starters follow the Level 2 pathway",
    ])
      expect(read(text).level).toBeUndefined();
    expect(read("He did the level 3 NVQ and passed it").level).toBe(3);
    expect(read("I've got the OCR 10265").level).toBe(2);
  });

  it("Entry Level 3 is below Level 1: no level on the scale is read from it", () => {
    expect(read("she's 20 and has an Entry Level 3 certificate in English").level).toBeUndefined();
  });

  it("restarting a qualification is not restarting the conversation", () => {
    expect(intentOf("I dropped out of my NVQ, can I restart it?")?.intent).not.toBe("restart");
    expect(intentOf("can we restart please")?.intent).toBe("restart");
  });

  it("odd jobs done since are work outside contact centres", () => {
    const u = read("I'm 40, since the kids I've only done bits of cleaning");
    expect(u.working).toBe(false);
    expect(u.role).toBeNull();
  });

  it("a job now, after a past said before it, is read as now", () => {
    const u = read("Failed my GCSEs back then. Now 31, working in a pub. Could I do the NVQ?");
    expect(u.working).toBe(false);
    expect(u.role).toBeNull();
  });

  it("more jobs outside contact centres: bouncers, couriers, managers of shops, a petrol station", () => {
    for (const text of [
      "he's been a doorman for six years and still is",
      "I'm a courier, 33",
      "assistant manager of a shoe shop, 26",
      "works nights in a petrol station",
    ]) {
      const u = read(text);
      expect(u.working).toBe(false);
      expect(u.role).toBeNull();
    }
  });

  it("'thinking call centre work' is a wish; a job let go or redundancy taken has ended", () => {
    const u = read("I'm 50, took voluntary redundancy from the council. Thinking customer service work now?");
    expect(u.working).toBe(false);
    expect(u.role).toBeNull();
    const v = read("I was on the phones at an energy company for 3 months but they let me go");
    expect(v.working).toBe(false);
    expect(v.userKind).toBe("learner");
    expect(v.experienceMonths).toBe(3);
    // Said mid-sentence, beside a job held, it does not hide the job.
    expect(read("currently a waiter thinking call centre might be better").working).toBe(false);
  });

  it("someone named with their age, a client who has, a young person supported: the writer advises", () => {
    const u = read("Kieran, 17, Larne. Has 6 GCSEs. Wants to work in a call centre.");
    expect(u.userKind).toBe("adviser");
    expect(u.learnerName).toBe("Kieran");
    expect(read("Client has worked in telesales for 3 months").userKind).toBe("adviser");
    expect(read("I'm supporting a young person, 18, no GCSEs").userKind).toBe("adviser");
    expect(read("The pupil I'm asking about is 15 and has no job").userKind).toBe("adviser");
    expect(read("His A levels were B, C and D").userKind).toBe("adviser");
    expect(read("I'm a SENCO at a school in Hull. One of my pupils wants an apprenticeship").userKind).toBe(
      "adviser",
    );
    // A word that is not a name, with an age, is the writer.
    expect(read("Unemployed, 41, used to work in a shop").userKind).toBe("learner");
  });

  it("a lower bound ('15+ years', 'more than 4 years') is not an exact length", () => {
    expect(read("Contact centre manager, 15+ years, got a degree").experienceMonths).toBeUndefined();
    expect(read("I've been an agent for more than 4 years").experienceMonths).toBeUndefined();
    expect(read("I've been an agent for 4 years").experienceMonths).toBe(48);
  });

  it("a trainee starting on a weekday to come does not hold the job yet", () => {
    const u = read("We've got an apprentice starting Tuesday, Leah, 17. What would suit her?");
    expect(u.role).toBeUndefined();
    expect(u.working).toBeUndefined();
  });

  it("'and my manager mentioned the NVQ' does not hide the job said before it", () => {
    const u = read(
      "I'm in my second week on the phones at BT and my team leader mentioned the NVQ, what's in it?",
    );
    expect(u.working).toBe(true);
    expect(u.userKind).toBe("staff");
  });

  it("more intents: units totted up, a word named then 'what is it', what a qualification requires of you", () => {
    expect(intentOf("units 1, 3, 5, 9 and 12 for the OCR L3 - does that add up?")?.intent).toBe("check");
    expect(intentOf("done units 1 2 3 4 10 and 12, am I finished?")?.intent).toBe("check");
    expect(intentOf("my assessor keeps saying GLH. what is it?")).toEqual({ intent: "define", term: "glh" });
    expect(intentOf("unit 14 - what is it?")?.intent).toBe("whatIsUnit");
    expect(intentOf("does the level 4 require you to be a manager?")?.intent).toBe("eligibility");
    expect(intentOf("what's the maximum glh for the level 2 certificate")?.intent).toBe("details");
    expect(intentOf("I have to select my remaining units for the L3 NVQ")?.intent).toBe("plan");
    expect(intentOf("is there any way to fast track the level 3?")?.intent).toBe("plan");
    expect(intentOf("she wants to know which units she has to do for the IQ NVQ")?.intent).toBe("unitsIn");
  });

  it("more commands: deleting what was put in, being put through to a person", () => {
    expect(intentOf("please delete what I entered earlier")?.intent).toBe("deleteData");
    expect(intentOf("could I be put through to a real person please")?.intent).toBe("handover");
  });

  it("when something was gained ('passed it 3 years ago') is not a length of work", () => {
    expect(
      read("Team leader in a call centre, 5 years. Passed the OCR level 2 NVQ 3 years ago.").experienceMonths,
    ).toBe(60);
    expect(read("agent, started 18 months ago").experienceMonths).toBe(18);
  });

  it("still more intents, read from what each question asks", () => {
    expect(intentOf("whats an RQF unit?")?.intent).toBe("define");
    expect(intentOf("whats the diff between the diploma and the certificate")?.intent).toBe("compare");
    expect(intentOf("what's the oldest age people can start the level 3 apprenticeship")?.intent).toBe(
      "eligibility",
    );
    expect(intentOf("can you give me a real person")?.intent).toBe("handover");
    expect(intentOf("does the IQ level 2 have any barred units?")?.intent).toBe("unitsIn");
    expect(intentOf("is digital literacy needed for the level 2 pathway?")?.intent).toBe("details");
    expect(intentOf("what is the fastest combination of units for the OCR level 2 NVQ?")?.intent).toBe(
      "plan",
    );
    expect(intentOf("is 4 and 9 a good combination of units")?.intent).toBe("together");
  });

  it("one of the writer's staff named after their title is the learner; one who only says something is not", () => {
    const u = read("Our team leader Nadia has run the night shift for 3 years. What should she do next?");
    expect(u.userKind).toBe("adviser");
    expect(u.learnerName).toBe("Nadia");
    expect(u.role).toBe("Contact Centre Team Leader");
    const v = read("my supervisor Dave reckons I should do the NVQ. I'm an agent on the phones");
    expect(v.userKind).toBe("staff");
    expect(v.role).toBe("Contact Centre Agent");
  });

  it("'CS advisor' and 'customer services adviser' are the customer service advisor's title", () => {
    expect(read("I'm a CS advisor at a bank").role).toBe("Customer Service Advisor");
    expect(read("customer services adviser for 2 years").role).toBe("Customer Service Advisor");
  });

  it("asking for oneself to do a named apprenticeship says it is wanted, however it is named", () => {
    expect(read("Could I do the Welsh level 3 contact centre apprenticeship?").apprenticeship).toBe(true);
    // Asked for someone else, it asks whether they could, not what they want.
    expect(read("Could he do the level 2 contact centre apprenticeship?").apprenticeship).toBeUndefined();
  });

  it("extra help, staff who hold something, and the quickest units", () => {
    expect(intentOf("Can he get extra support with the portfolio for the L2 NVQ?")?.intent).toBe(
      "eligibility",
    );
    expect(intentOf("which credits carry over to the L4 for staff who did the L3 NVQ?")?.intent).toBe(
      "whatNext",
    );
    expect(intentOf("what units would get her to 37 credits fastest?")?.intent).toBe("plan");
  });

  it("a choice between college and something else names options, not where the writer is", () => {
    const u = read("college course or an apprenticeship, which is best for getting into call centres?");
    expect(u.role).toBeUndefined();
    expect(u.working).toBeUndefined();
    expect(read("I'm 18 and not in college or work right now").working).toBe(false);
  });

  it("a customer service qualification held makes an open 'what next' ask what comes after it", () => {
    expect(intentOf("I have a level 2 certificate in customer service. what now?")?.intent).toBe("whatNext");
    // One in an unrelated subject does not.
    expect(intentOf("I have a level 2 certificate in hairdressing. what now?")?.intent).toBe("recommend");
  });
});
