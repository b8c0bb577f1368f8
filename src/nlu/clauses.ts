import { isPersonName, opensWithName, otherMention } from "./learner.ts";
import { normalise } from "./text.ts";

/**
 * A message split into clauses, each read for who it is about, whether it is negated and what kind of
 * statement it is. Only present facts about the learner fill the profile: "I want to work in a call
 * centre" is a wish, "I used to be a team leader" is past, "sitting my GCSEs" is not yet achieved.
 */
export type Modality = "fact" | "past" | "wish" | "future" | "progress";
export type Subject = "self" | "other" | "none";

export interface Clause {
  /** The clause as typed. */
  raw: string;
  /** normalise()d. */
  text: string;
  negated: boolean;
  modality: Modality;
  subject: Subject;
  question: boolean;
}

const WISH =
  /^(?:(?:and|but|so|im|i am|been|was) )?thinking(?= (?:a |an )?(?:call|contact|customer|help|service|office|phone|admin|sales)\b)|\b(want|wants|wanted|wanting|wanna|would like|id like|shed like|hed like|theyd like|wed like|like to|love to|hoping|hope to|hopes to|thinking of|thinking about|think about|looking to|looking at|looking for|looking into|interested in|considering|consider|keen on|keen to|planning (to|on)|plan to|plans to|aiming|aim to|aims to|trying to|eager|applying|apply for|dream|fancy|see myself|move into|move to|get into|go into|get back into|go back|back into|get a job|find a job|become|becoming|rather be|d rather|would rather|prefer to|should (?:look at|look into|try|apply|go for|get into|think about|consider))\b/;
const FUTURE =
  /\b(will|ill|going to|gonna|starting (in|on|next|from)|start (in|on|next)|starts (in|on|next)|(starting|starts|start) (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)|next (year|month|week|term)|soon|about to|offered|due to start|when i (leave|finish)|when (he|she|they) (leaves|finishes)|after (my|his|her|their|i|school|college|sixth form|exams|gcses|a levels|uni)|leaving)\b/;
/** "after my GCSEs" says when; with "left" or "worked" it is past, not a plan ("left school after my GCSEs"). */
const AFTER = /\bafter (my|his|her|their|i|school|college|sixth form|exams|gcses|a levels|uni)\b/g;
// ("started in the summer after my A levels": begun, not to come.)
const PAST_DONE = /\b(left|worked|did|was|were|had|finished|quit|stopped|moved|started|joined|began)\b/;
const PAST =
  /\b(finished|graduated|used to|was|were|previously|before that|before this|before i|prior to|formerly|ex|retired|supervised|managed|led|ran|at the end|towards the end|left|made redundant|had been|did|worked|spent|back in|years ago|until|til|till|then i|i had|redundant|dropped out|career break|ended|which ended|that ended|sacked|fired|got the sack|retirement)\b/;
const PROGRESS =
  /\b(doing|sitting|studying|taking|working towards|currently doing|halfway|half way|part way|partway|midway|not sat|predicted|resitting|in (year|yr|s) ?\d+|at (school|college|uni|university|sixth form)|in (sixth form|college|school)|first year|second year|final year|atm)\b/;
const NEGATION =
  /\b(no|not|never|dont|doesnt|didnt|havent|hasnt|hadnt|isnt|arent|wasnt|cant|cannot|without|none|nothing|zero|nil|nah)\b/;
const SELF = /\b(i|im|ive|id|me|my|myself|mine)\b/;
/** A person other than the writer as the subject of a clause ("she has", "he's been"), not an object ("failed them all"). */
const OTHER =
  /^(?:and |but |so |now )?(he|she|hes|shes|theyre|they)\b|^(?:and |but |so )?(his|her|their) [a-z]+( [a-z]+)? (is|are|was|were|has|have)\b|^(who|whos|who has|who is)\b|\b(he|she|they) (is|has|was|wants|does|did|works|worked|needs|would|will|can|could|had|got|left|started|joined)\b|\b(hes|shes|theyre|theyve|hed|shed)\b/;
/** "has been on the phones since 2021", "have worked there for 3 years": still true today. */
const CONTINUING =
  /\b(ive|i have|weve|has|hes|shes|have|s|been) (been|worked|working|supervised|managed|led|run)\b(?!.*\b(used to|until|till|before that|previously|then left|got laid off|made redundant)\b)|\bsince\b(?!.*\b(used to|until|till|before that|previously|out of work|unemployed|off work)\b)/;
const QUESTION_START =
  /^(can|could|is|are|am|do|does|did|what|whats|which|how|should|would|will|where|when|why|who|any|anything|hows)\b/;

const CAPITALISED = /[A-Z][a-z]/;

/** Splits before sentence ends, semicolons, new lines, "but", "before that", "then", dashes and brackets; never inside a list of numbers. */
function split(text: string): string[] {
  // Most answers are one clause: no need for the full split.
  if (!/[.!?;:\n(),–—-]|\s(but|before|then|although|though|however|whereas|while|now|and|an)\s/i.test(text))
    return [text.trim()];
  return text
    .split(
      /(?<=[.!?])\s+|[;\n]+|\s*[()]\s*|,(?!\s*\d{1,3}\s*(?:,|and\b|&|$))|\s+(?:but|before that|and then|then|although|though|however|whereas|while|now)\s+|\s+[-–—]\s+|\s+and\s+(?=my (?:manager|boss|tl|team leader|supervisor|assessor|employer|mum|dad) )|\s+and\s+(?=(?:i|im|i'm|ive|i've|want|wants|wanna|would|hope|am|have|has|was|been|got|now|she|he|they|looking|thinking|need|needs|dont|don't|do not|not|never|cant|can't|is keen|is interested|is hoping)\b)|\s+(?=(?:he's|she's|hes|shes|i've|they've|theyve) got\b)|\s+an\s+(?=(?:i|im|i'm|i'd|id|ive|i've)\b)|:\s+/i,
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  let subject: Subject = "none";
  const parts = split(text.slice(0, 2000)).map((raw) => ({ raw, t: normalise(raw) }));
  for (const [i, { raw, t }] of parts.entries()) {
    if (!t) continue;
    // "Ellie (16) got 8 GCSEs", "Tom, 18, ...": a name standing alone, then an age, is someone else.
    // ("Jess, 16, Carrickfergus": the name and the age in one clause.)
    // (Every name pattern below but the staff title's needs a capital before a small letter.)
    const capitalised = CAPITALISED.test(raw);
    const nameAge = capitalised ? /^([A-Z][a-z]{1,19}),?\s+\(?(?:1[4-9]|[2-7]\d)\)?$/.exec(raw) : null;
    const namedWithAge =
      (capitalised &&
        /^[A-Z][a-z]{1,19}$/.test(raw) &&
        isPersonName(raw) &&
        /^(1[4-9]|[2-7]\d)\b(?! ?(years?|yrs?|months?|mths?|weeks?)\b(?! old))/.test(
          parts[i + 1]?.t ?? "",
        )) ||
      (i === 0 &&
        !!nameAge &&
        isPersonName(nameAge[1] ?? "") &&
        !/^(now|unemployed|employed|female|male|aged?|currently|single|married|retired|divorced|widowed|just|still|only|about|around|nearly|almost|over|under|mid|early|late)$/i.test(
          nameAge[1] ?? "",
        ));
    // "Our senior team lead, Aled, wants...": the title, then the name set off by commas.
    // (The name after it tested first: most clauses are followed by none.)
    const staffThenName =
      /^[A-Z][a-z]{1,19}$/.test(parts[i + 1]?.raw ?? "") &&
      /^(?:[Mm]y|[Oo]ur)(?: [a-z]+){0,3} (?:agent|advisor|adviser|supervisor|team leader|team lead|TL|team manager|planner|analyst|operator|operative|apprentice|trainee)$/.test(
        raw,
      ) &&
      isPersonName(parts[i + 1]?.raw ?? "");
    // "Our supervisor Gareth", "my TL Fraser": one of the writer's staff, named.
    const staffName =
      capitalised &&
      /\b(?:[Mm]y|[Oo]ur)(?: [a-z]+){0,2} (?:agent|advisor|adviser|supervisor|team leader|TL|team manager|planner|analyst|operator|operative|apprentice|trainee)s? ([A-Z][a-z]{1,19})\b(?! (?:says|said|told|tells|thinks|reckons|suggested|suggests|mentioned|wants me|asked me|keeps))/.exec(
        raw,
      );
    // "Mrs Anita Patel, 38", "Mr Jones is unemployed": a titled name is someone the writer speaks of.
    const titled = capitalised && /^(?:Mrs|Mr|Ms|Miss|Mx|Dr)\.? [A-Z][a-z]{1,19}\b/.test(raw);
    // "Our Kieran is 17", "Agent Erin (19)", "Client Kirsty, 31": a name with "our" or a word for the
    // person before it opens a sentence about them.
    const ownedName = !capitalised
      ? null
      : (/\b(?:[Oo]ur|[Mm]y) ([A-Z][a-z]{1,19})(?:'s|’s| is| has| was| wants| works| did| got)\b/.exec(raw) ??
        /^(?:Client|Customer|Claimant|Student|Pupil|Learner|Candidate|Son|Daughter|Stepson|Stepdaughter|Agent|Advisor|Adviser|Apprentice|Trainee|Employee)[:,]? ([A-Z][a-z]{1,19})$/.exec(
          raw,
        ));
    const other =
      namedWithAge ||
      titled ||
      staffThenName ||
      (staffName && isPersonName(staffName[1] ?? "")) ||
      (ownedName && isPersonName(ownedName[1] ?? ""))
        ? { start: 0, end: t.length }
        : // "my son is 17" is about the son; "I" with no one else named is the writer.
          otherMention(
            t,
            parts
              .slice(i + 1, i + 3)
              .map((p) => p.t)
              .join(" "),
          );
    const rest = other ? t.slice(0, other.start) + t.slice(other.end) : t;
    // ("Who's right?" asks; it names no one.)
    const own: Subject =
      other || (capitalised && opensWithName(raw))
        ? "other"
        : SELF.test(rest)
          ? "self"
          : OTHER.test(rest) && !(/^(who|whos)\b/.test(t) && /\?\s*$/.test(raw))
            ? "other"
            : "none";
    // A clause with no subject of its own continues the one before ("Team leader, 3 years"); a bare
    // phrase ("(level 2 cert)") keeps the kind of statement it belongs to.
    if (own !== "none") subject = own;
    const prev = out.at(-1);
    // (Each pattern is tested once: the modality below reads the same four.)
    const wish = WISH.test(t);
    const future = FUTURE.test(t);
    const progress = PROGRESS.test(t);
    const past = PAST.test(t);
    const cue = wish || future || progress || past;
    // ("Left school with nothing. Now 27, working in a bar": "now" says the present, not the past before it.)
    const present = /\b(now|currently|still|at the moment|atm|these days|nowadays)\b/.test(t);
    if (!cue && !present && own === "none" && prev && prev.modality !== "fact" && t.split(" ").length <= 4) {
      out.push({
        raw,
        text: t,
        negated: NEGATION.test(t),
        modality: prev.modality,
        subject,
        question: prev.question || /\?\s*$/.test(raw),
      });
      continue;
    }
    // "I was an agent and then a team leader at a call centre": a job named with no verb of its own,
    // after a past clause, is past as well.
    if (
      !cue &&
      !present &&
      own === "none" &&
      prev?.modality === "past" &&
      /^(?:and )?(?:then )?(?:a|an)\b/.test(t) &&
      !/\b(is|are|am|has|have|do|does|work|works|working)\b/.test(t)
    ) {
      out.push({
        raw,
        text: t,
        negated: NEGATION.test(t),
        modality: "past",
        subject,
        question: /\?\s*$/.test(raw),
      });
      continue;
    }
    const modality: Modality = wish
      ? "wish"
      : future && !(PAST_DONE.test(t) && !FUTURE.test(t.replace(AFTER, " ")))
        ? "future"
        : progress
          ? "progress"
          : past && !CONTINUING.test(t)
            ? "past"
            : "fact";
    out.push({
      raw,
      text: t,
      negated: NEGATION.test(t),
      modality,
      subject,
      // ("Catriona, who has never had a job", "Gwenllian, 17, is at sixth form": after a comma the
      // sentence goes on; it does not ask.)
      question:
        /\?\s*$/.test(raw) ||
        (QUESTION_START.test(t) &&
          !(
            /^(who|whos|is|are|has|have|was|were|did|does)\b/.test(t) &&
            text
              .slice(0, Math.max(0, text.indexOf(raw)))
              .trimEnd()
              .endsWith(",")
          )),
    });
  }
  return out;
}

/** Contact-centre or customer-service work, by what the words name. */
export const CC_WORK =
  /\b(contact centre|call centre|cc|call centres|contact centres|helpdesk|help desk|service desk|phones|on the lines|telesales|telephone|customer service|customer services|customer support|customer contact|agent|agents|advisor|csa|tl|team leader|team lead|supervisor|supervising|manager|managing|scheduler|scheduling|planner|workforce|wfm|account manager|helpline|111|inbound|outbound|call handling|call handler|sales advisor|calls|calling|(?:sales|complaints|phone|customer|support|service|booking|bookings|enquiry|enquiries|advice|fault|broadband|billing|claims) line|over the phone|on the phone|by phone|cold calling|switchboard|webchat|telephone banking|customer contact)\b/;
/** Work or time away that is not contact-centre work. */
export const OTHER_WORK =
  /\b(postman|postwoman|post office|army|navy|raf|military|forces|police|retail|shop|shops|store|warehouse|factory|nursing|nurse|hca|care home|carer|caring|steelworks|hairdress\w*|hotel|reception|receptionist|bank branch|counter|kids|children|twins|career break|off work|been off|time off|off for|maternity|stay at home|at home|mum|dad|school|college|uni|university|degree|cafe|restaurant|bar|pub|office|admin|unemployed|out of work|redundant|retired|greggs|asda|tesco|primark|next|sports direct|teaching|teacher|building|construction|driving|driver|hairdresser|hairdressing|postie|universal credit|job centre|nursery|bakery|labour\w*|cleaning|cleaner|salon|kitchen|chef|farm|cashier|security guard|civil servant|civil service|taxi|living in|live in|lived in)\b/;
