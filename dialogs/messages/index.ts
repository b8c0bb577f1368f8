import type { Locale } from "../types.ts";
import { en, english } from "./en.ts";
import type { Messages, Who } from "./messages.ts";

export type { Messages } from "./messages.ts";

/**
 * The message catalogue of each language the conversation speaks, chosen per conversation by its
 * locale: the one place a new language (a Welsh cy.ts, issue 18) plugs in.
 */
const CATALOGUES: Record<Locale, { you: Messages; about: (who: Who) => Messages }> = {
  en: { you: en, about: english },
};

/** The catalogue of a language, speaking of `who` ("you" unless the advice is for someone else). */
export const messagesFor = (locale: Locale, who?: Who): Messages =>
  !who || who.person === "you" ? CATALOGUES[locale].you : CATALOGUES[locale].about(who);
