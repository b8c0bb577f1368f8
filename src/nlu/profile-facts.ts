import type { Catalogue } from "../catalogue/load.ts";
import { CC_WORK, type Clause, OTHER_WORK } from "./clauses.ts";
import { monthsSince, rangeMonthsIn, startDateIn } from "./dates.ts";
import { parseDurationMonths } from "./duration.ts";
import { AMBIGUOUS, LIKELY, type Nation, NEEDS_CONTEXT, PLACES, POSTCODE_AREAS } from "./gazetteer.ts";
import { otherMention } from "./learner.ts";
import { levelsIn } from "./levels.ts";
import { roleIn } from "./roles.ts";
import { matchesOf } from "./text.ts";

/** What the clauses of a message say about the learner's profile, with how each was read. */
export interface ProfileReading {
  role?: string | null;
  /** A contact-centre role held before, not now ("he also supervised 3 people at the end"). */
  pastRole?: string;
  working?: boolean;
  experienceMonths?: number;
  level?: number;
  apprenticeship?: boolean;
  nation?: Nation;
  /** Someone writes about another person (an adviser, a parent, a teacher, an employer). */
  aboutOther: boolean;
  evidence: { slot: string; read: string; how: string }[];
}

const DURATION =
  /\b(\d+(\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|couple|few|several|half)\s*(and a half\s*)?(of\s*)?(years?|yrs?|y|months?|mths?|mos?|m|weeks?|wks?|w|fortnights?|decades?)\b/;
/** "two years ago": when something happened, not a length. */
const AGO =
  /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|couple of|few) (years?|yrs?|months?|mths?|weeks?|wks?) ago\b/g;
/** Words saying a span ended ("until two years ago", "left a year ago"). */
const SPAN_ENDED = /\b(until|till|til|up to|ended|left|stopped|quit|finished|redundant|let go|laid off)\b/;
/** A contact-centre qualification's title ("NVQ Certificate in Contact Centre Operations"). */
const QUALIFICATION_TITLE =
  /\b(?<=(?:nvqs?|svqs?|certificates?|cert|diplomas?|principles|awards?|apprenticeships?|qualifications?|courses?|pathways?)(?: [a-z]+){0,2} )(?:in|of) (?:contact|call) centres?(?: operations)?\b|\bprinciples of contact centre operations\b|\bcontact centre operations\b/g;
const OVERALL =
  /\b(overall|total|in total|altogether|all together|in all|in the industry|in contact centres|in call centres|in cc|in the sector)\b/;
/** A clause saying there is no contact-centre experience: what follows it is not a contact-centre span. */
export const NO_CC_EXPERIENCE_CLAUSE =
  /\bno (cc|contact centre|call centre|customer service|phone|relevant) (experience|exp)\b/;
const NO_CC_EXPERIENCE =
  /\b((no|zero|nil) (previous |prior |relevant )?(cc|call centre|contact centre|customer service|customer services|customer facing|phone|telephone|office)(( or| and|,) (cc|call centre|contact centre|customer service|customer services|customer facing|phone|telephone|office))* (experience|exp|background)|never (done|had|did) (any )?([a-z]+ (or|and) )?(phone|phones|office|call centre|contact centre|customer service|cc) (work|jobs?|experience)|never (done|worked( in| with| on)?|had) (any )?(customer service|customers|phones|the phones|call centres?|contact centres?|an office|in an office or on the phones)|no (cc|call centre|contact centre|customer facing|customer service|phone) (exp|experience)|never worked|never done anything like (it|this|that)|(0|zero|nil) (experience|exp)|no (cc|contact centre|call centre|customer service|phone|relevant|work) (experience|exp)|never (worked|been) (in|on) (a |the )?(call centre|contact centre|cc|phones)|never done (office work or )?phones|no experience|no work experience|never had a (proper )?job|complete beginner|brand new|zero experience)\b/;
const JUST_STARTED =
  /\b(just (started|begun|joined)|started (on )?(monday|tuesday|wednesday|thursday|friday|yesterday|today)|jus started|first (day|week)|week (1|2|one|two)|(1st|2nd|first|second) week|(a|one) (week|wk) (in|into)|started (last|this) week)\b/;
const NOT_IN_CC =
  /\b(dont|do not|doesnt|does not|never) (currently )?(work|works|worked)( in| at| for)? (a |the |any )?(contact|call) centres?\b|\bnot (in |at )?(a |the )?(contact|call) centre\b|\bnot (cc|contact centre|call centre) (work|based)\b/;
/** NOT_IN_CC, run only on text naming a centre or "cc" (each of its patterns does). */
const notInCc = (text: string) => (text.includes("centre") || text.includes("cc")) && NOT_IN_CC.test(text);
/** A job outside contact centres ("work in a warehouse", "I'm a dog groomer now", "19 and an office junior at a solicitors"). */
export const WORKS_ELSEWHERE =
  /\b(leaving|leave|quit|quitting|get out of|sick of) (the |my )?(army|navy|raf|forces|nursing|teaching|retail|hospitality|care work|factory|warehouse|kitchen)\b|\b(work|works|working|worked|job|employed|been)\b.{0,30}\b(in|at|for|on) (a |an |the )?([a-z]+ ){0,2}(warehouse|factory|factories|shop|retail|store|greggs|chippy|takeaway|asda|tesco|aldi|lidl|morrisons|sainsburys|boots|argos|co op|coop|spar|iceland|waitrose|wilko|poundland|superdrug|b and q|amazon|primark|mcdonalds|mcdonald s|jd sports|sports direct|river island|petrol station|maccies|maccys|maccas|mcdonalds|burger king|nandos|pizza hut|dominos|wetherspoons|spoons|kfc|costa|starbucks|subway|nhs|hotel|hospitality|nursing|care home|restaurant|cafe|bar|pub|school|nursery|hospital|office|farm|bakery|kitchen|supermarket|tills|building site|building sites|construction|plant|processing plant|mill|depot|garage|salon|solicitors|law firm|estate agents|dentists|vets|gym|leisure centre|care agency)\b|\b(on|behind|work|works|working) (the )?(tills?|checkouts?|shop floor)\b|\b(retail|shop|checkout|store|till) (assistant|worker|colleague|operator)\b|\b(manager|supervisor|assistant|team leader) (of|at|in) (a |an |the )?([a-z]+ ){0,2}(shop|store|warehouse|bar|pub|restaurant|cafe|hotel|garage|petrol station|salon|factory|supermarket)\b|\bzero hours contract\b|\bdelivering (post|parcels|mail|letters)\b|\b(do|does|doing|done) (bits of |a bit of |some |odd bits of )?(admin|cleaning|bar work|care work|agency work|deliveries)\b|\b(volunteer|volunteers|volunteering) (at|in|for|with)\b|\b(drive|drives|driving) (a |an )?(taxi|cab|lorry|van|bus|truck)\b|\b(garden|leisure|sports|shopping|garden) centre\b|\b(fisherman|fisher|gardener|farmer|soldier|joiner|painter|plasterer|self employed|dog walker|lab technician|social worker|solicitor|accountant)\b|\b(saturday|weekend) job\b(?!.{0,30}\b(call|contact) centre)|(?:^(?=an? )|\band (?=an? )|\b(im|i am|been|hes|shes|is|currently|now|work as|working as|works as|worked as|done \d+ (years?|yrs) (in [a-z ]+ )?as) )(a |an )?([a-z-]+ )?(nurse|hairdresser|carer|care worker|cleaner|postman|postie|porter|teacher|ta|teaching assistant|driver|chef|cook|farmer|labourer|cashier|shop assistant|barista|waiter|waitress|mechanic|builder|electrician|plumber|receptionist|lorry driver|delivery driver|warehouse operative|care assistant|support worker|full time mum|stay at home mum|stay at home dad|housewife|student|bouncer|doorman|door supervisor|bartender|barman|barmaid|courier|postwoman|kitchen porter|forklift driver|bin man|binman|groomer|dog groomer|office junior|admin assistant|office assistant|shelf stacker|lifeguard|personal trainer|beautician|nail tech|florist|butcher|baker|van driver|security guard|paralegal|legal secretary|secretary|dental nurse|vet nurse|pharmacist|estate agent|bookkeeper|accounts assistant|lab assistant|kitchen assistant|landscaper)\b(?! (for|at|in) (a |the )?(call|contact) centre)/;
/** A job now outside contact centres, named by what it is: "warehouse picker", "in the RAF", "drive for Deliveroo". */
const OTHER_JOB_NOW =
  /^(?:(?:and|but|so) )?(?:now |currently |still )?(?:(?:im|i am|i m|hes|shes|he is|she is) (?:now |currently |still )?(?:a |an )?)?(?:[a-z]+ )?(?:warehouse (?:picker|packer|operative|worker)|forklift driver|delivery driver|bus driver|lorry driver|hgv driver|taxi driver|van driver|courier|postman|postie|chef|cook|waiter|waitress|barista|bartender|cleaner|porter|security guard|shop assistant|sales assistant|retail assistant|cashier|checkout operator|shelf stacker|labourer|builder|electrician|plumber|mechanic|hairdresser|primary teacher|secondary teacher|nurse|healthcare assistant|care worker|carer|ward clerk|soldier|signaller)\b|\b(?:im|i am|i m|hes|shes|he is|she is|currently|still) (?:serving )?in the (?:army|navy|raf|royal navy|marines|forces)\b|\b(?:i |he |she )?(?:drive|drives|driving|deliver|delivers|delivering|ride|rides|riding) for (?:deliveroo|uber|uber eats|just eat|amazon|evri|dpd|hermes|royal mail|ups|dhl)\b|\b(?:stacking|stack) shelves\b|\b(?:picker|packer|operative|worker) (?:in|at|for) (?:a |an |the )?(?:warehouse|factory|distribution centre)\b|\b(?:working|work|wrk|works) (?:in|at) (?:boots|tesco|asda|aldi|lidl|mcdonalds|maccies|greggs|primark|argos|morrisons|sainsburys|costa|starbucks|subway|kfc|a (?:pub|bar|cafe|restaurant|hotel|shop|supermarket|warehouse|factory|school|hospital|care home|nursery))\b/;

/** What a clause wishes for, to its end: only the words before it state facts ("he's in year 11 and wants to work in a call centre"). */
/** A job now at a place: "works in a salon", "my job at Greggs" (CC_WORK says which are contact centres). */
const PLACE_NOW =
  /\b(?:(works|working|employed) (?:in|at|for)|(?:my|his|her) (?:current |day |full time |part time )?job (?:in|at|with)) (?!(?:a |an |the )?(?:home|sales|office|team)\b|(?:me|you|us|him|her|them)\b)/;
const WISHED_WORK = /\b(want|wants|wanting|would like|keen|interested|hoping|hopes|thinking)\b.*$/;
/** Not in work now: unemployed, in education, at home, in prison, sacked, retired early, "on the buroo", "not currently employed" (an adverb between), "jobless"... */
export const NOT_WORKING =
  /\b(job hunting|lost my job|(been|got|was|were|just been) let go|(they|then they|but they|and they) (let|have let|ve let) (me|him|her|them) go|(took|taken|got|accepted) (voluntary )?redundancy|(isnt|arent|wasnt|is not|are not|im not|am not|hes not|shes not) (currently )?(working|in work|employed)|(not|havent|hasnt|not yet) found (anything|a job|work|another job)|(has|have|hes|shes|ive|i have) never worked\b(?! (in|on|at|with|for|as) )|(?:^|(?:but|and) )(i |he |she |they )?left (?!school|college|uni|sixth form|education|home|the army|the forces)((the |my |his |her |that |their )?(job|company|role|there|it) (in (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|(19|20)\d\d)|last (week|month|year)|\w+ (weeks?|months?|years?) ago)|last (week|month|year)|this (week|month|year)|\w+ (weeks?|months?|years?) ago)|signed off|off sick|on the sick|on the (?:buroo|broo|dole|social)|(got |been |was |were |just got )?(sacked|fired|dismissed)|got the sack|(took|taken|take) (early )?retirement|(havent|hasnt|have not|has not) worked since|in prison|im inside|inside at the moment|never had a job|(havent|have not|hasnt|has not|not|never|not yet) (had|got|done) (a |any )?(proper |paid |real )?(job|work)|now im out|left the (army|forces|navy|raf)|been off|off work|time off|had my kids|raising (my |the )?kids|at home with|never (had|done) a (proper |paid )?job|never had a paid job|not got a job|no job|havent got a job|dont have a job|unemployed|out of work|between jobs|(?<!not )looking for work|look for work|job ?seekers?|redundant|laid off|retired|stay at home|career break|not working|not in (paid )?(work|employment)|not (currently|presently|at present) (working|employed|in work)|jobless|neet|doing nothing|on universal credit|universal credit|on esa|on benefits|no work history|left my job|returning to work|back to work|get back into work|on maternity|maternity leave|in prison|getting released|due for release|shut down)\b/;
/** Contact-centre work now, by what the words name ("on the phones", "I do cold calling", "take calls"). */
const CC_NOW =
  /\b(work|works|working|job|employed|based|been|im|i am|hes|shes|is|are|do|does|doing|take|takes|taking|answer|answers|answering|handle|handles|handling|on|at|in)\b.{0,40}\b(call centre|contact centre|cc|call centres|contact centres|helpdesk|help desk|service desk|the phones|phones|on the phone|over the phone|by phone|telesales|cold calling|calls|helpline|switchboard|webchat|telephone banking|customer service calls|customer contact team|inbound|outbound)\b/;
export const AT_SCHOOL =
  /\b(leaving school|doing (my |her |his )?(a levels|gcses|highers|btec|a btec|degree|masters)|just left school|just finished school|sitting my (gcses|a levels|highers|exams|nat 5s|national 5s)|(currently )?studying|when i leave school|leave school|access course|at the tech|at tech|college course)\b|\b(at|in) (school|college|uni|university|sixth form)\b|\b(year|yr) ?(10|11|12|13)\b|\bs[3-6]\b|\bstudent\b|\bpupil\b|\bschool leaver\b|\bleaving school\b|\bfinished (uni|school|college|my a levels|my gcses)\b/;
// ("in my final year of a business degree, graduating in June": still being studied.)
const STUDYING =
  /\b(doing|sitting|studying|taking|resitting|predicted|not sat|working towards|halfway through|currently on|student|apprentice on|(first|second|third|fourth|final|last) year (of|at)|graduating|(?:i|he|she|they|we) (?:sit|sits|take|takes) (?:my |his |her |their |the )?(?:gcses|a levels|highers|exams|nat 5s|national 5s))\b/;
/** Staff the writer names ("my team leaders", "our agents"), in a clause about the writer. */
const OTHERS_STAFF =
  /\b(my|our|for my|for our|the|their|his|her) ([a-z]+ )?(tls?|team leaders?|supervisors?|managers?|agents?|advisors?|planners?|staff|team)\b/g;
/** "an NVQ level 2 in retail": a qualification in another subject, a general level. */
export const OTHER_SUBJECT = /^ (in|on) (?!contact|call|cc\b|the\b|a\b|an\b)[a-z]+/;
/** Words saying something is held. */
const HELD =
  /\b(have|has|got|hold|holds|did|done|completed|passed|finished|achieved|gained|awarded|took|ive|i ve|left school with|even with|with my|with his|with her|with their)\b(?! to\b)/;
const HELD_G = new RegExp(HELD.source, "g");
/** Someone a fact could be about: a question with none of them asks about a qualification, not a person. */
const PERSON = /\b(i|im|ive|id|me|my|mine|she|he|shes|hes|her|his|him|they|theyre|theyve|their|them)\b/;
/** A held word before `at` with nothing asking or wanting between ("I have the L2 NVQ"; not "can I do the L2 NVQ if I don't have a job"). */
function heldGoverns(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const held = matchesOf(HELD_G, before).at(-1);
  if (!held) return false;
  if (/\b(can|could|would|should|will|may|might|to)( [a-z]+){0,2} $/.test(before.slice(0, held.index)))
    return false;
  return !/\b(can|could|do|does|want|wants|like|thinking|considering|looking|ask|asks|asked|would|should|need|needs|start|starting|go|get|take|about|compare|if|whether)\b/.test(
    before.slice(held.index + held[0].length),
  );
}
/** Contact-centre work by the words that name calls, phones or a contact centre, not a job title alone. */
const STRONG_CC =
  /\b(contact centres?|call centres?|cc|ccs|phones?|telesales|telephone|customer (service|services|support|contact)|helpdesk|help desk|service desk|helpline|calls|calling|agents?|inbound|outbound|switchboard|webchat|call handl\w*|on the lines)\b/;
/** A clause that is only a length or only the dates of a span ("(20 years)", "(2019-2021)"). */
const RESTATED =
  /^(about |around |approx |roughly )?(\d+(\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty) (years?|yrs?|months?|mths?)$|^(19|20)\d\d (to |til |until )?((19|20)?\d\d|now|present|date)$/;
/** A clause naming work or time away of its own ("worked in a nursery", "a long career break"). */
const NAMES_OTHER_WORK = /\b(worked|working|work|job|career break|labouring)\b/;
/** The spans of a clause: "18 months on a sales line and a year in a bakery" is two. */
function spansOf(text: string): string[] {
  if (!/ (and|then|before|plus|followed by) /.test(text)) return [text];
  const parts = text
    .split(/ (?:and then|and(?! a half\b| half\b)|then|before|plus|followed by) /)
    .filter((x) => x.length > 0);
  // Split only where each part says a length of its own, or a later part names other work ("for 4
  // years before a long career break"): "customer services desk at B and Q for 3 years" is one span.
  const lengths = parts.filter((x) => DURATION.test(x) || BARE_LENGTH.test(x)).length;
  const otherLater = parts.slice(1).some((x) => OTHER_WORK.test(x) && !STRONG_CC.test(x));
  return parts.length > 1 && (lengths > 1 || otherLater) ? parts : [text];
}
/** "an agent for 2", "5 as an agent": a number whose unit is the span's before it. */
const BARE_LENGTH = /\bfor (\d{1,2})( before| previously| prior| before that)?\s*$|^(\d{1,2}) as\b/;
/** A writer who runs, manages or works in a contact centre ("I manage a contact centre", "we run a 40-seat centre"). */
const WRITER_CENTRE =
  /\b(i|we) (manage|run|head|lead|work (in|at|for)|have)\b|\b(im|i am) (a|an|the) ([a-z]+ ){0,3}(manager|team leader|tl|supervisor|employer|head)\b|^(employer|manager)\b/;
/** One of the writer's staff: "one of my advisors", "our new telesales operator", "has been with us". */
const CENTRE_STAFF =
  /\b(one of (my|our)|my|our)( [a-z]+){0,2} (agents?|advisors?|staff|team members?|employees?|new starters?|operators?|operatives?|tls?|team leaders?|supervisors?|trainees?)\b|\b(with us|joined us|started with us)\b|\bweve got a new\b/;
/** Out of work now, said plainly: a job named before it has ended ("got sacked", "left Jan 2025", "left that job in 2025"). */
const ENDED =
  /\b(unemployed|out of work|job hunting|made redundant|sacked|fired|got the sack|(took|taken) (early )?retirement|on the (buroo|broo|dole|sick)|(havent|hasnt|have not|has not) worked since|been made redundant|laid off|lost my job|lost (his|her|their) job|between jobs|let go|let (me|him|her|them) go|(took|taken|got|accepted) (voluntary )?redundancy|not working (now|at the moment|currently|right now)|currently not working|(and |but )?not (working|employed|in work)$|left (that|the|this|my|his|her|their) (job|role|post|position|company)|left (in )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*( (19|20)\d\d)?|left in (19|20)\d\d)\b/;
/** Education, as roleIn reads "not working": "at college", "a student". */
const EDUCATION = /\b(school|college|uni|university|sixth form|student|education)\b/;
/** The writer as the subject, before the person they write about ("I'm a team leader and ..."). */
const SELF_BEFORE = /\b(im|i am|i work|i manage|i run|i lead)\b/;
/** A qualification's title names no work ("Certificate in Principles of Contact Centre Operations"). */
const noTitle = (text: string) => (text.includes(" centre") ? text.replace(QUALIFICATION_TITLE, " ") : text);
/** "no quals since school", "no exams from school", "no qualifications apart from GCSEs": not none at all. */
const NONE_QUALIFIED = /^ (since|from|apart from|except|other than|besides|beyond)\b/;
/** Units of a qualification being taken, just before its name ("units 1, 2 and 4 of the OCR level 2"). */
const UNITS_OF =
  /\bunits?\b[^.?!]{0,60}\b(of|on|for|in|from|towards)( the| my| an?| his| her| their)?( ocr| cityguilds| iq| welsh)?\s*$/;
/** A level mention that names a qualification, not a learner's general level. */
const QUALIFICATION_WORDS =
  /\b(nvqs?|svqs?|certs?|certificates?|diplomas?|apprenticeships?|principles|pathways?|awards?|ocr|iq|cityguilds)\b/;
/** A pass at GCSE (grade 4 or C and above): Level 2 whatever else. */
export const HIGH_GRADES =
  /\bgrades? [4-9]\b|\b[4-9] (in|at)\b|\bat [4-9]\b|\b(a|b|c)s?\b (grades?|in)\b|\bgrades? (a|b|c)\b|\b9 4\b/;
/** Subjects named with grades, all low ("english at D, maths U"): Level 1. */
export function subjectGradesLow(t: string): boolean {
  if (!/\b(english|maths?|science|welsh)\b/.test(t)) return false;
  const grades = [
    ...t.matchAll(
      /\b(?:english|maths?|science|welsh)(?: (?:lang|language|lit|literature))?(?: (?:at|was|got|a|an|grade|i think|only))* ([a-g]|u|[1-9])\b/g,
    ),
  ].map((m) => m[1] ?? "");
  return grades.length > 0 && grades.every((g) => /^([d-g]|u|[1-3])$/.test(g));
}
/** GCSEs at low grades: Level 1. */
export const LOW_GRADES =
  /\b(d|e|f|g|ds|es|fs|3|2|1)s?( and (d|e|f|g|ds|es|fs|3|2|1|below)s?)? grades?|all (ds|es|ds and es|fails)|grades? (d|e|f|g|1|2|3)\b|\b(poor|bad|low) (gcses?|grades)\b|\bbest gcse (is|was) (a |an )?[1-3d-g]\b|\bno gcses? (above|over|higher than) (a |grade )?[1-3d-g]\b|\bmostly (d|e|f|g|[1-3])s?\b|\b(at |all )?(d|e|f|g|[1-3])s? and below\b|\b(ds|es|fs) and (below|es|fs)\b/;

/** The first word of every place name: most words start none, and are skipped at once. */
const PLACE_FIRST_WORDS = new Set(
  [...PLACES.keys(), ...NEEDS_CONTEXT.keys(), ...AMBIGUOUS].map((k) => k.split(" ")[0] ?? ""),
);

const DIGIT = /\d/;

function placeNation(text: string): { nation: Nation; place: string; likely?: true } | undefined {
  const words = text.split(" ");
  let likely: { nation: Nation; place: string; likely: true } | undefined;
  // (The words that start a place name, found once for the three widths.)
  const starts: number[] = [];
  for (let i = 0; i < words.length; i++) if (PLACE_FIRST_WORDS.has(words[i] ?? "")) starts.push(i);
  for (let n = 3; n >= 1; n--) {
    for (const i of starts) {
      if (i + n > words.length) break;
      const phrase = words.slice(i, i + n).join(" ");
      if (AMBIGUOUS.has(phrase)) {
        // ("a careers adviser in Newport": most probably the Welsh city, said back to be checked.)
        const guess = LIKELY.get(phrase);
        if (
          guess &&
          (phrase === text ||
            /\b(in|from|near|at|based|live|living|lives|around|outside)$/.test(
              words.slice(Math.max(0, i - 1), i).join(" "),
            ))
        )
          likely ??= {
            nation: guess,
            place: phrase.replace(/\b[a-z]/g, (c) => c.toUpperCase()),
            likely: true,
          };
        continue;
      }
      const nation = PLACES.get(phrase);
      // "two sites (Sunderland and Glasgow)": places in two nations say nothing of one.
      if (nation) {
        const rest = placeNation(words.slice(i + n).join(" "));
        if (rest && rest.nation !== nation) return undefined;
        return { nation, place: phrase };
      }
      const needs = NEEDS_CONTEXT.get(phrase);
      // A name that is also a word counts after "in", "from"... or as a clause of its own ("Derby.").
      if (
        needs &&
        (phrase === text ||
          // ("fae Paisley", "stay in Motherwell": Scots for "from" and "live in".)
          /\b(in|from|fae|frae|near|at|on|based|live|living|lives|around|outside)$/.test(
            words.slice(Math.max(0, i - 1), i).join(" "),
          ))
      )
        return { nation: needs, place: phrase };
    }
  }
  // A full postcode ("CF10 1AA"), or an outward code where it says where they are ("in CF10").
  // (Both need a digit.)
  const postcode = !DIGIT.test(text)
    ? null
    : (/\b([a-z]{1,2})\d{1,2}[a-z]? \d[a-z]{2}\b/.exec(text) ??
      /\b(?:postcode|in|from|near|live in|based in)\s+([a-z]{1,2})\d{1,2}[a-z]?\b/.exec(text));
  const area = postcode ? POSTCODE_AREAS.get(postcode[1] ?? "") : undefined;
  return area ? { nation: area, place: postcode?.[0] ?? "" } : likely;
}

const NATION_WORDS: [RegExp, Nation][] = [
  [/\b(northern ireland|ni|northern irish|norn iron)\b/, "Northern Ireland"],
  [/\b(wales|welsh|cymru)\b/, "Wales"],
  [/\b(scotland|scottish)\b/, "Scotland"],
  // ("english at D, maths U": a subject, not a nation.)
  [
    /\bengland\b|\benglish\b(?! (?:at|was|lang|language|lit|literature|and maths|gcse|grade|[a-g]\b|[1-9]\b))/,
    "England",
  ],
];
/** "Wales" in a question about the Welsh pathway, or "English" as a language, says nothing of where they live. */
const NOT_RESIDENCE =
  /\bscottish (power|widows|water|gas)\b|\bwelsh water\b|\bessential skills wales\b|\bwelsh( [a-z0-9]+){0,4} (apprenticeships?|pathways?|frameworks?)\b|\b(welsh|wales) (apprenticeship|pathway|government|scheme|bacc|baccalaureate|version|language|speaker)|apprenticeships? (in|for) wales|pathway (in|for) wales|across wales|in welsh|speak welsh|english (language|speaker|only|gcse|teacher|[1-9a-g]|grade)\b|\bwelsh medium|gcses? english|good at english|my english|in english|maths (and|n|&) english|english (and|n) maths|gcse english/;

/** Someone the writer names in passing, not someone they ask for: their own manager, boss or family member. */
const BYSTANDER =
  /^(?:and |but |so )?(?:my|our) (?:line manager|manager|boss|tl|team leader|supervisor|mum|mam|mom|mother|dad|father|mate|friend|cousin|brother|sister|nan|gran|auntie|aunt|uncle)( (?:has|is|s|says|said|works|worked|wants|thinks|told|did|does|was|got|reckons|keeps|holds))\b/;
/** The writer's own facts, said plainly ("I'm an agent", "im 16 and at school", "got the level 2 NVQ"). */
const SELF_FACT = /^(?:and |but |so )?(?:im|i am|i work|ive|i have|i got|got my|i hold)\b/;
/** The advice asked for someone else ("what's next for him", "can she do it"). */
const ASKED_FOR_OTHER =
  /\b(him|them|his|their|for her|to her|(?:can|could|should|would|does|will|is) (?:she|he|they) (?:do|get|go|take|start|apply|be|need|have))\b/;

/**
 * "My manager has the level 4 and says it's rubbish. I'm an agent...", "my mum works in a call centre
 * ... im 16 and at school": a writer who states their own facts and asks for no one else mentions their
 * manager or family in passing; those people's job and qualifications are not the learner's.
 */
export function mentionsInPassing(all: Clause[]): boolean {
  const others = all.filter((c) => c.subject === "other");
  if (others.length === 0) return false;
  if (
    !all.some((c) => c.subject === "self" && !c.question && c.modality !== "wish" && SELF_FACT.test(c.text))
  )
    return false;
  // Each person named is a bystander (a clause that only goes on about them names no one).
  if (others.some((c) => otherMention(c.text) && !BYSTANDER.test(c.text))) return false;
  if (!others.some((c) => BYSTANDER.test(c.text))) return false;
  return !all.some((c) => c.subject !== "other" && ASKED_FOR_OTHER.test(c.text));
}

/**
 * Reads role, work, experience, level held, apprenticeship and nation from the clauses of a message:
 * only present facts about the learner count; a past job fills experience only when it was
 * contact-centre or customer-service work; wishes and plans never become facts.
 */
export function readProfile(
  all: Clause[],
  catalogue: Catalogue,
  today: Date,
  heldLevels: number[],
  writerAdvises = false,
  writerIsLearner = false,
  roleAsked = false,
): ProfileReading {
  const r: ProfileReading = { aboutOther: false, evidence: [] };
  const ev = (slot: string, read: string, how: string) => r.evidence.push({ slot, read, how });
  // A writer giving their own age ("I'm 35, mum of 3", "I am 45 and have been a carer for my mum")
  // writes about themselves: the children or parents they name are not the learner.
  // Those the writer mentions in passing ("my manager has the level 4") are not the learner either.
  let clauses = mentionsInPassing(all)
    ? all.filter((c) => c.subject !== "other")
    : writerIsLearner
      ? all.map((c): Clause => (c.subject === "other" ? { ...c, subject: "self" } : c))
      : all;
  r.aboutOther = clauses.some((c) => c.subject === "other");
  // An adviser, employer or teacher writing with no one else named describes only themselves.
  if (writerAdvises && !r.aboutOther) clauses = [];
  // Writing about someone else: only what is said of them counts, not the writer's own job or years
  // ("I'm a team manager. One of my TLs, Priya, ..."); a clause with no subject before the first one
  // about them introduces the writer ("Work coach, Swansea. Claimant: Dylan, 24").
  // "I manage a contact centre in Livingston. One of my advisors, Aisha, has been with us 14 months":
  // someone on the staff of the writer's contact centre works in one.
  let staffOfCentre = false;
  if (r.aboutOther) {
    const first = clauses.findIndex((c) => c.subject === "other");
    staffOfCentre =
      clauses
        .slice(0, first + 1)
        .some((c) => WRITER_CENTRE.test(c.text) && STRONG_CC.test(c.text) && !c.question) &&
      clauses.some((c) => c.subject === "other" && CENTRE_STAFF.test(c.text));
    clauses = clauses.filter((c, i) => c.subject === "other" || (c.subject === "none" && i > first));
  }

  // Role, and whether they work in a contact centre now. A role named anywhere is looked for clause by
  // clause (roleIn is the costly part of reading a message: once for the whole, then per clause).
  const roles = new Map<Clause, ReturnType<typeof roleIn>>();
  const twoTitles = new Set<Clause>();
  const correcting = clauses.some(
    (c) =>
      // (Each pattern needs "no" or "being", and "now", "any", "days" or "longer".)
      (c.text.includes("no") || c.text.includes("being")) &&
      (c.text.includes("now") ||
        c.text.includes("any") ||
        c.text.includes("days") ||
        c.text.includes("longer")) &&
      /\b(not|no longer|stopped being|quit being)\b( [a-z]+){0,4} (any ?more|now|these days)\b|\bno longer\b|\b(im|i am) now (a|an)\b/.test(
        c.text,
      ),
  );
  // "compare them for my team leaders", "I cover for my TL": people the writer names are not the
  // writer's own role.
  const roleOf = (c: Clause) => {
    if (!roles.has(c)) {
      // "one of my agents": the learner's role, named in the plural.
      // "I'm a team leader and one of my agents, Marcus, ...": the writer's role, said before the
      // person they write about, is not the learner's.
      const mention = c.subject === "other" ? otherMention(c.text) : undefined;
      const own = mention && mention.start > 0 && SELF_BEFORE.test(c.text.slice(0, mention.start));
      const text =
        c.subject === "other"
          ? c.text
              .slice(own ? mention.start : 0)
              .replace(
                /\b(one of (?:my|our|them|his|her|their)(?: [a-z]+)?) (agent|advisor|supervisor|team leader|tl|operator|operative|analyst|planner)s\b/g,
                "$1 $2",
              )
          : c.text.replace(OTHERS_STAFF, " ");
      // "the customer service desk at B&Q" is a shop's counter, not a help desk; "2 yrs telesales
      // experience" is experience, not the job held now.
      const untitled = noTitle(text);
      const read = untitled.includes(" desk")
        ? untitled.replace(/\bcustomer services? desk\b/g, "customer service counter")
        : untitled;
      // (People in the plural, in a clause about the writer, are not the writer's job: "I coach new
      // starters"; said of the people written about, they are theirs: "for my team leaders".)
      let found = roleIn(catalogue.roles, read, { ambiguous: "skip", plurals: c.subject === "other" });
      // "I'm not an agent any more, I'm a workforce planner": a role given in place of another (or in
      // answer to the role question) is read even when its name fits two titles; the bot confirms it.
      if (!found && (correcting || roleAsked)) {
        found = roleIn(catalogue.roles, read, { ambiguous: "first", plurals: c.subject === "other" });
        if (found?.role) twoTitles.add(c);
      }
      // "I lead a small team on the service desk": the desk names where they work, not which title (they
      // lead the operatives).
      const deskOnly =
        found?.role?.title === "Help Desk Operative" &&
        /^(it )?(service desk|help desk|helpdesk)$/.test(found.matched) &&
        /\b(lead|leads|manage|manages|run|runs|supervise|supervises|head)\b/.test(read);
      // "team leader. sales call centre.", "a team leader in a sales contact centre - 10 telesales agents":
      // a team leader of sales is a Sales Team Leader.
      const salesLead =
        found?.role?.title === "Contact Centre Team Leader" &&
        /^(team leader|team lead|tl)$/.test(found.matched) &&
        /\b(sales|telesales)\b/.test(all.map((x) => x.text).join(" "))
          ? catalogue.roles.roles.find((x) => x.title === "Sales Team Leader")
          : undefined;
      roles.set(
        c,
        (found && /^ (experience|exp)\b/.test(read.slice(found.end)) && found.role) || deskOnly
          ? undefined
          : found && salesLead
            ? { ...found, role: salesLead }
            : found,
      );
    }
    return roles.get(c);
  };
  let notWorking = false;
  let inEducation = false;
  let ccFact = false;
  let roleAt = -1;
  let endedAt = -1;
  let elsewhere: string | undefined;
  for (const [i, c] of clauses.entries()) {
    // "..., the last two as a team leader, but I was made redundant in August": the job has ended.
    // ("I left in 2024 and I'm not working now": the negation is the ending itself.)
    if (!c.question && ENDED.test(c.text) && (!c.negated || /\bnot working\b/.test(c.text))) endedAt = i;
    if (notInCc(c.text)) {
      notWorking = true;
      ev("working", c.raw, "not in a contact centre");
    }
    if (!c.question && NOT_WORKING.test(c.text)) {
      notWorking = true;
      ev("working", c.raw, "not working");
    }
    // At school or college now, even in a clause about what comes next ("leaving school in June").
    // ("he's in year 11 and wants to work in a call centre when he leaves": a wish names no job now; "a
    // year 13 student asked about contact centre qualifications", "doing a customer service course at
    // college": words about contact centres that name no work now leave them at school.)
    // ("apprenticeship or college course - which is better?": a choice names options, not where they are.)
    const choice =
      /\bor\b/.test(c.text) &&
      !c.negated &&
      !/^(im|i am|hes|shes|he is|she is|theyre|they are)\b/.test(c.text);
    if (
      c.modality !== "past" &&
      !c.question &&
      !choice &&
      (c.modality === "wish"
        ? AT_SCHOOL.test(c.text.replace(WISHED_WORK, " ")) &&
          !CC_NOW.test(noTitle(c.text).replace(WISHED_WORK, " "))
        : AT_SCHOOL.test(c.text) && !CC_NOW.test(noTitle(c.text)))
    ) {
      inEducation = true;
      ev("working", c.raw, "in education");
    }
    // A job now at a place no contact-centre word names ("she works in a hairdresser's at the minute",
    // "works in asda warehouse, wants to do a call centre job", "alongside my job at Greggs") is other
    // work, unless the message shows contact-centre work now.
    // ("a job I can do alongside my job at Greggs": a job held is named even inside a wish.)
    const said = c.modality === "wish" ? c.text.replace(WISHED_WORK, " ") : c.text;
    const place =
      PLACE_NOW.exec(said) ??
      (c.modality === "wish" ? /\b(?:my|his|her) [a-z ]{0,12}job /.exec(c.text) : null);
    const placeText = place && place.input === said ? said : c.text;
    if (
      place &&
      c.modality !== "past" &&
      c.modality !== "future" &&
      !c.negated &&
      !c.question &&
      !CC_WORK.test(placeText.slice(place.index))
    )
      elsewhere = c.raw;
    if (c.modality === "wish" || c.modality === "future") continue;
    const m = roleOf(c);
    // "while I'm at college": in education, which a contact-centre job beside it does not undo.
    if (m?.role === null && EDUCATION.test(m.matched) && !c.question) {
      inEducation = true;
      ev("working", c.raw, "in education");
      continue;
    }
    if (m?.role === null) {
      notWorking = true;
      if (r.role === undefined) r.role = null;
      ev("role", m.matched, "not working");
      continue;
    }
    if (m?.role && c.modality === "past" && !c.negated && !c.question && r.pastRole === undefined) {
      r.pastRole = m.role.title;
      ev("pastRole", m.matched, "past");
    }
    if (
      m?.role &&
      c.modality !== "past" &&
      !(c.negated && /\b(not|no|never)\b[^,]*$/.test(c.text.slice(0, m.start))) &&
      // ("is the level 3 better for a team leader?": a role asked about, not one held.)
      !(c.question && /\b(for|as|like) (a|an|the)\s*$/.test(c.text.slice(0, m.start)))
    ) {
      if (r.role === undefined) {
        r.role = m.role.title;
        roleAt = i;
        ev("role", m.matched, twoTitles.has(c) ? "one of two titles" : m.how);
      }
      ccFact = true;
      continue;
    }
    // "a CSA at a bank", "workforce planner in a 200-seat centre": a job name shared by two titles
    // says which work, if not which title.
    if (
      !m &&
      c.modality === "fact" &&
      !c.negated &&
      !c.question &&
      /\b(csa|csas|workforce planner|resource planner|planner)\b/.test(c.text) &&
      !/\b(my|our|for|the) (csas|planners)\b/.test(c.text)
    ) {
      ccFact = true;
      ev("working", c.raw, "contact-centre work now");
    }
    if (!m && c.modality !== "past" && !c.negated) {
      const action = roleByAction(c.text);
      if (action && r.role === undefined) {
        r.role = action;
        ccFact = true;
        ev("role", c.raw, "what they do");
      }
    }
    if (
      (c.modality === "fact" || c.modality === "progress") &&
      !c.negated &&
      !c.question &&
      // ("10 years on phones at the surgery, but that was 6 years ago": the work is in the past.)
      !/^(?:but |and )?(?:that|this|it|that job) (?:was|were|ended|finished) (?:\w+ ){0,3}ago\b/.test(
        clauses[i + 1]?.text ?? "",
      ) &&
      CC_NOW.test(noTitle(c.text)) &&
      // "my first job is at a call centre, I start in January": not yet.
      !(clauses[i + 1]?.modality === "future" && /\bstart/.test(clauses[i + 1]?.text ?? "")) &&
      // ("I'm an apprentice at a contact centre doing the level 2 apprenticeship": the words up to the
      // contact centre say the work; a course named well after it does not undo it; "contact centre
      // qualifications" still names a course.)
      !/\b(experience|trial|placement (?!in)|friend|mate|boss|about (the |a |an |any |those )?(qualifications?|quals?|courses?|nvqs?|apprenticeships?|levels?|units?)|qualifications?|quals?|course|nvqs?|apprenticeships?)\b/.test(
        /^(im|i am|i work|hes|shes|he is|she is)\b/.test(c.text)
          ? c.text.slice(
              0,
              (CC_NOW.exec(noTitle(c.text))?.index ?? 0) +
                (CC_NOW.exec(noTitle(c.text))?.[0].length ?? c.text.length) +
                16,
            )
          : c.text,
      )
    ) {
      ccFact = true;
      ev("working", c.raw, "contact-centre work now");
    }
    if (c.modality !== "past" && WORKS_ELSEWHERE.test(c.text)) {
      notWorking = true;
      ev("working", c.raw, "works elsewhere");
    } else if (
      (c.modality === "fact" || c.modality === "progress") &&
      !c.negated &&
      !c.question &&
      OTHER_JOB_NOW.test(c.text) &&
      !CC_WORK.test(c.text)
    ) {
      // "warehouse picker at amazon", "I'm in the RAF", "now I drive for Deliveroo": a job now, not in a
      // contact centre (blind corpus J).
      notWorking = true;
      ev("working", c.raw, "works elsewhere");
    }
  }
  if (elsewhere && !ccFact && r.role === undefined) {
    notWorking = true;
    ev("working", elsewhere, "works elsewhere");
  }
  // A contact-centre job now, beside school or college ("I work in a call centre while I'm at
  // college"), is work; being in education with no such job is not.
  if (staffOfCentre && !notWorking) {
    ccFact = true;
    ev("working", "one of the writer's staff", "contact-centre work now");
  }
  if (inEducation && !ccFact) notWorking = true;
  if (r.role && endedAt > roleAt && roleAt >= 0) {
    r.role = null;
    ccFact = false;
    notWorking = true;
  }
  if (clauses.some((c) => notInCc(c.text))) {
    r.role = null;
    r.working = false;
    ccFact = false;
  }
  if (r.role === null) {
    r.working = false;
  } else if (r.role && !notWorking) r.working = true;
  else if (ccFact && !notWorking) r.working = true;
  else if (notWorking && !(ccFact && r.role)) {
    r.working = false;
    if (r.role === undefined || r.role) r.role = null;
  }

  // Experience: contact-centre or customer-service spans, summed; "overall" wins; other work ignored.
  let sum = 0;
  let found = false;
  let overall: number | undefined;
  let prevCc = false;
  let lastUnit: "y" | "m" | undefined;
  let prevMonths: number | undefined;
  let ongoing = 0;
  for (const c of clauses) {
    // "18 months on an inbound sales line and a year in a bakery", "a scheduler for 3 years and an
    // agent for 2": each span of a clause is read with the words that say what it was spent on.
    // "the OCR Level 2 NVQ Certificate in Contact Centre Operations from 2019": a qualification's
    // title names no work, and its date is not when work began.
    const segments = spansOf(noTitle(c.text));
    for (const seg of segments) {
      const whole = seg === c.text;
      // "until two years ago", "but that was 6 years ago": when a span ended, not how long it was.
      const spanText =
        (SPAN_ENDED.test(seg) ||
          /\b(got|did|done|passed|finished|completed|gained|achieved|had|was|were)\b/.test(seg)) &&
        !/\b(since|started|joined|began)\b/.test(seg)
          ? seg.replace(AGO, " ")
          : seg;
      // "5 years experience" with no other work named is the experience the bot asks about. Work named
      // in another trade ("a retail store manager", "supervisor at Next") is not contact-centre work
      // unless the words say calls, phones or a contact centre.
      const other = OTHER_WORK.test(seg) && !STRONG_CC.test(seg);
      const cc: boolean =
        !other &&
        (CC_WORK.test(seg) ||
          (whole ? roleOf(c)?.role != null : false) ||
          prevCc ||
          /\b(experience|exp)\b/.test(seg));
      let months: number | undefined;
      const range = rangeMonthsIn(spanText, today);
      // "since 2016": a year alone does not say how many months (a careful reader leaves it for the
      // bot to ask); "since March 2016" does.
      const start = range === undefined ? startDateIn(seg, today) : undefined;
      const hasDuration =
        DURATION.test(spanText) &&
        !/\b(olds?|aged?|yo|y o)\b/.test(spanText) &&
        !/\bin (\d+|a|one|two|three) (weeks?|months?)\b/.test(spanText);
      // "2 years' experience from 2016-18": the length said wins over the dates that bound it.
      if (start && !/\bborn\b/.test(seg)) {
        if (!start.yearOnly) months = monthsSince(start, today);
      } else if (JUST_STARTED.test(seg)) months = 0;
      else if (hasDuration)
        months = parseDurationMonths(spanText.replace(/\b(none|nothing|never|not yet|zero)\b/g, " "), today);
      else if (range !== undefined) months = range;
      // "3 years and a bit", "5 years odd": not an exact length (a careful reader leaves it to be asked).
      // "20+ years", "more than 3 years": a lower bound, not a length.
      if (
        months !== undefined &&
        (/\b(and a bit|odd|more than)\b/.test(seg) ||
          /\d\s*\+\s*(?:years?|yrs?|months?|mths?)\b/i.test(c.raw)) &&
        !start
      )
        months = undefined;
      // "before that CSA for 5", "and an agent for 2": a bare number takes the unit of the span before it.
      const bare = BARE_LENGTH.exec(seg);
      if (months === undefined && cc && lastUnit && bare)
        months = Number(bare[1] ?? bare[3]) * (lastUnit === "y" ? 12 : 1);
      if (months !== undefined && /\b(years?|yrs?)\b/.test(seg)) lastUnit = "y";
      else if (months !== undefined && /\b(months?|mths?)\b/.test(seg)) lastUnit = "m";
      // "from 2001 to 2021 (20 years)", "2 yrs as an agent (2019-2021)": a clause that is only a length
      // or only dates, as long as the span before it, says that span again.
      const restates = months !== undefined && months === prevMonths && RESTATED.test(c.text);
      if (months !== undefined && cc && !restates && c.modality !== "wish" && c.modality !== "future") {
        if (OVERALL.test(seg)) overall = Math.max(overall ?? 0, months);
        // "since 2019 ... and since April 2024 I've been a supervisor": spans running to today overlap;
        // the longest of them counts, not their sum.
        else if (start && !/\b(until|till|til|to|left|ended)\b/.test(seg)) {
          sum += Math.max(0, months - ongoing);
          ongoing = Math.max(ongoing, months);
        } else sum += months;
        found = true;
        ev("experienceMonths", whole ? c.raw : seg, "contact-centre span");
      }
      prevMonths = months;
      // A clause about something else ("while my kids are at school") does not end the span talked of
      // unless it has a length of its own ("and a year in a bakery"), or names other work.
      // "no contact centre experience, 30 yrs in steel production": a negated span names no work to continue.
      prevCc =
        c.negated && NO_CC_EXPERIENCE_CLAUSE.test(seg)
          ? false
          : cc
            ? true
            : other && (months !== undefined || !whole || NAMES_OTHER_WORK.test(seg))
              ? false
              : prevCc;
    }
  }
  if (overall !== undefined) r.experienceMonths = overall;
  else if (found) r.experienceMonths = sum;
  else if (clauses.some((c) => NO_CC_EXPERIENCE.test(c.text) && c.modality !== "wish")) {
    r.experienceMonths = 0;
    ev("experienceMonths", "0", "no experience");
  }

  // Level held: qualifications achieved, not ones being taken, wished for or asked about.
  const levels: number[] = [...heldLevels];
  let none = false;
  for (const [i, c] of clauses.entries()) {
    if (c.modality === "wish" || c.modality === "future") continue;
    // "how many credits is the level 3 NVQ and how many have to be at level 3?": a question with no one
    // in it asks what a qualification needs or holds; its levels are no one's.
    // ("did A levels", "have 3 A levels", "who holds A levels" state, not ask.)
    if (
      c.question &&
      (!HELD.test(c.text) ||
        (!PERSON.test(c.text) && (/\?\s*$/.test(c.raw) || !/^(did|have|has|got|who)\b/.test(c.text))))
    )
      continue;
    // In a question, a level counts only where a held word governs it ("I have GCSEs, can I...").
    // "Got my A level results back - failed them all."
    // "I did two years of a nursing degree but dropped out in 2022": not achieved either.
    if (
      /^(but )?(i |he |she |they )?(failed (them|it|those|all)|dropped out(?! of)|didnt finish|did not finish|never finished|quit|left before)\b/.test(
        clauses[i + 1]?.text ?? "",
      )
    )
      continue;
    // "if i did the OCR level 3 NVQ instead, could i…": supposed, not held (persona review 6).
    if (
      /^(?:but |and |so )?(?:if|what if|suppose|supposing|say) (?:i|she|he|they|we) (?:did|do|took|take|went for|go for|chose|choose|switched|switch|were to)\b/.test(
        c.text,
      )
    )
      continue;
    // "10269 how many credits and how many at level 4": a question, wherever its question word is.
    if (/\bhow (many|much|long)\b/.test(c.text) && !HELD.test(c.text)) continue;
    const text = c.text.replace(/\b(national 5s?|n5s?|nat 5s?)\b/g, "gcses");
    for (const l of levelsIn(text)) {
      const before = text.slice(Math.max(0, l.start - 25), l.start);
      const around = text.slice(Math.max(0, l.start - 30), l.end + 30);
      // "no quals": none at all, unless something else is held. "No GCSEs" alone does not say there is
      // nothing else; "no GCSEs above grade 3" is low grades; "no quals since school" leaves school's.
      const after = text.slice(l.end);
      if (/\bno\s*$/.test(before) && /^(gcses?|qualifications?|quals)$/.test(l.matched)) {
        if (/^gcse/.test(l.matched) && /^ (above|over|higher than)\b/.test(after)) {
          levels.push(1);
          ev("level", c.raw, "low grades");
        } else if (!/^gcse/.test(l.matched) && !NONE_QUALIFIED.test(after)) none = true;
        continue;
      }
      // "they prefer applicants with level 2", "jobs for people with A levels": what others ask for.
      if (
        /\b(applicants|candidates|people|someone|anyone|those|staff|you) (with|who have|who hold|that have|holding)( an?| the| at least)?\s*$/.test(
          before,
        )
      )
        continue;
      // "units 1, 2 and 4 of the OCR level 2 certificate": the units' qualification is being taken.
      if (UNITS_OF.test(text.slice(Math.max(0, l.start - 80), l.start))) continue;
      // "Level 2 or Level 3 - which would you recommend?", "L2 or L3 route": a choice, not a level held.
      if (
        /^ or (level|lvl|l|nvq) ?\d\b/.test(text.slice(l.end)) ||
        /\b(level|lvl|l|nvq) ?\d or $/.test(text.slice(Math.max(0, l.start - 12), l.start))
      )
        continue;
      if (
        // ("no qualifications, not even GCSEs".)
        /\b(no|not|without|never|didnt|dont|doesnt|havent|hasnt|hadnt|isnt|wasnt|failed|any)( even| actually)?( (yet )?(having )?(got|get|have|hold|holds|pass|passed|finish|finished|sit|sat|do|did|done|taken))?( my| his| her| their| any| the| a| an)?( ocr| iq| city and guilds| cityguilds)?\s*$/.test(
          before,
        )
      )
        continue;
      if (STUDYING.test(text) && !/\b(got|have|passed|done|completed)\b/.test(before)) continue;
      // ("started in the summer after my A levels": when work began, not a pass; "left school after my
      // GCSEs" still says they were taken.)
      if (/\b(started|began|joined)\b[^,]*\bafter( my| his| her| their)?\s*$/.test(text.slice(0, l.start)))
        continue;
      if (
        /\b(doing|do|start|starting|get|getting|want|wants|go for|aim|aiming|thinking about|next|move to|move up to|onto|towards|up to|to|into|study|studying|on the|on a|finishing|plan|about|enrol|enrolling|enrolled on)( an?| the| my)?\s*$/.test(
          before,
        )
      )
        continue;
      // A level that names a qualification ("the OCR L3 NVQ diploma") is held only when the clause says so.
      if (
        (c.question || QUALIFICATION_WORDS.test(around)) &&
        l.level > 0 &&
        /^(nvq|svq|qcf|rqf|level|lvl|lev|l\d|\d|one|two|three|four)\b/.test(l.matched) &&
        !OTHER_SUBJECT.test(text.slice(l.end)) &&
        (!heldGoverns(text.replace(/\b(done|chosen|picked|got|completed|have|has) units\b/g, " "), l.start) ||
          /\b(offered|an offer|a place on)\b/.test(text))
      )
        continue;
      if (l.level === 0) {
        if (/^(nothing|none|zilch)$/.test(l.matched) || NONE_QUALIFIED.test(after)) continue;
        none = true;
      } else if (
        l.level === 2 &&
        // "I got 3 GCSEs but all grade 3 and below": the grades may follow in a clause of their own.
        (LOW_GRADES.test(text) ||
          (/^(but |and )?(all |mostly |only )/.test(clauses[i + 1]?.text ?? "") &&
            LOW_GRADES.test(clauses[i + 1]?.text ?? "")) ||
          // "couple of GCSEs, english at D I think, maths U": each subject's grade said after it.
          subjectGradesLow(`${text} ${clauses[i + 1]?.text ?? ""} ${clauses[i + 2]?.text ?? ""}`)) &&
        !HIGH_GRADES.test(text) &&
        // Standard Grades run from 1 (the best) to 7: "grade 1" there is no low grade.
        !/\b(standard|o) grades?\b/.test(text)
      ) {
        levels.push(1);
        ev("level", c.raw, "low grades");
      } else {
        levels.push(l.level);
        // GCSEs without their grades, and Scottish results, are compared to the scale rather than named
        // on it: the level is said back to be confirmed (persona review 5, wrong advice 12).
        const scottish = /\b(national 5s?|n5s?|nat 5s?|highers?|an? higher|higher \w+)\b/.test(c.text);
        if (l.named && ((l.level === 2 && !HIGH_GRADES.test(text)) || (scottish && l.level <= 3)))
          ev("level", c.raw.trim(), "compared");
      }
    }
  }
  if (levels.length) r.level = Math.max(...levels);
  else if (none) r.level = 0;

  // Apprenticeship: wanting or doing one (or being an apprentice); not wanting one. A question about
  // an apprenticeship's details ("how long does it take", "is there an age limit") or whether someone
  // could do one says nothing of what the learner wants; nor does a choice still open ("A levels or an
  // apprenticeship?"), an apprenticeship done in the past, someone else's wish for them ("our manager
  // wants us on it") or apprentices in the plural (an employer's intake, not one learner).
  for (const [i, c] of all.entries()) {
    if (!/\b(apprentice(ship)?s?|prentisiaeth\w*)\b/.test(c.text)) continue;
    // "an apprenticeship coordinator at a college": someone's job, not an apprenticeship wanted.
    if (
      /\bapprenticeships? (coordinator|co ordinator|manager|officer|provider|levy|team|lead|leader|assessor|tutor|programme manager|scheme manager|adviser|advisor)\b/.test(
        c.text,
      ) &&
      (c.text.match(/\bapprentice/g) ?? []).length === 1
    )
      continue;
    if (
      (!/\b(?:do|does|really|definitely|defo|deffo|def) want (?:an? |to do an? |to do the )?apprentice/.test(
        c.text,
      ) &&
        /\b(dont|do not|doesnt|not|no|never)\b.{0,30}\bapprentice/.test(c.text)) ||
      /\bapprentice\w* (isnt|arent|not)\b/.test(c.text)
    ) {
      r.apprenticeship = false;
      break;
    }
    // "has asked whether she'd like to do an apprenticeship. She'd rather not."
    if (
      /\b(rather not|not keen|not interested|doesnt want (to|one)|dont want (to|one))\b/.test(
        all
          .slice(i + 1, i + 3)
          .map((x) => x.text)
          .join(" "),
      )
    ) {
      r.apprenticeship = false;
      break;
    }
    if (
      /\b(how long|how many|how much|what does|whats involved|does the|do i need|what essential|what is|whats an?|compare|count towards|what age|age limit|minimum age|upper age|difference|differ)\b/.test(
        c.text,
      )
    )
      continue;
    if (
      /\bapprenticeships? or (?!.*apprentice)|(?<!\b(level|l) ?\d )\bor (an? |the )?([a-z]+ ){0,3}apprenticeships?\b/.test(
        c.text,
      )
    )
      continue;
    if (
      /\b(manager|boss|employer|work|company|firm) (wants|has asked|asked|says|said|would like)\b|\basked (whether|if)\b/.test(
        c.text,
      )
    )
      continue;
    if (
      (/\bapprentices\b/.test(c.text) && !/\bapprenticeship\b/.test(c.text)) ||
      /\b(put|putting|send|sending|enrol|enrolling) (\d+|two|three|four|five|some|all|our|my)( [a-z]+){0,3} (starters|staff|agents|people|team|them|employees|advisors)\b/.test(
        c.text,
      )
    )
      continue;
    if (
      /\b(did|done|completed|finished|passed)\b.{0,40}\bapprenticeship\b|\bmy time as an apprentice\b/.test(
        c.text,
      )
    )
      continue;
    if (
      c.modality === "wish" ||
      c.modality === "progress" ||
      // "Interested in: an apprenticeship in customer contact": a heading's wish goes on after it.
      (all[i - 1]?.modality === "wish" && /\b(in|to|for|on|into)$/.test(all[i - 1]?.text ?? "")) ||
      // Doing one, starting one, or a place on one: "has just started an apprenticeship", "I'm starting
      // the Welsh Level 2 apprenticeship in January", "has a place to start a contact centre apprenticeship".
      (!c.question &&
        /\b(?<!to )(started|starting|start|begun|beginning|doing|on|got|has|have|a place on|place to start|signed up (for|to)|enrolled on)( an?| the| my| his| her| their)?( [a-z0-9]+){0,4} (apprenticeship|prentisiaeth\w*)\b/.test(
          c.text,
        )) ||
      // "Would I be allowed onto an apprenticeship at my age?", "can I do an apprenticeship in a call
      // centre?": asking for oneself to get onto one.
      /\b(can|could|would|will|am) i( be)?( allowed| able| eligible| old enough)?( to)? (do|start|get|go on|go onto|onto|on|apply for|take|for)( an?| the)?( [a-z0-9]+){0,5} (apprenticeship|prentisiaeth\w*)\b/.test(
        c.text,
      ) ||
      // "one of my apprentices doing the IQ Level 2 NVQ", "for an apprentice I assess": one learner
      // who is an apprentice.
      /\b(one of (my|our|the) apprentices|(for an|this) apprentice|an apprentice (on|doing|who|i|we|taking|starting))\b/.test(
        c.text,
      ) ||
      /\b(im|i am|shes|hes|is|as) (an |on (an |the )?)apprentice/.test(c.text) ||
      /\b(my|our|new|old) apprentice\b|\bapprentice [a-z]+ (is|has|just|started|wants)\b|^apprentice\b/.test(
        c.text,
      ) ||
      /\b(is there|are there|any)( an?| any)?( [a-z]+){0,3} (apprenticeships?|prentisiaeth\w*)\b|\b(which|what)( [a-z]+){0,3} apprenticeships?\b/.test(
        c.text,
      )
    ) {
      r.apprenticeship = true;
      break;
    }
  }

  // Nation: a place in the UK, or the nation's name where it says where they are (an adviser's place
  // is the learner's too). Places in two nations ("Chester-based but our office is in Wrexham") or a
  // move to come ("moving to Glasgow") decide nothing.
  const nations = new Set<Nation>();
  // A nationality ("I'm Welsh but live in Chester") says where someone is from, not where they live: a
  // place given beside it decides.
  let fromNationality: Nation | undefined;
  let movedTo: Nation | undefined;
  let afterMove = false;
  for (const c of all) {
    if (
      (c.text.includes("mov") || c.text.includes("relocat")) &&
      /\b(moving|move|relocating|relocate) (to|up to|back to)\b/.test(c.text)
    ) {
      afterMove = true;
      continue;
    }
    // ("might move to Chester (England) next spring": the nation said beside the move is the move's.)
    if (afterMove && /^(?:in )?(?:england|wales|scotland|northern ireland|ni)$/.test(c.text.trim())) continue;
    afterMove = false;
    // "Just moved from Aberdeen to Leeds": where they moved to.
    const moved = c.text.includes("from ")
      ? /\b(?:moved|relocated|came) (?:up |down |over |back )?from .+? to (.+)$/.exec(c.text)
      : null;
    const place = placeNation(moved ? (moved[1] ?? "") : c.text);
    if (moved && place) movedTo ??= place.nation;
    if (place) {
      nations.add(place.nation);
      if (r.nation === undefined) ev("nation", place.place, place.likely ? "likely place" : "gazetteer");
      r.nation ??= place.nation;
      continue;
    }
    // (Without a nation's word the clause says nothing here, whatever NOT_RESIDENCE says.)
    const named = NATION_WORDS.find(([re]) => re.test(c.text));
    if (!named || NOT_RESIDENCE.test(c.text)) continue;
    if (
      named &&
      /\b(im|i am|hes|shes|he is|she is|is|originally|born)( a)? (welsh|scottish|english|northern irish|irish)\b/.test(
        c.text,
      )
    ) {
      fromNationality ??= named[1];
      continue;
    }
    if (named) {
      nations.add(named[1]);
      if (r.nation === undefined) ev("nation", named[1], "named");
      r.nation ??= named[1];
    }
  }
  if (nations.size > 1) r.nation = undefined;
  // (Where they moved to is where they are, whatever places they worked in before.)
  if (movedTo) r.nation = movedTo;
  if (nations.size === 0 && fromNationality) {
    r.nation = fromNationality;
    ev("nation", fromNationality, "nationality");
  }
  return r;
}

/** A role read from what someone does: "I lead a team of 12 agents", "I manage a 200 seat contact centre". */
function roleByAction(t: string): string | undefined {
  if (
    /\bhead of (the |our )?(contact centre|call centre|customer contact|customer service|cc)\b|\b(centre|contact centre) managers? report to me\b/.test(
      t,
    )
  )
    return "Senior Contact Centre Manager";
  if (
    /\b(i|we) (manage|run|head)( a| the| our)?( \d+| small| large| big)?( seat| staff| person)?( inbound| outbound)?( contact| call| cc)? (centre|site|helpline)\b/.test(
      t,
    )
  )
    return "Contact Centre Manager";
  if (
    /\b(i|she|he) (lead|leads|manage|manages|supervise|supervises|run|runs) (a |the |my )?team of (\d+ )?(agents|advisors|advisers|call handlers|csas|staff|people)\b|\b(\d+ )?(agents|advisors) report to me\b/.test(
      t,
    )
  )
    return "Contact Centre Team Leader";
  if (/\bsupervising (the )?(evening|night|day|weekend|late) shift\b/.test(t)) return "Supervisor";
  return undefined;
}
