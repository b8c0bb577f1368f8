import { describe, expect, it } from "vitest";
import { understand } from "../../src/nlu/understand.ts";
import { catalogue } from "../helpers.ts";

const today = new Date("2026-11-27T00:00:00Z");
const read = (text: string) => understand(text, { catalogue, today });

// The causes of blind corpus E's misses (test/nlu/blind-e.first-measure.txt), each as a general rule
// read in wordings other than the corpus's own.
describe("understanding: the causes found by blind corpus E", () => {
  it("a qualification is read in its own clause: one studied or named elsewhere is not the one held", () => {
    const u = read("I've got a Level 3 diploma in childcare. Can I take the OCR Level 3 NVQ?");
    expect(u.qualificationsHeld).toBeUndefined();
    expect(u.qualification).toBe("ocr-10268");
    expect(
      read("we want our 4 new starters to complete OCR 10265, what's quickest?").qualificationsHeld,
    ).toBe(undefined);
    expect(read("10268 how many credits at level 3").qualificationsHeld).toBeUndefined();
    expect(read("10268 is what she's got").qualificationsHeld).toEqual(["ocr-10268"]);
  });

  it("a qualification named by its body after it, held in a list or under a heading", () => {
    expect(read("done my level 3 nvq with OCR, what now?").qualificationsHeld).toEqual(["ocr-10268"]);
    expect(read("Quals: City & Guilds 600/1137/3\nRole: agent").qualificationsHeld).toEqual([
      "cg-600-1137-3",
    ]);
    expect(
      read("Passed the OCR Level 2 NVQ (10265) and the OCR Level 3 Principles cert (10267), what next?")
        .qualificationsHeld,
    ).toEqual(["ocr-10265", "ocr-10267"]);
    expect(
      read("She's held the OCR Level 3 Certificate in Principles since 2024.").qualificationsHeld,
    ).toEqual(["ocr-10267"]);
  });

  it("an apprenticeship done, started, or asked for oneself is wanted; a job title or a comparison is not", () => {
    expect(read("My son has just started an apprenticeship at a call centre in Derby.").apprenticeship).toBe(
      true,
    );
    expect(
      read("I'm starting the Welsh Level 3 apprenticeship in March. How long is it?").apprenticeship,
    ).toBe(true);
    expect(read("Could I do an apprenticeship at 45?").apprenticeship).toBe(true);
    expect(
      read("I'm an apprenticeship manager at a college in Leeds. What's in the OCR 10265?").apprenticeship,
    ).toBe(undefined);
    expect(
      read("What's the difference between an apprenticeship and doing the NVQ at work?").apprenticeship,
    ).toBeUndefined();
  });

  it("names given in referrals and by family", () => {
    expect(read("Referral\nName: Bartosz\nRole: agent, 2 yrs").learnerName).toBe("Bartosz");
    expect(read("Our Ciara is 17 and wants to work in a call centre.").learnerName).toBe("Ciara");
    expect(read("On behalf of my client, Ms Anna Nowak (aged 40), who lives in Hull.").learnerName).toBe(
      "Anna Nowak",
    );
    expect(read("Hi, I'm Mr Jones, my daughter Ffion is 18. What would suit her?").learnerName).toBe("Ffion");
    expect(
      read("Hello, I am Romanian and live in Leeds, 30, worked in a call centre.").learnerName,
    ).toBeUndefined();
  });

  it("a referral form's lines describe the learner; an age to come is not the age now", () => {
    const u = read("Referral notes\nName: Priya\nCurrent role: Contact Centre Agent, 2 yrs\nLocation: Leeds");
    expect(u.userKind).toBe("adviser");
    expect(u.role).toBe("Contact Centre Agent");
    expect(u.learnerName).toBe("Priya");
    expect(read("Client details:\n- 40\n- no call centre experience\n- GCSEs").experienceMonths).toBe(0);
    expect(read("My daughter Ffion is 17 in March and wants to work in a call centre.").age).toBe(16);
    expect(read("im a sales advisor in Leeds an I'd like to do an apprenticeship").role).toBe(
      "Sales Advisor",
    );
  });

  it("ages: a bullet line, an age to come said first, 'who's 15', 'a learner of mine is 17', Welsh 'oed'", () => {
    expect(read("- 22\n- unemployed\n- Leeds").age).toBe(22);
    expect(read("17 next month, just finished my GCSEs. Can I do an NVQ?").age).toBe(16);
    expect(read("Asking for a student of ours who's 16.").age).toBe(16);
    expect(read("A client of mine is 45 and wants call centre work.").age).toBe(45);
    expect(read("Shwmae, dw i'n 20 oed ac yn byw yng Nghaerdydd.").age).toBe(20);
  });

  it("overlapping spans to today are not summed; mid-month dates count from the 15th", () => {
    const u = read(
      "I started on the phones at a call centre in Leeds in March 2019, and since March 2024 I've been a team leader there.",
    );
    expect(u.experienceMonths).toBe(92);
    expect(read("I'm a CSA in a call centre, started the job in mid-May 2026.").experienceMonths).toBe(6);
    expect(read("no contact centre or customer service background at all. 40, Hull.").experienceMonths).toBe(
      0,
    );
  });

  it("levels: a degree dropped out of, a choice of levels and a question hold none; low grades after", () => {
    expect(read("I did a year of a law degree but dropped out. I've got A levels.").level).toBe(3);
    expect(read("Has GCSEs. Level 2 or Level 3, which would you recommend?").level).toBe(2);
    expect(read("I've got 5 GCSEs but all grade 2 and 3. What can I do?").level).toBe(1);
    expect(read("level 4 nvq how many credits").level).toBeUndefined();
  });

  it("nation: where someone lives or moved to, not their nationality or a subject", () => {
    expect(read("I'm Scottish but I live in Carlisle now, 30, looking for call centre work.").nation).toBe(
      "England",
    );
    expect(
      read("Just moved from Cardiff to Bristol, worked in a call centre in Cardiff for 2 years.").nation,
    ).toBe("England");
    expect(read("GCSEs: English 6, Maths 5. Can I do the NVQ?").nation).toBeUndefined();
  });

  it("roles: a former title and a team led on the service desk are no current title", () => {
    expect(
      read("I'm a former team leader, now a postman in Hull. What would help me get back?").role,
    ).toBeNull();
    expect(read("I lead a team of 6 on the service desk at a bank. Which level?").role).not.toBe(
      "Help Desk Operative",
    );
  });

  it("intents: defines in context, handovers, help, a pathway's contents, a unit's worth", () => {
    expect(read("What exactly is an apprenticeship?").intent).toBe("define");
    expect(read("What is a 'group' in the NVQ sense?").intent).toBe("define");
    expect(read("Is there a real person I could talk to about this?").intent).toBe("handover");
    expect(read("are you a bot?").intent).toBe("help");
    expect(read("what's in the Welsh level 3 apprenticeship?").intent).toBe("details");
    expect(read("is unit 4 worth 2 credits?").intent).toBe("details");
    expect(read("please forget what I told you about my job, don't want my details stored").intent).toBe(
      "deleteData",
    );
    expect(read("is the OCR 10267 not available any more?").intent).toBe("details");
    expect(read("left school, no job, 17. wat shud i do").intent).toBe("recommend");
    expect(read("Fastest possible route to 28 credits?").intent).toBe("plan");
  });
});
