import { describe, expect, it } from "vitest";
import { Conversation } from "./conversation.ts";

// Persona review 3 (docs/reviews/2026-11-27-review-3.md): what it found, as a user would meet it.
describe("conversation: persona review 3", () => {
  it("A1: the learner's name from a sentence, never 'Correction'; 'what do you recommend?' is answered", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser with Careers Wales");
    expect(c.last.stateName).toBe("learnerName");
    c.say(
      "I'm seeing Ellie Morgan today, she's 19, from Newport. Works part time as a contact centre agent for an insurance firm, about 7 months.",
    );
    expect(c.text).toMatch(/I'll put Ellie Morgan on the session record/);
    c.say("Sorry correction, she's been there 14 months not 7");
    expect(c.text).toMatch(/Updated: experience 7 months → 1 year 2 months/);
    expect(c.text).not.toMatch(/Correction on the session record/);
    c.say("What do you recommend for her?");
    expect(c.card("recommendations"), c.text).toBeDefined();
    expect(c.text).toMatch(/Recommended for Ellie|suggest for Ellie/);
  });

  it("A1: asked for the name, an adviser who goes on to something else is not asked again and again", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say("She'd like to do an apprenticeship and eventually become a team leader");
    expect(c.text).not.toMatch(/Just a first name/);
    c.say("What do you recommend for her?");
    expect(c.text).toMatch(/Here it is from what I know so far\. Tell me .* and I'll sharpen it/);
    expect(c.card("recommendations"), c.text).toBeDefined();
  });

  it("A4: 'Session with Shauna Kelly, 22, from Ballymena' names Shauna; a question about the Welsh pathway moves no one to Wales", () => {
    const c = new Conversation();
    c.say("I'm a careers adviser");
    c.say(
      "Session with Shauna Kelly, 22, from Ballymena. She's unemployed at the moment, last job was a waitress for 3 years. Interested in contact centres.",
    );
    expect(c.text).toMatch(/I'll put Shauna Kelly on the session record/);
    c.say("Is the Welsh apprenticeship open to her?");
    expect(c.text).not.toMatch(/living in Wales/);
    expect(c.text).toMatch(/it is for apprentices in Wales/);
    c.say("session record please");
    expect(c.text).toMatch(/Session record: Shauna/);
    expect(c.text).toMatch(/Nation: Northern Ireland/);
  });

  it("S2: units for 'the level 3 NVQ' are the OCR one's at once; a question about a unit keeps the selection", () => {
    const c = new Conversation();
    c.say("I work in a contact centre");
    c.say("team leader, sunderland, 5 years in role. want the level 3 NVQ diploma");
    c.say("check these units for the level 3 NVQ: 1 2 5 6 12 15 16 20 36 25 28 31");
    expect(c.text).toMatch(/Checking your units for OCR Level 3 NVQ Diploma/);
    expect(c.text).toMatch(/unit 20 .* and unit 36 .* are barred/);
    c.say("ok remove 20");
    const before = c.checkedUnits().sort();
    c.say("what about K/503/0421 - is that in the level 3?");
    expect(c.text).toMatch(
      /unit 16 \(Deal with incidents through a contact centre\) — OCR Level 3 NVQ Diploma/,
    );
    expect(c.card("check")).toBeUndefined();
    c.say("do i meet the 23 credits at level 3 rule");
    expect(c.checkedUnits().sort()).toEqual(before);
    expect(c.text).toMatch(/Credits at Level 3 or above: .*our sources do not say which/);
  });

  it("S4: 'doing the level 2 NVQ' makes 'check my units' its units; credits 'got now' are the ones that count", () => {
    const c = new Conversation();
    c.say("I work in a contact centre");
    c.say(
      "outbound telesales agent in manchester, been here 8 months, doing the level 2 NVQ with my employer",
    );
    c.say("can u check my units: 1 2 3 5 21 22 19 32 34 36 38");
    expect(c.text).toMatch(/Checking your units for OCR Level 2 NVQ Certificate/);
    c.say("why is that wrong");
    expect(c.text).toMatch(/unit 32 \(Using email\) and unit 34 \(Using email\) are barred/);
    c.say("ok swap 34 for 33 then");
    c.say("how many credits have i got now");
    expect(c.text).toMatch(/of those, between 32 and 34 credits count towards the 28 needed/);
    c.say("is selling by telephone outbound level 2?");
    expect(c.text).toMatch(
      /unit 22 \(Selling by telephone - outbound\).*\n.*\nCredits: 4; level: not in our sources/,
    );
    c.say("what if i add unit 12 promote additional services");
    expect(c.checkedUnits().sort()).toContain("33");
    expect(c.checkedUnits().sort()).toContain("12");
    expect(c.checkedUnits().sort()).toHaveLength(12);
  });

  it("S1: what is still needed after units carry over; a held unit corrected; 'the rest of the level 3' and its unit 12", () => {
    const c = new Conversation();
    c.say(
      "Hi, I'm Siân, I've been a customer service advisor at an energy company's contact centre in Cardiff for 3 years",
    );
    c.say("I've got the Level 2 NVQ in Contact Centre Operations (OCR). what next?");
    c.say("my units were 1, 2, 4, 8, 11, 14 and 25");
    c.say("how many credits will I still need for the Level 3 NVQ Diploma");
    expect(c.text).toMatch(
      /Still to earn for OCR Level 3 NVQ Diploma: 27 of its 42 credits, since 15 credits carry over/,
    );
    expect(c.text).not.toMatch(/City & Guilds Level 3 NVQ Diploma/);
    c.say(
      "sorry I made a mistake, it wasnt unit 25 it was unit 27, deliver customer service to difficult customers",
    );
    expect(c.text).toMatch(/1, 2, 4, 8, 11, 14, 25 → 1, 2, 4, 8, 11, 14, 27/);
    c.say("can you plan the rest of the level 3 for me");
    expect(c.text).not.toMatch(/Which one do you mean/);
    expect(c.text).toMatch(
      /OCR Level 3 NVQ Diploma|The units you hold count towards it as its units 1, 16 and 44/,
    );
    c.say("what is unit 12 in level 3 worth in credits");
    expect(c.text).toMatch(
      /unit 12 \(Contribute to performance management in a contact centre\) — OCR Level 3 NVQ Diploma/,
    );
    expect(c.text).toMatch(/Credits: not in our sources/);
  });

  it("L5: asking about a Level 2 qualification holds no Level 2", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("im 16 and in year 11 in birmingham");
    c.say("i seen the IQ level 2 NVQ on google can i do that one");
    expect(c.text).not.toMatch(/Got it: Level 2/);
  });

  it("answers stay within their sources: no 'Yes' on a condition our sources do not give, OCR's words named as OCR's, the level rule said", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("im 16 and in year 11 in birmingham, no job");
    c.say("can i do the level 2 principles at 16?");
    expect(c.text).toMatch(
      /^Not sure yet for OCR Level 2 Principles Certificate: our sources give no minimum age/m,
    );
    c.say("can i do the IQ level 2 NVQ?");
    expect(c.text).toMatch(/the minimum age is 18 \(“Min Age From 18”\), and you are 16/);
    c.say("can i do the city and guilds level 2 nvq?");
    expect(c.text).toMatch(
      /City & Guilds Level 2 NVQ Certificate: it is for people working in a contact centre now \(OCR's description of NVQs: “/,
    );
    c.say("how many credits is the level 4 and how many at level 4");
    expect(c.text).toMatch(/35 of them must be at Level 4/);
  });

  it("an apprenticeship 'comes with a job' is backed by its on-the-job hours, not by what employers look for", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("im 17 in swansea, no job");
    c.say("do i need a job for the welsh level 2 apprenticeship?");
    expect(c.text).toMatch(/so it comes with a job \(“Total on the job and off the job training hours/);
    expect(c.text).not.toMatch(/comes with a job: “employers are looking/);
  });

  it("L4, L1, A2: SVQs, 'the nvq vs the certificate', and 'straight to level 3' with the roles it is for", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("Is there an SVQ in contact centre operations I can do in Scotland?");
    expect(c.text).toMatch(/SVQs \(Scottish Vocational Qualifications\) .* our sources do not describe them/);
    c.say("whats the difference between the nvq and the certificate");
    expect(c.text).not.toMatch(/I don't know which qualification/);
    expect(c.text).toMatch(/An NVQ .* is a work-based competence qualification/);
    expect(c.text).toMatch(/OCR Level 2 NVQ Certificate in Contact Centre Operations: Level 2; competence/);
    expect(c.text).toMatch(
      /OCR Level 2 Certificate in Principles of Contact Centre Operations: Level 2; knowledge/,
    );
    const p = new Conversation();
    p.say("I'm a parent, asking for my son");
    p.say(
      "His name is Connor, he's 18 and lives in Hull. He's been an agent at a broadband company call centre for 6 months",
    );
    p.say("He has no qualifications apart from a few GCSEs");
    p.say("Could he go straight to level 3?");
    expect(p.text).toMatch(
      /OCR Level 3 NVQ Diploma: no qualification is needed first .*; but its source gives it for roles such as Sales Team Leader, Contact Centre Team Leader, Supervisor and Contact Centre Manager .*, and he is a Contact Centre Agent/,
    );
  });

  it("a check says its verdict once: at the end of the card, with 'What next?' and the choices after it", () => {
    const c = new Conversation();
    c.say("check units 1 2 4 9 10 18 in 10265");
    expect(c.text.match(/Not valid yet: \d+ rules? (?:is|are) broken/g)).toHaveLength(1);
    expect(c.last.replies.at(-1)?.text).toBe("What next?");
    c.say("what is unit 4?");
    expect(c.text).toMatch(/\n✘ Not valid yet/);
  });

  it("units asked for by what they are about: 'resource planning units', 'the customer service ones not selling'", () => {
    const c = new Conversation();
    c.say("I work in a contact centre");
    c.say("workforce planner in Derry, 4 years, I hold the OCR Level 3 NVQ Diploma");
    c.say("plan ocr-10269");
    c.say("does the level 4 have resource planning units?");
    expect(c.text).toMatch(
      /• unit 18 \(Contribute to resource plan development[^\n]*\n• unit 19 [^\n]*\n• unit 20 \(Coordinate resource planning strategy/,
    );
    const l = new Conversation();
    l.say("I'm a learner");
    l.say("i work at boots, 6 years on the tills, leicester, gcses, no apprenticeship");
    l.say("plan ocr-10266");
    l.say("i want the customer service ones not selling");
    expect(l.text).toMatch(/unit 8 \(Principles of customer service in a contact centre\)/);
    expect(l.text).not.toMatch(/unit 7 \(Principles of selling/);
  });

  it("'how many hours a week is it and do i get paid' and 'whats next after it' are answered as asked", () => {
    const c = new Conversation();
    c.say("im 17 from swansea, finished my gcses in the summer, no job yet. want to work in a call centre");
    c.say("none");
    c.say("yeah an apprenticeship would be good");
    c.say("how many hours a week is it and do i get paid");
    expect(c.text).toMatch(/374 in all/);
    expect(c.text).toMatch(/what an apprentice is paid is not in our sources/);
    expect(c.text).toMatch(/how the hours are spread over the weeks is not in our sources/);
    c.say("whats next after it");
    expect(c.text).toMatch(/^From Level 2 Foundation Apprenticeship .*, the next steps:/m);
    expect(c.text).not.toMatch(/My suggestions haven't changed/);
  });

  it("persona review 4: someone to talk to, GCSEs needed, and no hours the sources do not give", () => {
    const c = new Conversation();
    c.say("I'm a learner");
    c.say("im 17 in sunderland, no job, 3 gcses");
    c.say("do i need gcses for it??");
    expect(c.text).toMatch(/OCR Level 2 NVQ Certificate, .*: no qualification is needed first/);
    c.say("how long does the OCR level 2 principles take");
    expect(c.text).not.toMatch(/130 hours|ten hours/);
    c.say("is there someone i can actually talk to");
    expect(c.text).toMatch(/National Careers Service/);
  });

  it("persona review 4 (L1b): units done of a qualification never finished are held, it is the one planned, and edits keep them", () => {
    const c = new Conversation();
    c.say(
      "hi, im aimee 28 from norwich. was off on mat leave and now want to go back to work. i did 2 years in an insurance call centre before",
    );
    c.say(
      "gcses. and i started the ocr level 2 principles certificate at my old job, did units 1 2 3 6 and 10 but never finished it",
    );
    expect(c.text).toMatch(/you hold units 1, 2, 3, 6 and 10 of OCR Level 2 Certificate in Principles/);
    expect(c.last.stateName).toBe("planning");
    c.say("ok add 11");
    expect(c.text).toMatch(/Counted as held \(you have them already\): 1, 2, 3, 6 and 10/);
    expect(c.checkedUnits().sort()).toEqual(["1", "10", "11", "2", "3", "6"]);
    c.say("no!! i already did 1 2 3 6 and 10, where have they gone");
    expect(c.text).not.toMatch(/didn't understand/);
  });

  it("persona review 4 (S1b): a unit named by its short title counts; 'you missed … unit 8' adds the Level 2's unit 8", () => {
    const c = new Conversation();
    c.say(
      "Declan here - team leader in a bank call centre in Belfast, 5 years. I've got the Level 2 NVQ from OCR. Which of my units count towards the level 3?",
    );
    expect(c.text).not.toMatch(/whose titles are about/);
    c.say(
      "I did units 1, 2, Deliver customer service through a contact centre, Deal with incidents, 9, 11 and 25",
    );
    expect(c.text).toMatch(/you hold units 1, 2, 4, 8, 9, 11 and 25 of OCR Level 2 NVQ/);
    expect(c.text).toMatch(/unit 8 \(Deal with incidents through a contact centre\) → unit 16/);
    c.say("you missed deal with incidents, thats unit 8");
    expect(c.text).not.toMatch(/OCR Level 3 NVQ Diploma[^\n]*\nUnits: [^\n]*\b8\b/);
  });

  it("persona review 4 (A3b): a year in a cafe, 'no call centre', is no contact-centre experience: Level 2 first", () => {
    const c = new Conversation();
    c.say(
      "hi im a parent, my daughter Megan Evans is 17 and lives in Swansea, she wants to work in a call centre",
    );
    if (c.last.stateName === "learnerName") c.say("Megan");
    c.say("she's still at school, year 12, does a saturday job in a cafe");
    c.say("about a year in the cafe, no call centre");
    c.say("GCSEs");
    c.say("yes she'd like an apprenticeship");
    const card = c.card("recommendations");
    expect(card?.items[0]?.qualificationId, c.text).toBe("wales-cco-l2");
  });

  it("persona review 4: 'I want to be a team leader next year' gets the qualifications whose sources name the role", () => {
    const c = new Conversation();
    c.say("I work in a contact centre");
    c.say("customer service advisor in leeds, 2 years, gcses, no apprenticeship");
    c.say("I want to be a team leader next year");
    expect(c.text).toMatch(/For team leader roles, our sources name these:/);
    expect(c.text).toMatch(
      /OCR Level 3 NVQ Diploma: “It is suitable for candidates working in job roles such as: Sales Team Leader/,
    );
    expect(c.text).not.toMatch(/didn't understand/);
  });
});
