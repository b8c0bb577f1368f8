/** What the user asks the bot to do, beyond stating facts. */
export const INTENTS = [
  "deleteData",
  "handover",
  "restart",
  "back",
  "cancel",
  "help",
  "record",
  "define",
  "together",
  "whatIsUnit",
  "eligibility",
  "details",
  "compare",
  "whatNext",
  "unitsIn",
  "check",
  "plan",
  "recommend",
  "skip",
  "accept",
  "greeting",
] as const;
export type Intent = (typeof INTENTS)[number];

export const TERMS = ["barred", "credit", "glh", "mandatory", "optional", "nvq", "qcf", "level"] as const;
export type Term = (typeof TERMS)[number];

/** Patterns on normalised text, tried in the order of INTENTS: the first that matches wins. */
const PATTERNS: Record<Intent, RegExp> = {
  deleteData:
    /\b(delete|erase|remove|wipe|clear|forget) (all )?(of )?(my|me|our|everything)( (data|details|info|information|conversation|history|stuff|chat|messages))?\b|\bforget (about )?me\b|\b(gdpr|right to be forgotten)\b|\bdelete (my )?(data|everything|account)\b/,
  handover:
    /\bput me (through to|in touch)\b|\bput me through\s*$|\b(a |an )?(real )?(person|human|someone|somebody|adviser|advisor) (i|we) can (talk|speak|chat)\b|\b(talk|speak|chat|get through) (to|with) (a |an |the |some |real |actual )*(person|human|people|adviser|advisor|someone|somebody|member of staff|agent)\b|\b(real|actual) (person|human)\b|\bhuman (please|pls)\b|^(a )?human\b|\bcan i (call|phone|ring)\b|\bcontact (an |a )?(adviser|advisor|person)\b/,
  restart:
    /\b(restart|start (again|over|afresh)|begin again|from (the )?(scratch|beginning|start)|reset|new (session|conversation|learner))\b/,
  back: /^(back|go back|undo|undo that|previous|back up|step back|go back one|oops go back)\b|\b(go back|undo|undo that|previous question)\b/,
  cancel:
    /^(cancel|stop|quit|exit|never ?mind|nvm|forget it|abort|end|bye|goodbye)( (it|this|that|please|thanks|now))*$|^(never ?mind|nvm|ok|oh|no)?\s*(cancel|stop|quit|forget it|never ?mind)( (it|this|that|please|thanks|now))*$|^(never ?mind|nvm|forget it) (cancel|forget it|stop)( (it|this|that))?$/,
  help: /^(help|\?+|h|menu|options|commands)( me)?( please| pls| plz)?$|^what (do|can) i (do|say|type)( here| now)?$|\b(what can you do|how (does|do) (this|you) work|i need help|can you help|what can i (say|ask|type)|im (stuck|lost|confused))\b/,
  record:
    /\bcopy of (this|the) (chat|conversation|session)\b|\b((session )?record|summary|summari[sz]e|write (it|this) up|notes? (for|of) (the|this) session|export|end (the )?session|finish (the )?session)\b/,
  define:
    /\bwhat (?:does|do) (?:the word |the term )?(barred|credits?|glh|mandatory|optional|qcf|nvq)(?: units?)? (?:\w+ ){1,6}mean\b|\bwhat even is an? (nvq|credit|glh|qcf)\b|\b(?:what does (?:it|that|this) mean|whats it mean|what is it mean)\b.*\b(barred|credits?|glh|mandatory|optional|qcf)\b|\b(barred|credits?|glh|mandatory|optional|qcf)\b.*\bwhat does (?:it|that|this) mean\b|\bhow do(?:es)? (?:the )?(credits?|glh|barred units?|levels?) work\b|\b(?:what (?:does|do|is|s|are)|whats|meaning of|define|explain|what is meant by)(?: (?:a|an|the|by|word|term|it|mean by))* (barred(?: units?)?|bar|credits?|credit value|glh|guided learning hours?|mandatory(?: units?)?|optional(?: units?)?|nvqs?|qcf|levels?)(?: (?:actually|really|exactly))?(?: (?:mean|means|meant|stand for|stands for|units?))?(?: (?:exactly|please|again|here|in this context|in this))*$/,
  together:
    /\b(ok|okay|allowed|alright|possible|fine) to (pick|take|choose|do|have) (unit )?\d+ (with|and|alongside) (unit )?\d+\b|\b(\d{1,2}|[a-z]\/\d{3}\/\d{4}) (and|&|with) (unit )?(\d{1,2}|[a-z]\/\d{3}\/\d{4})\b.*\b(together|allowed|at the same time|both)\b|\bcan i (combine|mix|pair) |\b(together|both|at the same time|alongside|combine|combination)\b.*\bunits?\b|\bunits?\b.*\b(together|at the same time|alongside|with each other)\b|\bcan i (take|do|have|choose|pick) (unit|units) \S+ (and|&|with) \S+/,
  whatIsUnit:
    /\bunit \S+ (whats|what is) (that|it|this)( one)?\b|^(explain|describe|what is|whats) ([a-z]\/\d{3}\/\d{4}|unit \S+)$|\b(what (is|s|about)|tell me about|whats|describe|info on|details of|more about) unit\b|\bunit \S+ (about|mean)\b|\bwhat (does|do|is) unit \S+( \S+){0,4} (cover|involve|about|mean|entail)\b|\b(what|whats|tell me)\b.*\b[a-z]\/\d{3}\/\d{4}\b.*\b(about|cover|mean)\b|\bwhat (is|s) the .+ unit\b/,
  eligibility:
    /\bcount as (contact centre|call centre|cc) (work|experience)\b|\b(apply|applies) to\b.{0,30}\b(people|staff|desks?|workers|roles?)\b|\bcover (\w+ ){0,3}(people|staff|workers|roles?)\b|\btoo (high|advanced|hard|difficult) for (me|her|him|them)\b|\b(is it|is that) true\b.{0,60}\bonly for\b|\bput (me|her|him|them) through (an?|the) \w+|\b(can|could|may) (i|you|she|he|they|my \w+|someone|people|a \d+ year old)( still| even| actually)? (do|take|start|apply|get|go on|join|enrol|sign up|go straight)\b|\b(am i|is she|is he|are they|are you|would i be|would she be|would he be) (allowed|eligible|old enough|too old|too young|able to)\b|\b(age limit|minimum age|too old|too young|old enough|eligib\w*|allowed to (do|take|start)|open to (me|her|him|them|someone))\b|\bdo (i|you|she|he|they) (need|have to (have|be)) (a job|to be working|to work|gcses?|maths|english|any qualifications|qualifications|experience)\b|\b(is|are) (it|they|nvqs?) (only )?for (people|someone) (with|in)\b|\bwill (my|her|his|a) \w+ stop (me|her|him)\b|\bstop (me|her|him) (doing|from)\b/,
  details:
    /\bhow (long|many (credits|hours|units|glh)|much (does|is|will|do)|is it assessed|are they assessed)\b|\bwhat(s| is| are)? (involved|included)\b|\bessential skills\b|\bwhat (does|do) (the |an? )?\S+( \S+){0,6} (involve|include|cover|need|require|entail)\b|\bdo (i|you) need\b.*\bessential skills\b|\b(do|can) (i|you) do (it|this|the \w+( \w+)?) (online|from home|part time|in the evenings)\b|\bonline from home\b|\bwhats the \w+( \w+)? all about\b/,
  compare:
    /\b(compare|comparison|difference(s)? between|differ|vs|versus|better|harder than|easier than)\b|\b(level|l) ?\d\b.{0,25}\bor (the )?(level|l) ?\d\b/,
  whatNext:
    /\bnext one( up)?\b|\bwhat else is there\b|\b(does|do|will|would|can) (any|my|it|they|them|all|some|the)\b.{0,30}\bcount\b|\bwhat (comes |should i do |can i do |to do |do i do |is |s )?(next|after)\b|\bwhats next\b|\bwhat now\b|\bnext (step|level|qualification)\b|\bprogress(ion)?\b|\bmove (up|on)\b|\b(units?|credits?) (count|carry|transfer|carry over)\b|\bcount towards\b|\b(after|beyond) (the |my )?(level|nvq|ocr|\d{5})/,
  unitsIn:
    /\b(which|what) units (are|is|does|do|make|in|for|of|there)\b|\bunits (are )?(in|of|for) (the |a |an )?\S+|\bwhat (is|s) in (the )?\S+|\bwhats in\b|\bunit list\b|\blist (the |of |all )?units\b|\bshow (me )?(the )?units\b/,
  check:
    /\b(check|valid|validate|verify|does (this|that) work|is (this|that) (ok|okay|allowed|right|valid)|would (this|that|these) (work|pass|be ok))\b/,
  plan: /\bwhich (optional )?units should (i|she|he|they) (pick|choose|take|do)\b|\b(plan|quickest|fastest|shortest|fewest|least|easiest|best combination|which units should i|choose (my )?units for me|pick (the )?units|suggest (some )?units)\b/,
  recommend:
    /\bbest\b.{0,30}\b(course|qual\w*|route|option|thing|one)\b.{0,15}\bfor (me|her|him|them|someone)\b|\bwhat (course|qual\w*)\s*$|\bshould (i|she|he|they) (do|get|take|start) (a|an|any|the)\b|\b(qual\w*|course) (fits|suits|fit|suit|goes with)\b|\bhighest (qual\w*|level)\b|\b(is|are) there (a|an|any)\b.{0,40}\b(qual\w*|course|apprenticeships?|nvq)\b|\bwhat level (am i|is she|is he|should)\b|\banything (i|she|he|they) could do\b|\b(what|which) (course|courses|qualification|qualifications|qual|quals|nvq|one|level|route|cert\w*)s?\b.*\b(should|would|could|do|for me|for her|for him|for them|suit|right|best|fit|good|help)\b|\bwhere (do|should|would|can) (i|she|he|they) (start|begin)\b|\bwhat (would|do|could) you (suggest|recommend|advise)\b|\bany (ideas|suggestions|advice|recommendations)\b|\bfirst step\b|\bwhat (can|should|could) (i|she|he|they) do\b|\bis (it|that|this|the \S+( \S+){0,4}) (worth|right|for me|for her|for him)\b|\bworth (it|doing)\b|\bwould (a|the|an|any) (qualification|course|nvq|cert\w*|qual) help\b|\bwhat (qualifications?|quals?|courses?) (do|should|would|could|are|is|can)\b|\bbest (route|way|qual\w*|course|option|next step|place to start)\b|\banything for (someone|me|her|him)\b|\bwhere (would|could|do) (i|she|he|they) go from here\b|\bwhat level should\b|\bright level\b|\bsuit (me|her|him|them)\b|\bwhats (left|out there|available)\b|\bwhat else is there\b|\bdevelopment route\b|\bqualifications? (would|will|could) (fit|help|suit)\b|\b(which|what) (qualification|course|nvq|certificate|one) (is )?best for me\b|\b(which|what) (qualification|course|nvq|certificate|one) (suits|should|would|is best|is right|for me|do you recommend)|\bsuit(s|able)? (for )?me\b|\brecommend|\bwhat should i (do|study|take|go for)\b|\bbest (course|qualification|option) for me\b|\bright (course|qualification) for me\b/,
  skip: /^(skip|pass|next question|i dont know|dont know|dunno|not sure|no idea|unsure|no comment|not telling|wont say|pass on that|(i am |im )?not sure|(i )?dont know yet)( please| thanks)?$|^skip( this| that| it)?( question| one| bit)?( please| thanks)?$|\b(rather not|prefer not to|would rather not|dont want to) (say|answer|tell|share)( (that|this|it))?\b/,
  accept:
    /^(ok(ay)?|fine|great|perfect|good|cool|lovely|brilliant|thanks|thank you|cheers)?\s*(thats|that is|this is|looks|sounds|seems|im|i am)? ?(good|great|fine|perfect|happy|all good|spot on|grand|ok|okay|done|finished)( thanks| thank you| cheers| with (that|this|it))?$|\b(looks good|im happy|happy with (that|this|it)|that will do|thatll do|sounds good|lets go with (that|this|it)|go with (that|this|it)|accept|i ll take it|ill take it|(that|this|it) works( for me)?)\b/,
  greeting:
    /^(hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening)|hi there|hello there|morning|afternoon|alright|wotcha|hey up|sup)\b/,
};

const TERM_PATTERNS: [RegExp, Term][] = [
  [/\bbarred|\bbar\b/, "barred"],
  [/\bglh|guided learning/, "glh"],
  [/\bcredits?\b/, "credit"],
  [/\bmandatory\b/, "mandatory"],
  [/\boptional\b/, "optional"],
  [/\bqcf\b/, "qcf"],
  [/\bnvqs?\b/, "nvq"],
  [/\blevels?\b/, "level"],
];

export function intentOf(text: string): { intent: Intent; term?: Term } | undefined {
  for (const intent of INTENTS) {
    if (!PATTERNS[intent].test(text)) continue;
    if (intent === "define") {
      const word = PATTERNS.define.exec(text)?.find((g, i) => i > 0 && g !== undefined) ?? "";
      const term = TERM_PATTERNS.find(([re]) => re.test(word))?.[1];
      if (!term) continue;
      return { intent, term };
    }
    return { intent };
  }
  return undefined;
}
