import type { z } from "zod";
import { ProfileInput } from "../../advice/profile.ts";
import {
  answerCheck,
  answerPlan,
  answerProgression,
  answerRecommend,
  CheckRequest,
  entryOf,
  PlanRequest,
  RequestError,
  UnknownEntryError,
} from "../../advice/requests.ts";
import type { AdvisorServices } from "../../advice/services.ts";
import { NoUnitListError, UnitInputError } from "../../rules/index.ts";
import { planJson, qualificationList, transferJson } from "../answers.ts";

/** An answer of the REST API: status and JSON body (the same JSON as the CLI's --json). */
export interface ApiResponse {
  status: number;
  body: unknown;
}

const bad = (message: string, extra: Record<string, unknown> = {}): ApiResponse => ({
  status: 400,
  body: { error: message, ...extra },
});

function invalid(e: z.ZodError): ApiResponse {
  return bad("The request body is not valid.", {
    issues: e.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
}

/** Typed domain errors as 404s and 400s with the problem named; anything else is a bug (500 by the caller). */
function domainError(e: unknown): ApiResponse | undefined {
  if (e instanceof UnknownEntryError) return { status: 404, body: { error: e.message, known: e.known } };
  if (e instanceof RequestError)
    return bad(
      e.describe((field) => field),
      e.known ? { known: e.known } : {},
    );
  if (e instanceof UnitInputError) return bad(e.message, { problems: e.problems });
  if (e instanceof NoUnitListError) return bad(e.message);
  return undefined;
}

/** The REST API: bodies validated by the domain's request schemas, answered by the domain's services. */
export class AdvisorApi {
  constructor(
    readonly services: AdvisorServices,
    readonly today: () => Date,
  ) {}

  /** The body validated by `schema`, then answered; 400 lists the failing fields. */
  #answer<T>(schema: z.ZodType<T>, body: unknown, answer: (request: T) => unknown): ApiResponse {
    const p = schema.safeParse(body);
    if (!p.success) return invalid(p.error);
    return this.#run(() => answer(p.data));
  }

  #run(answer: () => unknown): ApiResponse {
    try {
      return { status: 200, body: answer() };
    } catch (e) {
      const d = domainError(e);
      if (d) return d;
      throw e;
    }
  }

  qualifications(): ApiResponse {
    return { status: 200, body: qualificationList(this.services.catalogue) };
  }

  qualification(id: string): ApiResponse {
    return this.#run(() => entryOf(this.services.catalogue, id));
  }

  check(body: unknown): ApiResponse {
    return this.#answer(CheckRequest, body, (r) => answerCheck(this.services, r));
  }

  plan(body: unknown): ApiResponse {
    return this.#answer(PlanRequest, body, (r) => planJson(answerPlan(this.services, r)));
  }

  recommend(body: unknown): ApiResponse {
    return this.#answer(ProfileInput, body ?? {}, (r) => answerRecommend(this.services, r, this.today()));
  }

  progression(id: string, have: string[]): ApiResponse {
    return this.#run(() => transferJson(answerProgression(this.services, id, have)));
  }
}
