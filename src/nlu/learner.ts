import { AMBIGUOUS, NEEDS_CONTEXT, PLACES } from "./gazetteer.ts";
import { matchesOf } from "./text.ts";

/**
 * Who the advice is for. A careers adviser, a parent, a teacher or a manager writes about someone
 * else: "my son is 17", "Client: 44, ex-army", "One of my agents, Jade, has been with us 2 years",
 * "Tanya has been supervising our night shift". Facts about that person fill the profile; facts about
 * the writer ("I'm a team manager", "I've worked here 10 years") do not. The reverse holds for a
 * learner writing about themselves: "raising my kids", "carer for my mum", "my manager says maybe"
 * name other people who are not the learner.
 *
 * Everything here reads normalise()d text except the names, read from the text as typed (a name is a
 * capitalised word).
 */

/** Family: the learner when a parent, partner or relative writes. */
const KIN =
  "friend of mine|mate of mine|sons?|daughters?|child|boys?|girls?|lad|lass|nephew|niece|grandsons?|granddaughters?|grandaughters?|grandchild|brother|sister|wife|husband|partner|boyfriend|girlfriend|mum|mam|mom|mother|dad|father|cousin|twins?|twin boys|twin girls|(?:\\d{2}|sixteen|seventeen|eighteen|nineteen) year old|stepson|stepdaughter";
/** People someone advises, teaches or manages. */
const CHARGE =
  "clients?|customer|claimant|students?|pupils?|learners?|candidates?|apprentices?|trainees?|young person|person on my caseload|service user|participant|mentee|employees?|team members?|staff members?|members? of (?:my|our) team|colleague|deputy|new starters?|help desk guy|guy|volunteers?|year 1[0-3]s|year 1[0-3]|s[4-6]|yp|sixth formers?|school leavers?|jobseekers?|gentleman|lady|tenant";
/** People advised, who open a sentence about them ("Client: Liam, 19"); not "trainee" or "apprentice", which people call themselves. */
const CLIENT =
  "team members?|staff members?|clients?|customer|claimant|students?|pupils?|learners?|candidates?|young person|yp|person on my caseload|service user|participant|mentee|new starter";
/** Job titles that name the learner only with "my" / "our" / "one of my" and something said of them. */
const STAFF =
  "agents?|advisors?|tls?|team leaders?|team managers?|supervisors?|managers?|analysts?|planners?|operators?|operatives?|telesales people|collectors?|call handlers?|staff";

const MODIFIERS =
  "(?: (?:new|young|eldest|oldest|youngest|little|wee|baby|big|older|younger|twin|current|best|banking|customer service|sales|night shift|contact centre|call centre|cc|apprentice|trainee|help desk|[a-z]+ year old)){0,3}";
/** Something said of the person named: "is 17", "has GCSEs", "wants...", ", Priya,", "(18)". */
const PREDICATE =
  "(?=(?: [a-z]+)? (?:is|has|wants|s|was|who|would|needs|asked|aged|age|does|did|works|started|joined|holds|manages|leads|runs|handles|looks|got|been|\\d)\\b|\\s*[(:]|,? [a-z]+,)";
/** "my son", "our new apprentice", "a client of mine", "the pupil I'm seeing", "one of my Year 11s". */
const REFERENT = new RegExp(
  `\\b(?:my|our|one of (?:my|our|them)|his|her|their)${MODIFIERS} (?:${KIN}|${CHARGE})s?\\b(?! (?:service|services|support|contact|care|facing|experience|advisor))` +
    `|\\b(?:a|an|the|this)${MODIFIERS} (?:${KIN}|${CHARGE})\\b(?= of (?:mine|ours)|${PREDICATE.slice(3, -1)})` +
    `|(?<=\\b(?:for|about|on behalf of|regarding|re|supporting|helping|working with|mentoring) (?:a|an|the|this))${MODIFIERS} (?:${KIN}|${CHARGE})\\b(?! (?:service|services|support|contact|care|facing|experience|advisor))` +
    `|^(?:${KIN}|${CLIENT})\\b(?=\\s*(?:[,(:]|is |s |aged |age |who |in |from |has |had |was |wants |needs |lives |works |did |got |\\d|[a-z]+ (?:is|has|s|was|wants|\\d+)\\b|$))` +
    // "The student I'm asking about is in Year 11".
    `|\\b(?:the|this)${MODIFIERS} (?:${KIN}|${CHARGE}) (?:(?:that |who )?(?:i|im|i am|we|were|we are) (?:m |am |are )?(?:asking|enquiring|writing|here) (?:about|for))\\b` +
    // "We've got a new starter, Tom": someone the writer's organisation has taken on.
    `|\\b(?:weve got|we have|we ve got) (?:a|an)${MODIFIERS} (?:${CHARGE}|trainees?|apprentices?)\\b` +
    // "Line manager of Aisha", "tutor of a learner".
    // ("manager for four sites": a number of places, not a person.)
    "|\\b(?:line manager|manager|tutor|mentor|coach|assessor) (?:to|of|for) (?!the |a |an |our |my |\\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|several|all|both|multiple|many|various) )[a-z]+\\b" +
    // "Student of mine, Gwenllian, 17": someone of the writer's, with no article before.
    `|\\b(?:${KIN}|${CHARGE}) of (?:mine|ours)\\b` +
    // "One of them, Priyanka, already has...": one of a group picked out.
    "|\\bone of them\\b|\\bone of (?:my|our) (?:team|staff|lot)\\b",
);
/** Every word that can end a mention of someone else ("son", "clients", "tls", "them", "aisha"...). */
const REFERENT_WORDS = new Set(
  `${KIN}|${CHARGE}|${STAFF}|${CLIENT}|team|manager|tutor|mentor|coach|assessor|s4|s5|s6|10|11|12|13|10s|11s|12s|13s`
    .replace(/\(\?:[^)]*\)|\\d\{2\}|\[[^\]]*\]/g, "")
    .split("|")
    .flatMap((alt) => {
      const last = alt.trim().split(" ").at(-1) ?? "";
      return last.endsWith("s?") ? [last.slice(0, -2), `${last.slice(0, -2)}s`] : [last, `${last}s`];
    }),
);
/** One of REFERENT_WORDS as a word of the text (between spaces, as split(" ") gives them); all are letters and digits. */
const REFERENT_WORD = new RegExp(`(?:^| )(?:${[...REFERENT_WORDS].join("|")})(?= |$)`);
const LONE_REFERENT = new RegExp(`^(?:(?:one|a|the|my|our) )?(?:${KIN}|${CLIENT})$`);
/** "my TL, Fraser", "our supervisor Karen (52)", "one of my team leaders, Marcus, has...". */
const STAFF_REFERENT = new RegExp(
  `\\b(?:my|our|their|his|her|one of (?:my|our)|one of them)(?: [a-z]+){0,3} (?:${STAFF})\\b${PREDICATE}|\\b(?:put|putting|send|sending|enrol|enrolling|develop|upskill|train|for) (?:my|our|two of my|some of my|all (?:of )?(?:my|our))(?: [a-z]+){0,2} (?:${STAFF}|${CHARGE})\\b|\\b(?:put|putting|send|enrol) (?:two|some|all|one|three|a few) of them\\b`,
);
/** Mentions of other people who are not the learner: the writer's helpers, family they care for... */
const NOT_THE_LEARNER =
  /^(?:(?:im|i am|a|and) )?(mum|mam|mom|dad|mother|father|parent) (of|to) (\d+|one|two|three|four|five|twins)\b|\b(im|i am|as|been|was)( still| now| currently| just| only)? (a|an) (trainee|apprentice|student|learner)\b|\bme and my\b|\b(raising|had|having|look(ing)? after|care for|caring for|carer for|cover(ing)? for|help(ing)? (with|out)|drop(ping)? off|pick(ing)? up) (my|our|the) ([a-z]+ )?\w+|\b(my|our) (manager|boss|assessor|tutor|teacher|support worker|mate|friend|employer|work|line manager|tl|team leader|supervisor|mum|dad|kids|children|partner|wife|husband)( [a-z]+)? (says|said|told|tells|thinks|reckons|suggested|suggests|keeps|is helping|helped|can see|wont|would|passed|died|are at|is at|at school|at primary|wants us|wants me|has asked me|asked me)\b|\bmy (kids|children)\b(?! (are|is) \d)/;

export interface OtherMention {
  start: number;
  end: number;
}

/**
 * Where a clause names another person as the one the advice is for, if it does. `after` is the text
 * that follows the clause ("my supervisor" + "rachel has a degree"): what is said of them may be there.
 */
export function otherMention(text: string, after = ""): OtherMention | undefined {
  // (A message's clauses are asked about two or three times over: the last few answers are kept.)
  for (let i = 0; i < RECENT; i++)
    if (recentText[i] === text && recentAfter[i] === after) return recentMention[i];
  const found = readOtherMention(text, after);
  recentText[recentAt] = text;
  recentAfter[recentAt] = after;
  recentMention[recentAt] = found;
  recentAt = (recentAt + 1) % RECENT;
  return found;
}
const RECENT = 8;
const recentText: (string | undefined)[] = [];
const recentAfter: (string | undefined)[] = [];
const recentMention: (OtherMention | undefined)[] = [];
let recentAt = 0;

function readOtherMention(text: string, after: string): OtherMention | undefined {
  // Most clauses name no one: a word lookup decides that before the patterns run.
  if (!text.includes(" of them") && !REFERENT_WORD.test(text)) return undefined;
  if (
    NOT_THE_LEARNER.test(text) &&
    !/\b(asking|enquiring|writing|here|advice|help|info|information) (for|about|on behalf of) my\b|^(for|about) my\b|\bon behalf of\b/.test(
      text,
    )
  )
    return undefined;
  // A clause that is only "Client" or "Customer" ("Client: Liam, 19") names the learner.
  if (LONE_REFERENT.test(text)) return { start: 0, end: text.length };
  const whole = after ? `${text} ${after}` : text;
  for (const re of [REFERENT, STAFF_REFERENT]) {
    const m = re.exec(whole);
    // "I train the new starters", "we coach the trainees": people the writer's work is done to, named
    // in the plural, are not someone written about.
    if (
      m &&
      /^the [a-z ]*s$/.test(m[0]) &&
      /\b(i|we) (?:[a-z]+ ){1,2}$/.test(whole.slice(0, m.index)) &&
      !/\b(for|about|with|of)\s*$/.test(whole.slice(0, m.index))
    )
      continue;
    if (m && m.index < text.length)
      return { start: m.index, end: Math.min(text.length, m.index + m[0].length) };
  }
  return undefined;
}

const NOT_NAMES = new Set(
  "January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Miss Mx Dr Title Role Job Position Name Company Office Centre Shift Pay Everything Nothing Something This That There Mine Yes Yeah Ok Okay Thanks I It Its The He She They We Our My Hi Hello Back Never Hiya Level Team Contact Call Is Can What Has Have Needs Wants Just No Not Aged Age Year OCR IQ NVQ City Guilds Welsh English Scottish Manager Supervisor Client Student Pupil Learner Son Daughter Brother Sister Customer Claimant Mum Dad Parent Employer Adviser Advisor Tutor Teacher Any Does Do Would Could Should Which Where When How Why Who Please Thanks Thank Dear Sir Madam Senior Head Sales Support Help Telephone Trainee Agent Apprentice Career Careers Work Job Jobcentre Plus Essential Skills National Highers Advanced GCSE GCSEs BTEC HNC HND SVQ Level TL TLs CC HR BDM Ops Floor Walker Key Account Resource Principles Certificate Diploma Foundation Apprenticeship Wales Scotland England Northern Ireland Mam Grandmother Grandad Nan Hey Morning Evening Afternoon Sorry Right Also Been Got Im Ive Currently Living Based Working Moving Returning Looking Thinking".split(
    " ",
  ),
);
const NAME = "([A-Z][a-z\\u00e0-\\u00ff]{1,19}(?:-[A-Z][a-z]+)?)";
const TITLES =
  "TL|team leader|team lead|team manager|supervisor|manager|agent|advisor|adviser|analyst|planner|operative|operator";
const NAME_PATTERNS = [
  // "Name: Tomasz", "- Name: Chloe": a form's heading.
  new RegExp(`(?:^|\\n)\\s*(?:[-•*]\\s*)?(?:[Nn]ame|[Ll]earner|[Cc]lient|[Cc]andidate)\\s*:\\s*${NAME}\\b`),
  // "Our Niamh is 18": family naming one of their own.
  new RegExp(`\\b[Oo]ur ${NAME} (?:is|has|was|wants|s|works|did|got)\\b`),
  // "a 20-year-old woman, Catriona, who", "One young man I work with, Iolo,", "my girlfriend Amira".
  new RegExp(
    `\\b(?:woman|man|lady|gentleman|girlfriend|boyfriend|fiancee?|friend|cousin|mate|colleague|participant|(?:I|we) (?:work|am working|are working) with|(?:^|,)\\s*working with|(?:I|we)(?: am|'m| are|'re)? supporting)[:,]?\\s+${NAME}(?: (?:Mc|Mac|O')?[A-Z][a-z]+)?,?\\s+(?:who|is|has|aged|turned|was|left|wants|\\(|\\d)`,
  ),
  // "my client Priya", "student of mine Ciara", "One of my agents, Bethan", "my service user Gareth"
  new RegExp(
    `\\b(?:client|student|pupil|learner|son|daughter|stepson|stepdaughter|claimant|apprentice|trainee|young person|mentee|candidate|nephew|niece|grandson|granddaughter|grandaughter|customer|lad|girl|boy|brother|sister|wife|husband|partner|girlfriend|boyfriend|fiancee?|cousin|deputy|starter|guy|employee|team member|staff member|service user|Year 1[0-3]s|of mine|of them|[Oo]ne of (?:[Mm]y|[Oo]ur) (?:[a-z]+ )?[a-z]+s?|[a-z]+ of)[:,]?\\s+${NAME}\\b(?!\\s+(?:Level|NVQ|Contact|Call))`,
  ),
  // "Daughter Ellie, 18", "Client Kirsty, 31", "Agent Erin (19)": the word for them opening a sentence.
  new RegExp(
    `(?:^|[.!?:]\\s+)(?:Client|Customer|Claimant|Student|Pupil|Learner|Candidate|Son|Daughter|Stepson|Stepdaughter|Nephew|Niece|Grandson|Granddaughter|Agent|Advisor|Adviser|Apprentice|Trainee|Employee|Colleague)[:,]?\\s+${NAME}(?=,|\\s*\\(|\\s+(?:is|has|was|wants|aged|\\d))`,
  ),
  // "a Customer Service Team Leader, Rhiannon, who achieved": a name set off by commas, then said of.
  new RegExp(`\\b[A-Za-z]{3,}, ${NAME}, (?:who|aged|age|\\d)`),
  // "for our Shannon. She's 20": family naming one of their own.
  new RegExp(`\\b[Oo]ur ${NAME}\\b(?=[.,;]?\\s+(?:[Ss]he|[Hh]e|[Tt]hey)(?:'s|’s| is| has| was)\\b)`),
  // "our supervisor Karen (52)", "my customer service advisor Shauna", "My TL, Fraser,"
  new RegExp(
    `\\b(?:(?:[Mm]y|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)(?: [a-z]+){0,3} (?:${TITLES}),?|(?:${TITLES}))\\s+${NAME}\\b(?!\\s+(?:Level|NVQ|Contact|Call))`,
  ),
  /\b(?:(?:his|her|their) name is|called|named|manager of)\s+([A-Z][a-z]{1,19})\b/,
  // "I'm seeing Ellie Morgan today", "Session with Shauna Kelly, 22", "meeting Tom (19)"
  new RegExp(
    `\\b(?:[Ss]eeing|[Mm]eeting|[Ss]ession with|[Aa]ppointment with|[Ii]nterview with|[Hh]ere with|[Ss]itting with|[Ii]'m with|I am with)\\s+${NAME}(?:\\s+[A-Z][a-z]+)?(?=\\s+today|\\s+now|\\s+this|\\s*[,(]|\\s+who|\\s+aged|\\s+\\d)`,
  ),
  // "Learner is Jordan, 18", "the client's name is Sam", "the young person is Kai"
  new RegExp(
    `\\b(?:[Ll]earner|[Cc]lient|[Cc]andidate|[Ss]tudent|[Yy]oung person|[Cc]laimant|[Cc]ustomer)(?:'s name)? (?:is|=)\\s+${NAME}\\b(?!\\s+(?:Level|NVQ|Contact|Call))`,
  ),
  // "Claimant: Dylan, 24", "(Sunita, 34)", "Tom, 18,"
  new RegExp(
    `(?:^|[(:,•]\\s*|\\n\\s*[-*]?\\s*)${NAME},?\\s+(?:is\\s+|aged\\s+)?(?:1[4-9]|[2-7]\\d)\\b(?!\\s*(?:years?|yrs?|months?)\\s+(?:in|of|as|at|experience))`,
  ),
  /(?:^|[(:,]\s*)([A-Z][a-z]{1,19}),?\s+(?:is\s+|aged\s+)?(?:1[4-9]|[2-7]\d)\b(?!\s*(?:years?|yrs?|months?)\s+(?:in|of|as|at|experience))/,
  /\b([A-Z][a-z]{1,19})\s+\((?:1[4-9]|[2-7]\d)\)/,
  // "my client, Mr Declan Kelly (aged 49)": a title names the person, and is no name itself ("I'm Mrs
  // Evans" is the writer).
  /(?<!\b(?:I'm|I am|Im|[Tt]his is|name is|name's)\s)\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z][a-z]{1,19}(?: [A-Z][a-z]{1,19})?)\b/,
  // "a gentleman (Paul) who's 57", "Team member (Nadia) is"
  /\b(?:gentleman|lady|man|woman|member|lad|girl|boy|person|learner|student|client|customer)\s+\(([A-Z][a-z]{1,19})\)/,
  // "Chloe on my team is", "Kieran holds"
  /\b([A-Z][a-z]{1,19}) (?:on|in|from) (?:my|our) (?:team|course|caseload|books|class|group)\b/,
  // "Raj is a Key Account Manager", "Tanya has been supervising": a name opening a sentence.
  // ("Manager at a telesales centre: Jodie's been with us since June".)
  /(?:^|[.!?:-]\s+)([A-Z][a-z]{1,19})(?: is| has| was| wants| did| does| works| started| joined| asked| needs| holds|'s been|’s been|'s got|’s got)\b/,
];

/** A capitalised word that may be a person's name: not a common word, a title or a place. */
export const isPersonName = (word: string) =>
  !NOT_NAMES.has(word) && !REFERENT_WORDS.has(word.toLowerCase()) && !isPlace(word);

/** A town or county ("Careers adviser, Derry."), not a person. */
const isPlace = (name: string) => {
  const k = name.toLowerCase();
  return PLACES.has(k) || NEEDS_CONTEXT.has(k) || AMBIGUOUS.has(k);
};

/** The writer's own name: "my name's Kayleigh", "Hi, I'm Rhian, a CSA", "hi im jade". */
const OWN_NAME = new RegExp(
  `\\b(?:[Mm]y name is|[Mm]y name's|[Mm]y names|I'm|I’m|Im|im|i'm|I am|i am|[Tt]his is)\\s+${NAME}(?=\\s*(?:[,.!?]|$| and | im | i'm | from | aged | \\d))`,
);
const OWN_NAME_LOWER =
  /^\s*(?:hi|hello|hiya|hey)?[,!]?\s*(?:my name is|my names|i'm|im|i am)\s+([a-z]{2,15})\s*[,.!]?\s*$/i;

/** The name of someone writing about themselves, when they give it. */
export function ownNameIn(raw: string): string | undefined {
  const m = OWN_NAME.exec(raw) ?? OWN_NAME_LOWER.exec(raw);
  const name = m?.[1];
  if (
    !name ||
    NOT_NAMES.has(name) ||
    REFERENT_WORDS.has(name.toLowerCase()) ||
    COMMON_WORDS.has(name.toLowerCase())
  )
    return undefined;
  return name[0]?.toUpperCase() + name.slice(1);
}

/** Words that follow "I'm" without being a name. */
const COMMON_WORDS = new Set(
  "ukrainian polish romanian lithuanian latvian bulgarian hungarian czech slovak albanian turkish kurdish syrian afghan iranian iraqi eritrean somali sudanese nigerian ghanaian kenyan zimbabwean indian pakistani bangladeshi chinese filipino brazilian italian spanish portuguese french german irish scottish welsh english british dyslexic autistic disabled deaf blind pregnant married single divorced a an the not just so really very still fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty currently now here looking after working doing trying wanting thinking interested keen new sorry confused unemployed employed retired based from in on at with back off out over under about 16 17 18 19 also only already well good fine ok okay happy glad unsure stuck lost".split(
    " ",
  ),
);

/** The learner's name as someone writing about them gives it: "my client Priya", "Claimant: Dylan, 24". */
const NAME_PATTERNS_G = NAME_PATTERNS.map((re) => new RegExp(re.source, "g"));
export function learnerNameIn(raw: string): string | undefined {
  // A name is a capitalised word: a message without one names no one.
  if (!/[A-Z][a-z]/.test(raw)) return undefined;
  for (const re of NAME_PATTERNS_G) {
    for (const m of matchesOf(re, raw)) {
      const name = m[1];
      if (name && !NOT_NAMES.has(name) && !REFERENT_WORDS.has(name.toLowerCase()) && !isPlace(name)) {
        // "my daughter Megan Evans is 17": the surname given with it is part of the name.
        if (name.includes(" ")) return name;
        const at = (m.index ?? 0) + m[0].indexOf(name) + name.length;
        const surname = /^ ((?:Mc|Mac|O')?[A-Z][a-z]{1,19}(?:-[A-Z][a-z]{1,19})?)\b(?![-'])/.exec(
          raw.slice(at),
        )?.[1];
        return surname && isPersonName(surname) && !/^(?:Mc|Mac)$/.test(surname)
          ? `${name} ${surname}`
          : name;
      }
    }
  }
  return undefined;
}

/** A sentence opening with a name that says something of that person ("Tanya has been..."). */
export function opensWithName(raw: string): boolean {
  const m =
    /^\s*(?:and |but |so )?([A-Z][a-z]{1,19})(?:'s| is| has| was| wants| did| does| works| started| joined| asked| needs| would| will| can| could)\b/.exec(
      raw,
    );
  return !!m?.[1] && !NOT_NAMES.has(m[1]);
}

const AGE_NUMBER = "(1[4-9]|[2-7]\\d)";
const NOT_DURATION =
  // ("my lad's 15, year 10": a school year after the age is no length.)
  "(?!\\s*(?:year(?! (?:[7-9]|1[0-4])\\b)|years|yrs?|months?|mths?|weeks?|wks?)\\b(?! old))(?! (?:to )?\\d)(?! (?:in|on|by) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|(?: next| this) (?:week|month|year))";
/** The age of the person written about, read next to the mention of them. */
const OTHER_AGE = [
  new RegExp(
    `\\b(?:${KIN}|${CHARGE}|${STAFF})s?(?: of (?:mine|ours))?(?: [a-z]+)?,? (?:who is |who s |whos |is |s |aged |age |now |only |just )*${AGE_NUMBER}\\b${NOT_DURATION}`,
  ),
  new RegExp(`\\bmy ${AGE_NUMBER} (?:year old|yo)\\b`),
  new RegExp(`\\bwho ?(?:is|s) (?:only |now |just |about )?${AGE_NUMBER}\\b${NOT_DURATION}`),
  new RegExp(
    `\\b(?:he|she|they) (?:is|s|are|re) (?:only |now |just |about )?${AGE_NUMBER}\\b${NOT_DURATION}`,
  ),
  new RegExp(`\\b(?:do|take|start|apply)\\b.{0,40}\\bat ${AGE_NUMBER}\\b(?! (?:to )?\\d)`),
];

/** "Tom, 18,", "Niamh is 17", "(Sunita, 34)": an age next to a name, in the text as typed. */
const NAMED_AGE = new RegExp(
  `\\b${NAME}(?:,? (?:who is |who's |is |'s |aged |age )|'s |’s |,? )(?:only |now |just )?${AGE_NUMBER}\\b(?!\\s*(?:years?|yrs?|months?|mths?|weeks?)\\s+(?:in|of|experience|as|at))(?!\\s*(?:-|to)\\s*\\d)(?! (?:in|on|by) (?:[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec))`,
  "g",
);

/** The age of the learner someone writes about, or undefined: `text` normalise()d, `raw` as typed. */
export function otherAgeIn(text: string, raw: string): number | undefined {
  for (const re of OTHER_AGE) {
    const m = re.exec(text);
    if (m) return Number(m[m.length - 1]);
  }
  for (const m of matchesOf(NAMED_AGE, raw)) if (m[1] && !NOT_NAMES.has(m[1])) return Number(m[2]);
  // "Zara (30)", "(17, Year 13)"
  const bracket = /\b[A-Z][a-z]+ \((1[4-9]|[2-7]\d)\)|\((1[4-9]|[2-7]\d),/.exec(raw);
  if (bracket) return Number(bracket[1] ?? bracket[2]);
  return undefined;
}

/** Ranges of ages ("aged 16-18", "17 to 70") name a group, not one learner's age. */
export const AGE_RANGE = /\b(1[4-9]|[2-7]\d) (?:to )?(1[4-9]|[2-9]\d)s?\b/g;
